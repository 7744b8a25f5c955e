"""The pages to load-test on one side of the benchmark, and their SQL queries per request.

    DJANGO_SETTINGS_MODULE=bench.settings python bench/targets.py              # ours
    DJANGO_SETTINGS_MODULE=bench.stock_oscar.settings python bench/targets.py  # stock Oscar

Prints JSON: {name: {"method", "path", "queries", "status", "queries_ms", "slowest_query"}}.
Queries are counted with Django's test client in this process (CaptureQueriesContext), after
one warm-up request, as a running site with a warm cache serves them; a basket with one line
exists for the checkout page. Pages marked "visitor" are requested by a visitor with a session
and a basket (in wrk too), who is never served a stored page.
"""

import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
OURS = apps.is_installed("vendors")


def targets() -> dict[str, dict]:
    """name → {"method", "path"}; ours has every page, stock Oscar the shop's own."""
    products = Product.objects.browsable().filter(upc__startswith="BENCH-").order_by("pk")
    product = products[products.count() // 2]
    category = (
        Category.objects.filter(depth=2, productcategory__isnull=False).order_by("path").distinct().first()
    )
    pages = {
        "catalogue": {"method": "GET", "path": reverse("catalogue:index")},
        "category": {"method": "GET", "path": category.get_absolute_url()},
        "product": {"method": "GET", "path": product.get_absolute_url()},
        "basket": {"method": "GET", "path": reverse("basket:summary")},
        "add-to-basket": {"method": "POST", "path": reverse("basket:add", kwargs={"pk": product.pk})},
        "checkout-start": {"method": "GET", "path": reverse("checkout:index")},
    }
    if OURS:
        pages = {"home": {"method": "GET", "path": "/"}, **pages}
        # Our anonymous pages come from the page cache (marketplace/pagecache.py); the same pages
        # for a visitor with a session and a basket are rendered on every request.
        pages["catalogue-rendered"] = {**pages["catalogue"], "visitor": True}
        pages["product-rendered"] = {**pages["product"], "visitor": True}
        pages["search"] = {"method": "GET", "path": reverse("search:search") + "?q=beni+ourain+rug"}
        try:
            pages["suggest"] = {"method": "GET", "path": reverse("search:suggest") + "?q=bouch"}
        except NoReverseMatch:
            pass
    return pages


def count_queries(pages: dict[str, dict]) -> dict[str, dict]:
    # A browser, as in wrk (bench/wrk.lua): its product views are recorded.
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36")
    product_page = pages["product"]["path"]
    client.get(product_page)
    add = pages["add-to-basket"]["path"]
    results = {}
    for name, page in pages.items():
        if page["method"] == "POST":
            # A fresh visitor each time: the POST adds to an existing basket, as the load test does.
            client.post(add, {"quantity": 1})
            with CaptureQueriesContext(connection) as queries:
                response = client.post(add, {"quantity": 1})
        else:
            if page.get("visitor") and not client.cookies.get(settings.OSCAR_BASKET_COOKIE_OPEN):
                client.post(add, {"quantity": 1})  # a basket: never served a stored page
            client.get(page["path"])
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page["path"])
        slowest = max(queries.captured_queries, key=lambda query: float(query["time"]), default=None)
        results[name] = {
            **page,
            "queries": len(queries),
            "status": response.status_code,
            "queries_ms": round(sum(float(query["time"]) for query in queries.captured_queries) * 1000, 1),
            "slowest_query_ms": round(float(slowest["time"]) * 1000, 1) if slowest else 0,
            "slowest_query": slowest["sql"][:300] if slowest else "",
        }
    return results


if __name__ == "__main__":
    settings.ALLOWED_HOSTS = ["*"]
    print(json.dumps(count_queries(targets())))

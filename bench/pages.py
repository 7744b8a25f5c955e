"""Time the main storefront pages in-process on the demo data: median and p95 latency, CPU
time and SQL queries per page. A baseline for later benchmarks (gunicorn + wrk, stock Oscar
side by side).

    make bench-pages        # needs `make setup` first (demo data in var/db.sqlite3)
    BENCH_ROUNDS=50 make bench-pages

Wall-clock times follow the machine's load; the CPU time of the request (`time.process_time`,
this process only) is the steadier figure on a shared machine. The visitor has looked at five
pieces (Oscar's history cookie), as a browsing buyer has.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.local")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))


def pages() -> dict[str, str]:
    Product = get_model("catalogue", "Product")
    Category = get_model("catalogue", "Category")
    Cooperative = get_model("partner", "Cooperative")
    product = Product.objects.browsable().filter(product_class__slug="rug").first()
    category = Category.objects.get(slug="rugs", depth=1)
    cooperative = Cooperative.objects.verified().first()
    return {
        "home": "/",
        "catalogue": "/shop/catalogue/",
        "category": category.get_absolute_url(),
        "product": product.get_absolute_url(),
        "search": "/shop/search/?q=zellige",
        "basket": "/shop/basket/",
        "cooperatives": "/cooperatives/",
        "cooperative": cooperative.get_absolute_url(),
        "healthz": "/healthz",
    }


def visitor() -> Client:
    """A buyer who has looked at five pieces (the product page shows them as recently viewed)."""
    Product = get_model("catalogue", "Product")
    client = Client()
    viewed = list(Product.objects.browsable().order_by("pk").values_list("pk", flat=True)[:5])
    client.cookies[settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME] = json.dumps(viewed)
    return client


def measure(client: Client, url: str) -> dict:
    client.get(url)  # warm thumbnails and caches, as a running site has them
    timings, cpu = [], []
    for _ in range(ROUNDS):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US")
        cpu.append((time.process_time() - start_cpu) * 1000)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_ACCEPT_LANGUAGE="en-US")
    timings.sort()
    return {
        "url": url,
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "cpu_ms": round(statistics.median(cpu), 1),
        "queries": len(queries),
        "bytes": len(response.content),
    }


def main() -> None:
    settings.ALLOWED_HOSTS = ["*"]
    # Rate limits would answer 429 to a benchmark hammering the search page.
    settings.SOUK_RATE_LIMITS_ENABLED = False
    client = visitor()
    results = {name: measure(client, url) for name, url in pages().items()}
    out = Path(os.environ.get("BENCH_PAGES_OUT") or Path(__file__).parent / "results" / "pages.json")
    out.write_text(
        json.dumps(
            {
                "rounds": ROUNDS,
                "database": connection.vendor,
                "search_engine": bool(settings.ELASTICSEARCH_URL),
                "pages": results,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"{'page':<14}{'median ms':>10}{'p95 ms':>9}{'CPU ms':>8}{'queries':>9}{'KB':>7}")
    for name, row in results.items():
        print(
            f"{name:<14}{row['median_ms']:>10}{row['p95_ms']:>9}{row['cpu_ms']:>8}"
            f"{row['queries']:>9}{row['bytes'] // 1024:>7}"
        )
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()

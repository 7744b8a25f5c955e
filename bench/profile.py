"""Where one page spends its CPU: warm requests through Django's test client under pyinstrument
(a dev dependency), on the demo data, with the SQL queries each request makes.

    python bench/profile.py /shop/catalogue/
    python bench/profile.py product --rounds 50      # "product": the demo's first rug
    python bench/profile.py / --tree                 # the call tree instead of a flat list

Prints the CPU time per request (`time.process_time`), the queries of one request with the
code that made them, and pyinstrument's functions by their own time (or its call tree).
Nothing is written.
"""

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.local")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402


def _url(name: str) -> str:
    if name == "product":
        Product = get_model("catalogue", "Product")
        return Product.objects.browsable().filter(product_class__slug="rug").first().get_absolute_url()
    return name


def _queries(client: Client, url: str) -> list[tuple[str, str]]:
    """(SQL, the project's innermost frame) for each query of one request."""
    made = []

    def record(execute, sql, params, many, context):
        ours = [
            f"{Path(frame.filename).relative_to(ROOT)}:{frame.lineno} {frame.name}"
            for frame in traceback.extract_stack()[:-1]
            if frame.filename.startswith(str(ROOT))
            and "/.venv/" not in frame.filename
            and not frame.filename.endswith("ratelimits.py")  # the middleware every request passes
        ]
        made.append((sql, ours[-1] if ours else "(Django, Oscar or Wagtail)"))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(url, HTTP_ACCEPT_LANGUAGE="en-US")
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help='a path such as /shop/catalogue/, or "product"')
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--tree", action="store_true", help="the call tree instead of functions by own time")
    args = parser.parse_args()

    from pyinstrument import Profiler
    from pyinstrument.renderers import ConsoleRenderer

    settings.ALLOWED_HOSTS = ["*"]
    settings.SOUK_RATE_LIMITS_ENABLED = False
    url = _url(args.url)
    client = Client()
    Product = get_model("catalogue", "Product")
    viewed = list(Product.objects.browsable().order_by("pk").values_list("pk", flat=True)[:5])
    client.cookies[settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME] = json.dumps(viewed)
    for _ in range(3):
        client.get(url, HTTP_ACCEPT_LANGUAGE="en-US")

    started = time.process_time()
    for _ in range(args.rounds):
        client.get(url, HTTP_ACCEPT_LANGUAGE="en-US")
    cpu_ms = (time.process_time() - started) * 1000 / args.rounds

    queries = _queries(client, url)
    print(f"{url}: {cpu_ms:.1f} ms CPU per request, {len(queries)} queries")
    for number, (sql, where) in enumerate(queries):
        print(f"  {number:>2} {where:<60} {' '.join(sql.split())[:90]}")

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(args.rounds):
        client.get(url, HTTP_ACCEPT_LANGUAGE="en-US")
    profiler.stop()
    renderer = ConsoleRenderer(unicode=True, color=False, flat=not args.tree, time="percent_of_total")
    print(profiler.output(renderer))


if __name__ == "__main__":
    main()

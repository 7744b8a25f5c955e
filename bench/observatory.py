"""Export observatory benchmark: each staff view and a cooperative's insights page at scale.

    make bench-observatory                      # 100,000 orders, 1,000,000 searches
    BENCH_ORDERS=20000 BENCH_SEARCHES=200000 make bench-observatory   # a quicker run

On its own PostgreSQL database (BENCH_OBS_DATABASE_URL, default souk_bench_obs on 127.0.0.1):
creates and migrates it once, fills it once with `manage.py observatory_generate` (bulk
inserts, then the roll-ups, then ANALYZE), and times each page in-process with the test
client, warm: median and p95 over BENCH_ROUNDS requests, SQL queries and SQL time of one
request, and the CSV export. BENCH_FRESH=1 drops the database first. Results in
bench/results/observatory.json. The target is under 1 s per view.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get("BENCH_OBS_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/souk_bench_obs")
ORDERS = int(os.environ.get("BENCH_ORDERS", "100000"))
SEARCHES = int(os.environ.get("BENCH_SEARCHES", "1000000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
OUT = ROOT / "bench" / "results" / "observatory.json"

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "marketplace.settings.local",
    "DATABASE_URL": DATABASE_URL,
    "DJANGO_DEBUG": "false",
    "ELASTICSEARCH_URL": "",
}
os.environ.update(ENV)


def _admin(sql: str) -> None:
    base, _slash, _name = DATABASE_URL.rpartition("/")
    subprocess.run(["psql", f"{base}/postgres", "-qc", sql], check=False, capture_output=True)


def manage(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=ENV, check=True)
    return round(time.perf_counter() - started, 1)


def prepare() -> dict:
    name = DATABASE_URL.rpartition("/")[2]
    if os.environ.get("BENCH_FRESH"):
        _admin(f'DROP DATABASE IF EXISTS "{name}"')
    _admin(f'CREATE DATABASE "{name}"')
    timings = {"migrate_s": manage("migrate", "--no-input", "-v", "0")}
    import django

    django.setup()
    from oscar.core.loading import get_model

    timings["generated_now"] = (
        not get_model("order", "Order").objects.filter(number__startswith="GEN-").exists()
    )
    if timings["generated_now"]:
        timings["generate_s"] = manage(
            "observatory_generate", "--orders", str(ORDERS), "--searches", str(SEARCHES), "--seed", "7"
        )
    return timings


def volumes() -> dict:
    from oscar.core.loading import get_model

    from marketplace.observatory import models
    from search.models import QueryLog

    counted = {
        "orders": get_model("order", "Order").objects.count(),
        "order_lines": get_model("order", "Line").objects.count(),
        "search_queries": QueryLog.objects.count(),
        "events": models.Event.objects.count(),
    }
    for model in (
        models.SalesDaily,
        models.OrderDaily,
        models.CooperativeOrderDaily,
        models.ProductActivityDaily,
        models.FunnelDaily,
        models.SearchDaily,
        models.SearchMonthly,
        models.SearchClickDaily,
        models.AbandonedBasketDaily,
    ):
        counted[model._meta.model_name] = model.objects.count()
    return counted


def measure(client, url: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200, url  # warm
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    slowest = max(queries.captured_queries, key=lambda q: float(q["time"]), default={"time": 0, "sql": ""})
    return {
        "url": url,
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(timings[min(len(timings) - 1, int(len(timings) * 0.95))], 1),
        "max_ms": round(timings[-1], 1),
        "queries": len(queries.captured_queries),
        "sql_ms": round(sum(float(q["time"]) for q in queries.captured_queries) * 1000, 1),
        "slowest_query_ms": round(float(slowest["time"]) * 1000, 1),
        "slowest_query": slowest["sql"][:300],
    }


def main() -> None:
    setup = prepare()
    from django.contrib.auth import get_user_model
    from django.db.models import Sum
    from django.test import Client
    from django.urls import reverse

    from marketplace.observatory.models import CooperativeOrderDaily

    staff, _created = get_user_model().objects.get_or_create(
        email="bench-staff@souk.test", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(staff)
    busiest = (
        CooperativeOrderDaily.objects.values("cooperative_id")
        .annotate(n=Sum("orders"))
        .order_by("-n")
        .values_list("cooperative_id", flat=True)
        .first()
    )
    sales = reverse("dashboard:observatory-sales")
    demand = reverse("dashboard:observatory-demand")
    funnel = reverse("dashboard:observatory-funnel")
    pages = {
        "sales": sales,
        "sales_filtered_fr_rug": f"{sales}?country=FR&craft=rug",
        "sales_csv": f"{sales}?format=csv",
        "demand": demand,
        "demand_filtered_us_en": f"{demand}?country=US&language=en",
        "demand_csv": f"{demand}?format=csv",
        "funnel": funnel,
        "funnel_csv": f"{funnel}?format=csv",
        "cooperative_insights": f"{reverse('dashboard:cooperative-insights')}?cooperative={busiest}",
    }
    results = {}
    for name, url in pages.items():
        results[name] = measure(client, url)
        print(
            f"{name:24} median {results[name]['median_ms']:8.1f} ms  p95 {results[name]['p95_ms']:8.1f} ms  "
            f"{results[name]['queries']} queries, SQL {results[name]['sql_ms']} ms"
        )
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average": [round(value, 2) for value in os.getloadavg()],
        },
        "database": "postgresql",
        "requested": {"orders": ORDERS, "searches": SEARCHES},
        "volumes": volumes(),
        "setup_seconds": setup,
        "rounds": ROUNDS,
        "target_ms": 1000,
        "pages": results,
        "all_under_target": all(page["p95_ms"] < 1000 for page in results.values()),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Written {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

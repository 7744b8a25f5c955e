"""Load-test our site, stock Oscar and a hello-world view with gunicorn and wrk (`make bench`).

    python bench/run.py [--duration 10] [--connections 8,32] [--workers 4] [--skip-prepare]

1. Prepare (unless --skip-prepare): create the PostgreSQL databases souk_bench (ours) and
   souk_bench_stock (stock django-oscar 4.2, bench/stock_oscar/settings.py), migrate them and
   fill each with `manage.py bench_data` (50,000 products, 500 cooperatives, 20,000 orders)
   when it is empty.
2. For each side, start gunicorn (gunicorn.conf.py, sync workers) on 127.0.0.1:8207/8208,
   count SQL queries per page (bench/targets.py), make visitors with a basket for the POST and
   checkout pages, warm up, then run wrk at each connection count on each page.
3. Write bench/results/wrk.json: requests/s, p50/p95/p99, errors, queries per page, peak RSS
   per worker, and each of our pages as a ratio to stock Oscar and to hello-world.
"""

import argparse
import http.cookiejar
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
RESULTS = ROOT / "bench" / "results"
PG_ADMIN = os.environ.get("BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SIDES = {
    "ours": {
        "settings": "bench.settings",
        "database": "souk_bench",
        "wsgi": "marketplace.wsgi:application",
        "port": 8207,
    },
    "stock": {
        "settings": "bench.stock_oscar.settings",
        "database": "souk_bench_stock",
        "wsgi": "bench.stock_oscar.wsgi:application",
        "port": 8208,
    },
    "hello": {"settings": "bench.hello", "database": None, "wsgi": "bench.hello:application", "port": 8207},
}
# Pages compared with stock Oscar (it has no home page of its own, no search of ours, no suggest).
COMPARED = ("catalogue", "category", "product", "basket", "add-to-basket", "checkout-start")
VISITORS = 48


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10)))
    parser.add_argument("--connections", default=os.environ.get("BENCH_CONNECTIONS", "8,32"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 4)))
    parser.add_argument("--products", type=int, default=50_000)
    parser.add_argument("--cooperatives", type=int, default=500)
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument("--sides", default="ours,stock,hello")
    parser.add_argument("--pages", default="", help="only these pages, comma-separated: product,catalogue")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")
    connections = [int(c) for c in args.connections.split(",")]
    sides = args.sides.split(",")

    if not args.skip_prepare:
        for name in sides:
            if SIDES[name]["database"]:
                prepare(name, args)

    report = {
        "date": datetime.now(tz=UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_before": os.getloadavg(),
        },
        "settings": {
            "duration_s": args.duration,
            "connections": connections,
            "gunicorn_workers": args.workers,
        },
        "data": {"products": args.products, "cooperatives": args.cooperatives, "orders": args.orders},
        "sides": {},
    }
    for name in sides:
        report["sides"][name] = run_side(name, args, connections)
    report["machine"]["load_average_after"] = os.getloadavg()
    report["ratios"] = ratios(report["sides"], connections)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "wrk.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print_table(report, connections)
    print(f"\nwritten to {out.relative_to(ROOT)}")


# --- Preparation --------------------------------------------------------------------------
def prepare(name: str, args) -> None:
    side = SIDES[name]
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [side["database"]]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{side["database"]}"')
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": side["settings"]}
    manage = [PYTHON, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    filled = subprocess.run(
        [
            *manage,
            "shell",
            "-c",
            "from oscar.core.loading import get_model; "
            "print(get_model('catalogue', 'Product').objects.filter(upc__startswith='BENCH-').count())",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    if int(filled.stdout.strip().splitlines()[-1]) == 0:
        print(
            f"[{name}] generating {args.products} products, {args.cooperatives} cooperatives, "
            f"{args.orders} orders"
        )
        start = time.perf_counter()
        subprocess.run(
            [
                *manage,
                "bench_data",
                f"--products={args.products}",
                f"--cooperatives={args.cooperatives}",
                f"--orders={args.orders}",
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
        print(f"[{name}] generated in {time.perf_counter() - start:.0f} s")


# --- One side -----------------------------------------------------------------------------
def run_side(name: str, args, connections: list[int]) -> dict:
    side = SIDES[name]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": side["settings"],
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
        "GUNICORN_WORKERS": str(args.workers),
        "GUNICORN_BIND": f"127.0.0.1:{side['port']}",
        # One client address sends everything here; per-address limits would answer 429.
        "SOUK_RATE_LIMITS_ENABLED": "false",
    }
    if name == "hello":
        pages = all_pages = {"hello": {"method": "GET", "path": "/", "queries": 0, "status": 200}}
    else:
        counted = subprocess.run(
            [PYTHON, "bench/targets.py"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        )
        pages = all_pages = json.loads(counted.stdout.strip().splitlines()[-1])
        if args.pages:
            wanted = set(args.pages.split(","))
            pages = {name: page for name, page in pages.items() if name in wanted}
    base = f"http://127.0.0.1:{side['port']}"
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), side["wsgi"]],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    # Our side queues background tasks (the buffered product views' flush): one worker runs them,
    # on the same machine, as the compose file's `worker` service does.
    worker = (
        subprocess.Popen(
            [PYTHON, "manage.py", "db_worker", "--queue-name", "*", "--interval", "1"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
        )
        if name == "ours"
        else None
    )
    try:
        wait_for(base + "/", server)
        visitors = make_visitors(base, all_pages) if "add-to-basket" in all_pages else []
        results = {}
        for page_name, page in pages.items():
            needs_visitor = page_name in ("add-to-basket", "checkout-start", "basket") or page.get("visitor")
            warm(base + page["path"], visitors if needs_visitor else [], page["method"])
            runs = {}
            for count in connections:
                drain(base)
                runs[str(count)] = wrk(
                    base + page["path"],
                    count,
                    args.duration,
                    page["method"],
                    visitors if needs_visitor else [],
                )
                print(
                    f"[{name}] {page_name:<19} c={count:<3} {runs[str(count)]['rps']:>8} req/s  "
                    f"p50 {runs[str(count)]['p50_ms']:>7} ms  p95 {runs[str(count)]['p95_ms']:>7} ms  "
                    f"errors {runs[str(count)]['errors']}"
                )
            results[page_name] = {**page, "runs": runs}
        memory = worker_memory(server.pid)
    finally:
        for process in (worker, server):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        if worker is not None:
            worker.wait(timeout=30)
        try:
            server.wait(timeout=40)
        except subprocess.TimeoutExpired:
            # Workers still busy with requests wrk abandoned: nothing left to measure.
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
    return {"pages": results, "memory_mb": memory}


def wait_for(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode}")
        try:
            urllib.request.urlopen(url, timeout=10)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def drain(base: str, timeout: float = 180) -> None:
    """Wait until the workers are idle: requests wrk abandoned when its last run ended are
    still queued in gunicorn and would otherwise be served during the next run."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        start = time.monotonic()
        try:
            urllib.request.urlopen(base + "/bench-drain-probe/", timeout=timeout)
        except urllib.error.HTTPError:
            pass
        if time.monotonic() - start < 0.5:
            return
    raise RuntimeError(f"{base} still busy after {timeout} s")


def make_visitors(base: str, pages: dict) -> list[tuple[str, str]]:
    """Visitors with a session, a CSRF token and a basket holding the product: (cookies, token)."""
    visitors = []
    for _ in range(VISITORS):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.open(base + pages["product"]["path"], timeout=30).read()
        token = next(cookie.value for cookie in jar if "csrftoken" in cookie.name)
        body = urllib.parse.urlencode({"quantity": 1, "csrfmiddlewaretoken": token}).encode()
        opener.open(base + pages["add-to-basket"]["path"], data=body, timeout=30).read()
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)
        visitors.append((cookies, token))
    return visitors


def wrk_env(method: str, visitors: list[tuple[str, str]]) -> dict:
    return {
        **os.environ,
        "WRK_METHOD": method,
        "WRK_VISITORS": "|".join(cookies for cookies, _token in visitors),
        "WRK_TOKENS": "|".join(token for _cookies, token in visitors),
    }


def warm(url: str, visitors: list, method: str) -> None:
    subprocess.run(
        ["wrk", "-t1", "-c2", "-d2s", "-s", str(ROOT / "bench" / "wrk.lua"), url],
        env=wrk_env(method, visitors),
        check=True,
        capture_output=True,
    )


def wrk(url: str, connections: int, duration: int, method: str, visitors: list) -> dict:
    threads = min(2, connections)
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-s",
            str(ROOT / "bench" / "wrk.lua"),
            url,
        ],
        env=wrk_env(method, visitors),
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("WRK_JSON "))
    data = json.loads(line.removeprefix("WRK_JSON "))
    errors = sum(value for key, value in data.items() if key.startswith("errors_"))
    return {
        "rps": round(data["requests"] / (data["duration_us"] / 1_000_000), 1),
        "requests": data["requests"],
        "p50_ms": round(data["p50_ms"], 1),
        "p95_ms": round(data["p95_ms"], 1),
        "p99_ms": round(data["p99_ms"], 1),
        "max_ms": round(data["max_ms"], 1),
        "errors": errors,
        "error_detail": {key: value for key, value in data.items() if key.startswith("errors_") and value},
    }


def worker_memory(master_pid: int) -> dict:
    """Peak resident memory (VmHWM) of each gunicorn worker, in MB."""
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    peaks, private = [], []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
        # What the worker does not share with the preloaded master (copy-on-write pages).
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        private.append(
            sum(int(kb) for kb in re.findall(r"Private_(?:Clean|Dirty):\s+(\d+) kB", rollup)) / 1024
        )
    master = (
        int(re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{master_pid}/status").read_text()).group(1)) / 1024
    )
    return {
        "workers": len(peaks),
        "peak_rss_per_worker_max": round(max(peaks), 1) if peaks else None,
        "peak_rss_per_worker_mean": round(sum(peaks) / len(peaks), 1) if peaks else None,
        "private_per_worker_mean": round(sum(private) / len(private), 1) if private else None,
        "master_peak_rss": round(master, 1),
    }


# --- Report -------------------------------------------------------------------------------
def ratios(sides: dict, connections: list[int]) -> dict:
    ours = sides.get("ours", {}).get("pages", {})
    stock = sides.get("stock", {}).get("pages", {})
    hello = sides.get("hello", {}).get("pages", {}).get("hello")
    table = {}
    for name, page in ours.items():
        row = {}
        for count in map(str, connections):
            entry = {}
            compared = name.removesuffix("-rendered")
            if compared in stock and compared in COMPARED:
                entry["vs_stock"] = round(
                    page["runs"][count]["rps"] / max(stock[compared]["runs"][count]["rps"], 0.1), 2
                )
            if hello:
                entry["vs_hello"] = round(page["runs"][count]["rps"] / hello["runs"][count]["rps"], 4)
            row[count] = entry
        table[name] = row
    return table


def print_table(report: dict, connections: list[int]) -> None:
    print(
        f"\n{'side':<6}{'page':<20}{'queries':>8}"
        + "".join(f"{'c=' + str(c) + ' req/s':>13}{'p95 ms':>9}{'err':>5}" for c in connections)
    )
    for side_name, side in report["sides"].items():
        for name, page in side["pages"].items():
            cells = "".join(
                f"{page['runs'][str(c)]['rps']:>13}{page['runs'][str(c)]['p95_ms']:>9}{page['runs'][str(c)]['errors']:>5}"
                for c in connections
            )
            print(f"{side_name:<6}{name:<20}{page['queries']:>8}{cells}")
        print(f"{side_name:<6}memory: {side['memory_mb']}")


if __name__ == "__main__":
    main()

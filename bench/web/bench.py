"""Lighthouse, axe-core and the Nu HTML Checker on the main storefront pages (`make bench-web`).

Builds its own demo database (DATABASE_URL, default sqlite:////tmp/souk-bench-web.sqlite3) unless
it is already there, collects the static files, serves the site with gunicorn and DEBUG off (static
files through WhiteNoise as in production, media through Django's static view standing in for the
media host), runs bench/web/run.mjs and writes bench/results/web.json.

    make bench-web                    # needs node/npm, Java 17 and /usr/bin/chromium
    BENCH_WEB_PORT=8108 make bench-web
    BENCH_WEB_BASE=http://127.0.0.1:8108 make bench-web   # measure a server already running
"""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
RESULTS = ROOT / "bench" / "results" / "web.json"
DEFAULT_DB = "sqlite:////tmp/souk-bench-web.sqlite3"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", DEFAULT_DB)
    env["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(ROOT), env.get("PYTHONPATH", "")])
    env["DJANGO_DEBUG"] = "false"
    # No search engine: the storefront's database fallback answers, the same on every machine.
    env["ELASTICSEARCH_URL"] = "http://127.0.0.1:9"
    return env


def _manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env, check=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pages(env: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Page name → path on the demo data, and a note for each page that could not be measured."""
    script = """
import json
import django
django.setup()
from oscar.core.loading import get_model
from marketplace.models import ArtisanStoryPage
Product = get_model("catalogue", "Product")
Cooperative = get_model("partner", "Cooperative")
rug = Product.objects.browsable().filter(product_class__slug="rug").first()
coop = Cooperative.objects.verified().first()
story = ArtisanStoryPage.objects.live().first()
pages = {
    "home": "/",
    "catalogue": "/shop/catalogue/",
    "search": "/shop/search/?q=rug",
    "product": rug.get_absolute_url(),
    "cooperative": coop.get_absolute_url(),
}
notes = {}
if story:
    pages["story"] = story.url
else:
    notes["story"] = "skipped: the demo data has no published story"
print(json.dumps({"pages": pages, "notes": notes}))
"""
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return data["pages"], data["notes"]


def _wait_for(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _measure(base: str, pages: dict[str, str], notes: dict[str, str]) -> None:
    for path in pages.values():  # warm thumbnails, as a running site has them
        urllib.request.urlopen(base + path, timeout=120).read()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as spec:
        json.dump({"base": base, "pages": pages, "notes": notes}, spec)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(["node", str(HERE / "run.mjs"), spec.name, str(RESULTS)], cwd=HERE, check=True)
    finally:
        os.unlink(spec.name)
    print(f"Full results: {RESULTS.relative_to(ROOT)}")


def main() -> None:
    env = _env()
    if base := os.environ.get("BENCH_WEB_BASE"):
        _measure(base.rstrip("/"), *_pages(env))
        return
    db_url = env["DATABASE_URL"]
    fresh = db_url.startswith("sqlite:///") and not Path(db_url.removeprefix("sqlite:///")).exists()
    _manage("migrate", "--no-input", "-v", "0", env=env)
    if fresh or os.environ.get("BENCH_WEB_LOAD_DEMO"):
        _manage("load_demo", env=env)
    _manage("collectstatic", "--no-input", "-v", "0", env=env)
    pages, notes = _pages(env)

    port = int(os.environ.get("BENCH_WEB_PORT") or _free_port())
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
            # First renders make thumbnails; on a busy machine they outlast gunicorn's 30 s default.
            "--timeout",
            "180",
            "bench_urls_wsgi:application",
        ],
        # Not the repository root: its gunicorn.conf.py configures production logging.
        cwd=HERE,
        env=env,
        start_new_session=True,
    )
    try:
        _wait_for(base + "/robots.txt", server)
        _measure(base, pages, notes)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()

"""The embedded default's search engine: osmem-server in the background, for `make run`.

    python -m search.local_server start   # prints the URL; pid and URL kept in var/osmem.json
    python -m search.local_server stop
    python -m search.local_server status

Local settings read the URL from var/osmem.json while that process is alive, so a site
started without it simply searches the database. No Django import at module level: the
settings module imports `server_url`.
"""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
STATE_FILE = BASE_DIR / "var" / "osmem.json"
LOG_FILE = BASE_DIR / "var" / "osmem.log"
DEFAULT_ADDR = os.environ.get("OSMEM_ADDR", "127.0.0.1:9201")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (OSError, ValueError):
        return False
    return True


def _state() -> dict:
    try:
        state = json.loads(STATE_FILE.read_text())
    except (OSError, ValueError):
        return {}
    return state if _alive(int(state.get("pid", 0))) else {}


def server_url() -> str:
    """The running local server's URL, or '' when there is none."""
    return _state().get("url", "")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1):
            return True
    except Exception:
        return False


def start(addr: str = DEFAULT_ADDR, timeout: float = 30.0) -> str:
    """Start osmem in the background (no-op when already running); returns its URL or raises."""
    state = _state()
    if state:
        return state["url"]
    from osmem_server import resolve_binary

    STATE_FILE.parent.mkdir(parents=True, exist_ok=True)
    url = f"http://{addr}"
    with open(LOG_FILE, "ab") as log:
        process = subprocess.Popen(
            [resolve_binary(), "--addr", addr, "--no-ja", "--no-stdin-watch"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"osmem exited with status {process.returncode}; see {LOG_FILE}")
        if _answers(url):
            STATE_FILE.write_text(json.dumps({"pid": process.pid, "url": url}))
            return url
        time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"osmem did not answer on {url} within {timeout:.0f} s; see {LOG_FILE}")


def stop() -> bool:
    """Stop the server this module started; False when none was running."""
    state = _state()
    STATE_FILE.unlink(missing_ok=True)
    if not state:
        return False
    os.kill(int(state["pid"]), signal.SIGTERM)
    for _ in range(50):
        if not _alive(int(state["pid"])):
            break
        time.sleep(0.1)
    return True


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "status"
    if command == "start":
        try:
            print(f"Search server (osmem) at {start()}")
        except Exception as exc:
            print(f"Search server not started ({exc}); the site will search the database.", file=sys.stderr)
            return 1
    elif command == "stop":
        print("Search server stopped." if stop() else "No search server was running.")
    elif command == "status":
        url = server_url()
        print(f"Search server at {url}" if url else "No search server running.")
        return 0 if url else 1
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

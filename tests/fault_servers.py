"""Servers the fault tests (tests/faults/) start, break and bring back.

Everything here is started on a free port of 127.0.0.1 and stopped by its context manager,
whatever happens in the test: no process, thread or socket outlives the test that made it.

- `Blackhole`: a TCP server that accepts connections and never answers (a hung dependency).
- `StripeFront`: an HTTP front for localstripe that can swallow responses (the request reached
  Stripe, the answer was lost) and keeps Stripe's idempotency promise, which localstripe lacks:
  a repeated Idempotency-Key gets the first answer again instead of a second object.
- `PrivatePostgres`: a PostgreSQL cluster of the test's own (initdb in a temporary folder), to
  stop and start without touching the machine's shared server.
- `Service`: a subprocess (gunicorn, a load script) stopped on exit with its process group.
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from checkout.local_stripe import free_port, is_listening

__all__ = ["Blackhole", "PrivatePostgres", "Service", "StripeFront", "free_port", "wait_for"]


def wait_for(predicate, *, timeout: float, interval: float = 0.1, what: str = "condition"):
    """Poll `predicate` until it returns a true value; raise TimeoutError after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not reached within {timeout} s")
        time.sleep(interval)


class Blackhole:
    """Accepts TCP connections on 127.0.0.1 and never sends a byte: a server that hangs."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _addr = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.accepted += 1
            self._held.append(conn)  # read nothing, answer nothing, keep it open

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)
        for conn in self._held:
            conn.close()
        self.sock.close()


HOP_HEADERS = ("content-length", "connection", "transfer-encoding", "date", "server")


class StripeFront:
    """An HTTP front for a localstripe at `upstream`, on a port of its own.

    `swallow_next(n)` makes the next n writes reach localstripe and then hang without an answer
    until the client gives up, as when a network cut loses Stripe's response. Requests with an
    Idempotency-Key Stripe has already answered get that answer again (Stripe keeps them 24 h),
    so counting objects at localstripe shows whether a retry would charge twice. `requests`
    records (method, path, idempotency key) of everything received.
    """

    def __init__(self, upstream: str):
        self.upstream = urlsplit(upstream)
        self.requests: list[tuple[str, str, str]] = []
        self.replayed = 0
        self._answers: dict[str, tuple[int, list, bytes]] = {}
        self._swallow = 0
        self._lock = threading.Lock()
        self._closing = threading.Event()
        front = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *args):
                pass

            def _relay(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                key = self.headers.get("Idempotency-Key", "")
                with front._lock:
                    front.requests.append((self.command, self.path, key))
                    stored = front._answers.get(key) if key else None
                    swallow = self.command == "POST" and front._swallow > 0
                    if swallow:
                        front._swallow -= 1
                if stored is not None:
                    front.replayed += 1
                else:
                    stored = front._forward(self.command, self.path, self.headers, body)
                    if key and stored[0] < 500:
                        with front._lock:
                            front._answers.setdefault(key, stored)
                if swallow:
                    front._closing.wait(timeout=60)  # lost on the way back: the client times out first
                    return
                self._answer(*stored)

            def _answer(self, status, headers, data):
                self.send_response(status)
                for name, value in headers:
                    if name.lower() not in HOP_HEADERS:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = _relay

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1})
        self._thread.daemon = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def swallow_next(self, count: int = 1) -> None:
        with self._lock:
            self._swallow = count

    def writes(self, path_prefix: str) -> list[tuple[str, str, str]]:
        return [r for r in self.requests if r[0] == "POST" and r[1].startswith(path_prefix)]

    def _forward(self, method, path, headers, body):
        connection = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port, timeout=20)
        try:
            forwarded = {k: v for k, v in headers.items() if k.lower() not in ("host", "connection")}
            connection.request(method, path, body=body or None, headers=forwarded)
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        except OSError:
            return 502, [("Content-Type", "application/json")], b'{"error": {"message": "upstream down"}}'
        finally:
            connection.close()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._closing.set()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)


POSTGRES_BIN = Path(os.environ.get("SOUK_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))


class PrivatePostgres:
    """A throw-away PostgreSQL cluster on 127.0.0.1:`port`, owned by this test.

    Run as the `postgres` OS user when we are root (PostgreSQL refuses to run as root). Stopping
    it with `stop()` is the outage; `start()` brings the same data back, as a restart does.
    """

    def __init__(self):
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="souk-faults-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self._as_postgres = os.geteuid() == 0

    @staticmethod
    def missing_reason() -> str:
        """Why a private cluster cannot be made here, or "" when it can."""
        for tool in ("initdb", "pg_ctl", "postgres"):
            if not (POSTGRES_BIN / tool).exists():
                return f"{POSTGRES_BIN / tool} is missing (install postgresql-15 or set SOUK_POSTGRES_BIN)"
        if os.geteuid() == 0 and not shutil.which("runuser"):
            return "running as root without runuser, so PostgreSQL cannot be started as postgres"
        if os.geteuid() == 0:
            try:
                import pwd

                pwd.getpwnam("postgres")
            except KeyError:
                return "running as root and there is no postgres user to run the cluster"
        return ""

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args, timeout: float = 60):
        command = [str(POSTGRES_BIN / args[0]), *map(str, args[1:])]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=timeout)

    def init(self) -> "PrivatePostgres":
        if self._as_postgres:
            shutil.chown(self.root, user="postgres")
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        return self

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        self._run("pg_ctl", "-D", self.data, "-o", options, "-l", self.log, "-w", "-t", "30", "start")

    def stop(self, mode: str = "fast") -> None:
        """`fast` disconnects every client (a restart); `immediate` is a crash."""
        self._run("pg_ctl", "-D", self.data, "-m", mode, "-w", "-t", "30", "stop")

    def is_running(self) -> bool:
        return is_listening(self.port)

    def destroy(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self.stop("immediate")
        except (subprocess.SubprocessError, OSError):
            pid_file = self.data / "postmaster.pid"
            if pid_file.exists():
                try:
                    os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)
                except (OSError, ValueError):
                    pass
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self):
        try:
            self.init()
            self.start()
        except BaseException:
            self.destroy()
            raise
        return self

    def __exit__(self, *exc):
        self.destroy()


class Service:
    """A subprocess in its own process group, stopped (then killed) with the group on exit."""

    def __init__(self, args, *, env=None, cwd=None, log: Path | None = None, stop_signal=signal.SIGTERM):
        self.args = [str(a) for a in args]
        self.stop_signal = stop_signal
        self.env = env
        self.cwd = cwd
        self.log = log
        self.process: subprocess.Popen | None = None
        self._log_file = None

    def start(self) -> "Service":
        self._log_file = open(self.log, "ab") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(
            self.args,
            env=self.env,
            cwd=self.cwd,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, *, grace: float = 10) -> None:
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, self.stop_signal)
                self.process.wait(timeout=grace)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=5)
        if self._log_file not in (None, subprocess.DEVNULL):
            self._log_file.close()
            self._log_file = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

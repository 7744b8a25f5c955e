"""Run localstripe, a stateful fake of the Stripe API, for the embedded default and the tests.

`python -m checkout.local_stripe --port 8420 --webhook http://127.0.0.1:8000/shop/checkout/stripe/webhook/`
starts it (unless something already listens there), registers the webhook with the local
secret and waits. Tests use `LocalStripe` as a context manager on a free port.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

LOCALSTRIPE = Path(sys.executable).with_name("localstripe")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class LocalStripe:
    """A localstripe process on 127.0.0.1:`port`, started from scratch and stopped on exit."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, timeout: float = 20.0) -> "LocalStripe":
        self.process = subprocess.Popen(
            [str(LOCALSTRIPE), "--port", str(self.port), "--from-scratch"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while not is_listening(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"localstripe did not start on port {self.port}")
            time.sleep(0.1)
        return self

    def webhook_register(self, *, url: str, secret: str, name: str = "souk") -> None:
        data = f"url={urllib.request.quote(url, safe='')}&secret={secret}".encode()
        request = urllib.request.Request(f"{self.url}/_config/webhooks/{name}", data=data, method="POST")
        urllib.request.urlopen(request, timeout=5).close()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8420)
    parser.add_argument("--webhook", help="URL of our webhook endpoint to register")
    parser.add_argument("--secret", default=os.environ.get("STRIPE_WEBHOOK_SECRET", "whsec_local"))
    args = parser.parse_args()
    if is_listening(args.port):
        print(f"localstripe: something already listens on {args.port}; using it")
        server = None
    else:
        server = LocalStripe(args.port).start()
        print(f"localstripe: http://127.0.0.1:{args.port} (test card 4242 4242 4242 4242)")
    if args.webhook:
        LocalStripe(args.port).webhook_register(url=args.webhook, secret=args.secret)
    if server is None:
        return
    signal.signal(signal.SIGTERM, lambda *_: (server.stop(), sys.exit(0)))
    try:
        server.process.wait()
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()

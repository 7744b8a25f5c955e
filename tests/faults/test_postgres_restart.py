"""PostgreSQL restarts in the middle of a checkout load: no paid order is lost or paid twice.

The machine's shared PostgreSQL is never touched. The test makes a cluster of its own (initdb in a
temporary folder, a free port), copies the test database's schema into it, and runs the real
thing against it: gunicorn serving the shop (production-like persistent connections with health
checks), localstripe as Stripe, buyers going through checkout over HTTP in parallel, and a Stripe
stand-in that delivers a signed `payment_intent.succeeded` for every PaymentIntent localstripe has
charged, retrying on errors as Stripe does. Webhooks are held back until the database stops, so
they all arrive during the outage. Then the cluster is stopped (fast shutdown, every connection
cut) and started again, and the accounts must balance: one paid order per charge, one payment
source and one split per paid order, every event processed once, stock allocated exactly.
"""

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import requests
from django.db import connection
from django.urls import reverse

from checkout.local_stripe import LocalStripe
from tests.checkout_support import WEBHOOK_SECRET, signed_webhook
from tests.fault_servers import POSTGRES_BIN, PrivatePostgres, Service, free_port, wait_for

# django_db: pytest-django then runs it among the database tests, before any transactional test
# has flushed the data migrations' rows out of the database it copies.
pytestmark = [pytest.mark.faults, pytest.mark.postgres, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
HELPER = Path(__file__).with_name("pg_checkout_helper.py")
SECRET_KEY = "sk_test_souk"
BUYERS = 4  # buyers checking out at the same time
JOURNEYS = 10  # checkouts in all
OUTAGE_SECONDS = 2.5
DEADLINE = 90  # seconds for the whole load; every wait below is bounded by it
ADDRESS = {
    "first_name": "Claire",
    "last_name": "Dubois",
    "line1": "12 rue des Tanneurs",
    "line4": "Lyon",
    "postcode": "69001",
    "country": "FR",
    "phone_number": "+33 6 12 34 56 78",
}


def _run_helper(command: str, env: dict) -> dict:
    result = subprocess.run(
        [PYTHON, str(HELPER), command], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def _copy_test_schema(pg: PrivatePostgres, database: str) -> None:
    """The test database (migrated by pytest-django) copied into the private cluster."""
    source = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": source.get("PASSWORD") or ""}
    try:
        dump = _dump(source, env)
    except subprocess.CalledProcessError as error:
        if b"version mismatch" in (error.stderr or b""):
            pytest.skip(
                f"{POSTGRES_BIN / 'pg_dump'} is older than the test server: {error.stderr.decode()[:200]}"
            )
        raise
    subprocess.run(
        [str(POSTGRES_BIN / "pg_restore"), "--no-owner", "--no-privileges", "-d", pg.url(database)],
        input=dump.stdout,
        capture_output=True,
        timeout=120,
        check=True,
    )


def _dump(source: dict, env: dict):
    return subprocess.run(
        [
            str(POSTGRES_BIN / "pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            "-h",
            source.get("HOST") or "127.0.0.1",
            "-p",
            str(source.get("PORT") or 5432),
            "-U",
            source.get("USER") or "postgres",
            source["NAME"],
        ],
        env=env,
        capture_output=True,
        timeout=120,
        check=True,
    )


@pytest.fixture
def private_database(request):
    """A private cluster holding a copy of the migrated test database; destroyed afterwards."""
    reason = PrivatePostgres.missing_reason()
    if reason:
        pytest.skip(f"a private PostgreSQL cannot be started: {reason}")
    if connection.vendor != "postgresql":
        pytest.skip(
            "copies the migrated test database's schema into its private cluster: run with DATABASE_URL "
            "set to PostgreSQL (as CI does); migrating a fresh cluster takes minutes"
        )
    with PrivatePostgres() as pg:
        subprocess.run(
            [str(POSTGRES_BIN / "psql"), pg.url(), "-q", "-c", "CREATE DATABASE souk"],
            check=True,
            capture_output=True,
            timeout=30,
        )
        _copy_test_schema(pg, "souk")
        yield pg


@pytest.fixture
def shop_server(private_database, tmp_path):
    """gunicorn on the private database, localstripe as Stripe, and the pieces to buy."""
    with LocalStripe() as stripe_server:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "marketplace.settings.test",
            # As production: connections kept for a minute and checked before each request.
            "DATABASE_URL": private_database.url("souk") + "?conn_max_age=60&conn_health_checks=true",
            "STRIPE_API_BASE": stripe_server.url,
            "STRIPE_SECRET_KEY": SECRET_KEY,
            "STRIPE_PUBLISHABLE_KEY": "pk_test_souk",
            "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "ELASTICSEARCH_URL": "",
        }
        port = free_port()
        gunicorn = Service(
            [Path(PYTHON).with_name("gunicorn"), "marketplace.wsgi", "-c", ROOT / "gunicorn.conf.py"],
            env={
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "GUNICORN_WORKERS": "3",
                "GUNICORN_ACCESS_LOG": "",
                "GUNICORN_LOG_LEVEL": "warning",
                "GUNICORN_TIMEOUT": "30",
            },
            cwd=ROOT,
            log=tmp_path / "gunicorn.log",
            stop_signal=signal.SIGKILL,  # a test server with nothing to flush: no 10 s graceful wait
        )
        with gunicorn:
            base = f"http://127.0.0.1:{port}"
            seeded = _run_helper("seed", env)  # while gunicorn loads the application

            def healthy():
                if not gunicorn.alive():
                    raise RuntimeError((tmp_path / "gunicorn.log").read_text()[-3000:])
                try:
                    return requests.get(base + "/healthz", timeout=5).status_code == 200
                except requests.RequestException:
                    return False

            wait_for(healthy, timeout=60, interval=0.3, what="gunicorn answering")
            yield {
                "base": base,
                "stripe": stripe_server.url,
                "env": env,
                "pieces": seeded["pieces"],
                "pg": private_database,
                "log": tmp_path / "gunicorn.log",
            }


class Clock:
    """Failures seen by buyers and by webhook deliveries, and whether the database was down then."""

    def __init__(self):
        self.down = threading.Event()
        self.halt = threading.Event()  # set when the test ends, whatever happened: every loop stops
        self.lock = threading.Lock()
        self.failures = {"checkout": 0, "checkout_during_outage": 0, "webhook": 0, "webhook_during_outage": 0}
        self.samples: list[str] = []  # what the first failures looked like, for the assertion messages

    def failed(self, kind: str, detail: str = "") -> None:
        with self.lock:
            self.failures[kind] += 1
            if self.down.is_set():
                self.failures[f"{kind}_during_outage"] += 1
            if len(self.samples) < 10:
                self.samples.append(f"{kind}{' (outage)' if self.down.is_set() else ''}: {detail}"[:300])


def _retrying(call, clock: Clock, deadline: float, ok=lambda r: r.status_code < 500):
    """Do `call` until it answers without a server error (a buyer pressing again), or give up."""
    while time.monotonic() < deadline and not clock.halt.is_set():
        try:
            response = call()
            detail = f"{response.request.method} {response.url} -> {response.status_code}"
        except requests.RequestException as error:
            response, detail = None, repr(error)
        if response is not None and ok(response):
            return response
        clock.failed("checkout", detail)
        time.sleep(0.3)
    return None


def _journey(number: int, shop: dict, clock: Clock, deadline: float) -> str:
    """One guest buys a piece from each cooperative and pays by card. Returns how it ended."""
    base, session = shop["base"], requests.Session()
    pieces = {piece["cooperative"]: piece["id"] for piece in shop["pieces"][number % 2 :: 2]}
    session.request = _with_timeout(session.request)

    def post(url, data=None, **kwargs):
        headers = {"X-CSRFToken": session.cookies.get("csrftoken", ""), "Referer": base + url}
        return session.post(base + url, data=data, headers=headers, **kwargs)

    if _retrying(lambda: session.get(base + reverse("basket:summary")), clock, deadline) is None:
        return "gave up"
    if not session.cookies.get("csrftoken"):
        _retrying(lambda: session.get(base + shop["pieces"][0]["url"]), clock, deadline)
    for product_id in pieces.values():
        url = reverse("basket:add", kwargs={"pk": product_id})
        if _retrying(lambda url=url: post(url, {"quantity": 1}), clock, deadline) is None:
            return "gave up"
    email = f"buyer{number}@example.test"
    steps = [
        (reverse("checkout:index"), {"username": email, "options": "anonymous"}),
        (reverse("checkout:shipping-address"), ADDRESS),
    ]
    for url, data in steps:
        if _retrying(lambda url=url, data=data: post(url, data), clock, deadline) is None:
            return "gave up"
    placed = _retrying(lambda: post(reverse("checkout:preview"), {"action": "place_order"}), clock, deadline)
    if placed is None:
        return "not placed"
    if "/pay/" not in placed.url:
        # Placed, but the answer was lost with the database: pressing again finds the basket gone
        # (frozen with the order). The piece is held until orders_abandon cancels the order.
        return "order page lost"
    order_number = re.search(r"/pay/([^/]+)/", placed.url).group(1)
    card = requests.post(
        shop["stripe"] + "/v1/tokens",
        data={
            "card[number]": "4242424242424242",
            "card[exp_month]": "12",
            "card[exp_year]": "2030",
            "card[cvc]": "123",
        },
        auth=(SECRET_KEY, ""),
        timeout=10,
    ).json()["card"]["id"]
    confirm_url = reverse("checkout:pay-confirm", kwargs={"order_number": order_number})
    confirmed = _retrying(
        lambda: session.post(
            base + confirm_url,
            data=json.dumps({"card": card}),
            headers={"Content-Type": "application/json", "X-CSRFToken": session.cookies.get("csrftoken", "")},
        ),
        clock,
        deadline,
    )
    if confirmed is None or confirmed.status_code != 200:
        return "not paid"
    return "paid" if confirmed.json().get("status") == "succeeded" else "declined"


def _with_timeout(request):
    def bounded(*args, **kwargs):
        kwargs.setdefault("timeout", 15)
        return request(*args, **kwargs)

    return bounded


class StripeDeliveries:
    """Stripe's side: an event for every PaymentIntent localstripe charged, delivered until it gets
    a 2xx (Stripe retries for days; here, until the deadline). Every third event is delivered
    twice at once, as Stripe may."""

    def __init__(self, shop: dict, clock: Clock, deadline: float):
        self.shop, self.clock, self.deadline = shop, clock, deadline
        self.release = threading.Event()  # webhooks wait for this (Stripe sending late)
        self.stop = threading.Event()
        self.seen: dict[str, dict] = {}
        self.delivered: dict[str, int] = {}
        self.attempts: dict[str, int] = {}
        self.queue: queue.Queue = queue.Queue()
        self.threads = [threading.Thread(target=self._watch, daemon=True)] + [
            threading.Thread(target=self._deliver, daemon=True) for _ in range(3)
        ]
        self.lock = threading.Lock()

    def succeeded(self) -> dict[str, dict]:
        response = requests.get(
            self.shop["stripe"] + "/v1/payment_intents",
            params={"limit": 100},
            auth=(SECRET_KEY, ""),
            timeout=10,
        )
        return {intent["id"]: intent for intent in response.json()["data"] if intent["status"] == "succeeded"}

    def _watch(self):
        while not self.stop.is_set() and time.monotonic() < self.deadline:
            try:
                fresh = {k: v for k, v in self.succeeded().items() if k not in self.seen}
            except requests.RequestException:
                fresh = {}
            for number, (intent_id, intent) in enumerate(fresh.items(), start=len(self.seen)):
                self.seen[intent_id] = intent
                event = {
                    "id": f"evt_{intent_id}",
                    "object": "event",
                    "type": "payment_intent.succeeded",
                    "created": int(time.time()),
                    "data": {"object": intent},
                }
                for _copy in range(2 if number % 3 == 0 else 1):
                    self.queue.put(event)
            time.sleep(0.3)

    def _deliver(self):
        url = self.shop["base"] + reverse("checkout:stripe-webhook")
        while not self.stop.is_set() and time.monotonic() < self.deadline:
            try:
                event = self.queue.get(timeout=0.2)
            except queue.Empty:
                continue
            self.release.wait(timeout=max(0.0, self.deadline - time.monotonic()))
            pause = 0.3
            while time.monotonic() < self.deadline:
                body, header = signed_webhook(event)  # signed afresh at each attempt, as Stripe does
                with self.lock:
                    self.attempts[event["id"]] = self.attempts.get(event["id"], 0) + 1
                try:
                    response = requests.post(
                        url,
                        data=body,
                        headers={"Stripe-Signature": header, "Content-Type": "application/json"},
                        timeout=15,
                    )
                    if response.status_code < 300:
                        with self.lock:
                            self.delivered[event["id"]] = self.delivered.get(event["id"], 0) + 1
                        break
                except requests.RequestException:
                    pass
                self.clock.failed("webhook")
                time.sleep(pause)
                pause = min(pause * 2, 2.0)
            self.queue.task_done()

    def idle(self) -> bool:
        return self.queue.unfinished_tasks == 0

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.clock.halt.set()  # the buyers stop too, even when the test failed half-way
        self.stop.set()
        self.release.set()
        for thread in self.threads:
            thread.join(timeout=20)


def test_a_postgres_restart_during_checkouts_loses_no_paid_order_and_processes_each_webhook_once(shop_server):
    started = time.monotonic()
    deadline = started + DEADLINE
    clock = Clock()
    outcomes: list[str] = []
    pg = shop_server["pg"]

    with StripeDeliveries(shop_server, clock, deadline) as stripe:
        # Buyers check out in parallel; Stripe holds its webhooks back for now.
        tickets = queue.Queue()
        for number in range(JOURNEYS):
            tickets.put(number)

        def buyer():
            while time.monotonic() < deadline and not clock.halt.is_set():
                try:
                    number = tickets.get_nowait()
                except queue.Empty:
                    return
                try:
                    outcomes.append(_journey(number, shop_server, clock, deadline))
                except Exception as error:  # a crash of the harness must show, not hang
                    outcomes.append(f"crashed: {error!r}")

        buyers = [threading.Thread(target=buyer, daemon=True) for _ in range(BUYERS)]
        for thread in buyers:
            thread.start()

        # Mid-load: a third of the checkouts are paid at Stripe, others are on their way.
        try:
            wait_for(lambda: len(stripe.seen) >= JOURNEYS // 3, timeout=DEADLINE / 2, what="first payments")
        except TimeoutError as error:
            raise AssertionError(f"{error}: {outcomes} {clock.samples}") from None
        restart_at = time.monotonic() - started
        pg.stop("fast")
        clock.down.set()
        stripe.release.set()  # the held webhooks go out now, into the outage
        time.sleep(OUTAGE_SECONDS)
        clock.down.clear()
        pg.start()
        back_at = time.monotonic() - started

        for thread in buyers:
            thread.join(timeout=max(1.0, deadline - time.monotonic()))
        wait_for(lambda: len(stripe.seen) >= outcomes.count("paid"), timeout=10, what="Stripe's view")
        time.sleep(1)  # the watcher's last look
        wait_for(stripe.idle, timeout=max(1.0, deadline - time.monotonic()), what="webhooks delivered")
        charged = stripe.succeeded()
        delivered, attempts = dict(stripe.delivered), dict(stripe.attempts)

    facts = _run_helper("settle", shop_server["env"])
    elapsed = time.monotonic() - started

    paid = {number for number, status in facts["orders"].items() if status == "Paid"}
    lost = [i for i in charged if facts["payments"].get(i, {}).get("status") != "succeeded"]
    lost += [i for i in charged if facts["orders"].get(facts["payments"].get(i, {}).get("order")) != "Paid"]
    print(
        f"\nPostgreSQL restart under load: {len(outcomes)} checkouts {dict(Counter(outcomes))} "
        f"({outcomes.count('paid')} paid by the buyer, {len(charged)} charged at Stripe), "
        f"{len(paid)} orders paid, {len(set(lost))} lost; "
        f"{sum(delivered.values())} webhook deliveries for {len(delivered)} events, "
        f"{clock.failures['webhook_during_outage']} refused during the {OUTAGE_SECONDS} s outage; "
        f"{clock.failures['checkout_during_outage']} checkout requests failed during it; "
        f"stopped at {restart_at:.1f} s, back at {back_at:.1f} s, settled at {elapsed:.1f} s"
    )

    assert not [o for o in outcomes if o.startswith("crashed")], outcomes
    assert len(outcomes) == JOURNEYS
    # The outage really happened under load: webhooks arrived while the database was down.
    assert clock.failures["webhook_during_outage"] > 0
    # No paid order lost: every charge at Stripe has its order paid...
    assert set(lost) == set()
    # ...and none paid twice, nor paid without a charge.
    assert len(paid) == len(charged)
    assert all(count == 1 for count in facts["orders_by_email"].values()), facts["orders_by_email"]
    assert {number: facts["sources"].get(number) for number in paid} == dict.fromkeys(paid, 1)
    assert {number: facts["vendor_orders"].get(number) for number in paid} == facts["partners"]
    assert {number: facts["sales"].get(number) for number in paid} == facts["partners"]
    # Each webhook (including those that met the outage, and the duplicates) was handled once.
    assert set(delivered) == {f"evt_{intent_id}" for intent_id in charged}
    assert {e: v["status"] for e, v in facts["events"].items()} == dict.fromkeys(delivered, "processed")
    assert facts["allocation_mismatches"] == []
    assert max(attempts.values()) > 1
    assert elapsed < DEADLINE + 30

"""Product views served from the page cache are buffered in Redis, then written in batches:
as events for the observatory and as Oscar's view counts for search popularity."""

import os
import socket
import time

import pytest
import redis
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from oscar.core.loading import get_model

from marketplace.observatory import buffer
from marketplace.observatory.models import Event
from marketplace.observatory.services import Visitor
from tests.factories import ProductFactory, UserFactory

CACHE_URL = "redis://127.0.0.1:6379/13"  # a database nothing else in the project uses
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile Safari/604.1"}
ProductRecord = get_model("analytics", "ProductRecord")


def redis_reachable() -> bool:
    try:
        return redis.Redis.from_url(CACHE_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not redis_reachable(), reason="no Redis server on 127.0.0.1:6379"),
]


# Each pytest-xdist worker keeps to its own keys: tests on other workers share the database.
KEY_PREFIX = f"viewbuffer-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


def forget_keys() -> None:
    server = redis.Redis.from_url(CACHE_URL)
    for key in server.scan_iter(f"{KEY_PREFIX}:*"):
        server.delete(key)


@pytest.fixture(autouse=True)
def buffered(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "marketplace.cache.SoukRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": KEY_PREFIX,
        },
    }
    settings.SOUK_PAGE_CACHE_SECONDS = 300
    settings.SOUK_VIEW_BUFFER = True
    forget_keys()
    yield
    buffer.views_send_held()  # nothing a test held is sent later into another test's keys
    forget_keys()


def buffered_views() -> int:
    return redis.Redis.from_url(CACHE_URL).llen(caches["default"].make_key(buffer.BUFFER_KEY))


def test_product_views_wait_in_redis_and_are_written_by_the_flush():
    rug = ProductFactory()
    rendered = Client().get(rug.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr-FR", **BROWSER)
    hit = Client().get(rug.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr-FR", **BROWSER)

    assert (rendered["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert buffered_views() == 2
    assert not Event.objects.filter(product_id=rug.pk).exists()
    assert not ProductRecord.objects.filter(product=rug).exists()
    assert hit.cookies["oscar_history"].value == f"[{rug.pk}]"

    assert buffer.views_flush() == 2

    assert buffered_views() == 0
    written = Event.objects.filter(product_id=rug.pk).order_by("pk").last()
    assert (written.kind, written.country, written.device, written.language) == ("view", "FR", "mobile", "en")
    assert written.cooperative_id == rug.cooperative.pk
    assert ProductRecord.objects.get(product=rug).num_views == 2


def test_a_signed_in_buyers_view_is_written_at_once():
    rug = ProductFactory()
    buyer = Client()
    buyer.force_login(UserFactory())

    buyer.get(rug.get_absolute_url(), **BROWSER)

    assert buffered_views() == 0
    assert Event.objects.filter(product_id=rug.pk).count() == 1
    assert ProductRecord.objects.get(product=rug).num_views == 1


def test_a_robots_view_is_counted_for_oscar_but_not_as_a_buyers_event():
    rug = ProductFactory()

    Client().get(rug.get_absolute_url(), HTTP_USER_AGENT="Googlebot/2.1")
    Client().get(rug.get_absolute_url(), HTTP_USER_AGENT="Googlebot/2.1")

    assert buffered_views() == 0
    assert not Event.objects.filter(product_id=rug.pk).exists()
    assert ProductRecord.objects.get(product=rug).num_views == 2


def test_the_roll_up_writes_buffered_views_first():
    rug = ProductFactory()
    visitor = Visitor(country="JP", device="desktop", language="en")
    buffer.view_push(visitor=visitor, product_id=rug.pk, cooperative_id=rug.cooperative.pk)

    call_command("observatory_rollup", stdout=open("/dev/null", "w"))

    assert buffered_views() == 0
    assert Event.objects.get(product_id=rug.pk).country == "JP"


def test_every_few_hundred_views_a_flush_is_queued(monkeypatch):
    monkeypatch.setattr(buffer, "VIEWS_PER_FLUSH", 3)
    rug = ProductFactory()
    visitor = Visitor(country="US", device="desktop", language="en")

    for _ in range(3):
        buffer.view_push(visitor=visitor, product_id=rug.pk, cooperative_id=None)

    # The test settings run tasks at once: the third view wrote all three.
    assert buffered_views() == 0
    assert Event.objects.filter(product_id=rug.pk).count() == 3
    assert ProductRecord.objects.get(product=rug).num_views == 3


def test_views_of_a_product_deleted_meanwhile_are_kept_as_events_only():
    rug = ProductFactory()
    gone = ProductFactory()
    visitor = Visitor(country="GB", device="desktop", language="en")
    buffer.view_push(visitor=visitor, product_id=rug.pk, cooperative_id=None)
    buffer.view_push(visitor=visitor, product_id=gone.pk, cooperative_id=None)
    gone_pk = gone.pk
    gone.delete()

    assert buffer.views_flush() == 2
    assert ProductRecord.objects.filter(product_id=gone_pk).count() == 0
    assert ProductRecord.objects.get(product=rug).num_views == 1


def redis_gone(settings) -> None:
    """Point the cache at a port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "marketplace.cache.SoukRedisCache", "LOCATION": f"redis://127.0.0.1:{port}/0"},
    }


def test_without_redis_the_view_is_written_at_once(settings):
    redis_gone(settings)
    visitor = Visitor(country="US", device="desktop", language="en")

    assert buffer.view_push(visitor=visitor, product_id=1, cooperative_id=None) is False


def test_the_buffer_is_off_unless_configured(settings):
    settings.SOUK_VIEW_BUFFER = False
    visitor = Visitor(country="US", device="desktop", language="en")

    assert buffer.view_push(visitor=visitor, product_id=1, cooperative_id=None) is False
    assert buffer.views_flush() == 0


def test_a_web_process_holds_views_and_sends_them_in_one_push(settings):
    settings.SOUK_VIEW_BUFFER_BATCH = 3
    settings.SOUK_VIEW_BUFFER_HOLD_SECONDS = 60
    rug = ProductFactory()
    visitor = Visitor(country="DE", device="desktop", language="en")

    for _ in range(2):
        assert buffer.view_push(visitor=visitor, product_id=rug.pk, cooperative_id=None) is True
    assert buffered_views() == 0

    buffer.view_push(visitor=visitor, product_id=rug.pk, cooperative_id=None)
    assert buffered_views() == 3


def test_held_views_are_sent_once_the_hold_time_is_over(settings):
    settings.SOUK_VIEW_BUFFER_BATCH = 100
    settings.SOUK_VIEW_BUFFER_HOLD_SECONDS = 0.5
    visitor = Visitor(country="DE", device="desktop", language="en")

    buffer.view_push(visitor=visitor, product_id=1, cooperative_id=None)
    assert buffered_views() == 0

    deadline = time.monotonic() + 5
    while buffered_views() == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert buffered_views() == 1


def test_the_roll_up_also_writes_the_views_this_process_holds(settings):
    settings.SOUK_VIEW_BUFFER_BATCH = 100
    settings.SOUK_VIEW_BUFFER_HOLD_SECONDS = 60
    rug = ProductFactory()
    buffer.view_push(
        visitor=Visitor(country="SE", device="mobile", language="en"), product_id=rug.pk, cooperative_id=None
    )

    call_command("observatory_rollup", stdout=open("/dev/null", "w"))

    assert Event.objects.get(product_id=rug.pk).country == "SE"
    assert ProductRecord.objects.get(product=rug).num_views == 1


def test_held_views_are_written_at_once_when_redis_is_gone(settings):
    settings.SOUK_VIEW_BUFFER_BATCH = 2
    rug = ProductFactory()
    redis_gone(settings)
    visitor = Visitor(country="NL", device="desktop", language="en")

    for _ in range(2):
        assert buffer.view_push(visitor=visitor, product_id=rug.pk, cooperative_id=None) is True

    assert Event.objects.filter(product_id=rug.pk, country="NL").count() == 2
    assert ProductRecord.objects.get(product=rug).num_views == 2

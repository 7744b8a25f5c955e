"""Cache and sessions on Redis, configured as production.py does, against the local Redis."""

import pytest
import redis
from django.contrib.sessions.backends.cache import SessionStore
from django.core.cache import caches

# Databases 14 and 15 of the local Redis: nothing else in the project uses them.
CACHE_URL = "redis://127.0.0.1:6379/14"
SESSIONS_URL = "redis://127.0.0.1:6379/15"


def redis_reachable() -> bool:
    try:
        return redis.Redis.from_url(CACHE_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


pytestmark = [
    pytest.mark.skipif(not redis_reachable(), reason="no Redis server on 127.0.0.1:6379"),
    # These tests empty databases 14 and 15: one pytest-xdist worker runs them all, one by one
    # (`--dist loadgroup` in the Makefile).
    pytest.mark.xdist_group("redis-databases-14-15"),
]


@pytest.fixture
def redis_settings(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "marketplace.cache.SoukRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "souk",
        },
        "sessions": {
            "BACKEND": "marketplace.cache.SoukRedisCache",
            "LOCATION": SESSIONS_URL,
            "KEY_PREFIX": "souk-session",
            "TIMEOUT": None,
        },
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.SESSION_CACHE_ALIAS = "sessions"
    yield
    for url in (CACHE_URL, SESSIONS_URL):
        redis.Redis.from_url(url).flushdb()


def test_cached_values_are_stored_in_redis(redis_settings):
    caches["default"].set("exchange-rates", {"EUR": "0.092"}, timeout=60)

    assert caches["default"].get("exchange-rates") == {"EUR": "0.092"}
    assert redis.Redis.from_url(CACHE_URL).keys("souk:*") != []


def test_a_session_lives_in_the_sessions_database_and_survives_a_cache_clear(redis_settings):
    session = SessionStore()
    session["currency"] = "EUR"
    session.create()

    caches["default"].clear()

    assert SessionStore(session_key=session.session_key)["currency"] == "EUR"
    assert redis.Redis.from_url(SESSIONS_URL).keys("souk-session:*") != []
    assert redis.Redis.from_url(CACHE_URL).keys("*") == []


def test_the_cache_reuses_one_redis_client_per_server(redis_settings):
    cache = caches["default"]
    cache.set("a", 1)
    cache.get("a")

    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    assert cache.redis_client().ping()

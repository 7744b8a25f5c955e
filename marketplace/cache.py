"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

`django.core.cache.backends.redis.RedisCacheClient.get_client` builds a new `redis.Redis`
for every cache operation. Building one copies redis-py's table of response callbacks, which
costs more than the round trip to a local Redis (about 0.15 ms of CPU; measured in
bench/README.md). A `redis.Redis` is safe to share between threads: it takes a connection
from its pool for each command. Production and the benchmark use this backend.
"""

import time

from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SoukRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def redis_client(self, *, write=True):
        """The redis-py client itself, for what the cache API has no word for (lists)."""
        return self._cache.get_client(write=write)


# --- Versioned families of cached values ------------------------------------------------------
# A family of cached values (the site offers, the shipping rates, the categories, the site
# chrome) is keyed with the family's version; bumping the version makes them all unreachable at
# once, whatever their keys. A version lost from the cache (LRU eviction) restarts from the
# clock, never from a small number an older family already used.


def cache_version(key: str) -> int:
    """The current version of the family kept under `key`."""
    return cache.get_or_set(key, _fresh_version, None)


def cache_version_bump(key: str) -> None:
    """Make every value of the family kept under `key` unreachable."""
    try:
        cache.incr(key)
    except ValueError:  # never set, or evicted
        cache.set(key, _fresh_version(), None)


def _fresh_version() -> int:
    return int(time.time() * 1000)

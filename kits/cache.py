"""A Redis cache that keeps the site up when Redis is not.

Sessions fall back to the database (``cached_db``), page throttles count
nothing, and the one thing that must not run without the shared cache, sign-in,
asks :func:`cache_answers` first and says plainly that it cannot (see
docs/decisions.md, "When Redis is down").
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)
# After a failure, skip Redis for this long rather than wait on every call.
PAUSE = 5.0


def _soft(default):
    """Run the wrapped cache call; on a Redis failure, answer ``default``."""

    def wrap(method):
        def call(self, *args, **kwargs):
            if time.monotonic() < self._down_until:
                return default
            try:
                return method(self, *args, **kwargs)
            except FAILURES as error:
                self._down_until = time.monotonic() + PAUSE
                logger.warning("Cache unavailable: %s", error)
                return default

        call.__name__ = method.__name__
        return call

    return wrap


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, answering "nothing cached" while Redis is away.

    ``add`` answers True, so allauth's lock around its rate limits is taken
    and the limit counts nothing rather than refusing everyone.
    """

    _down_until = 0.0

    add = _soft(True)(RedisCache.add)
    set = _soft(None)(RedisCache.set)
    touch = _soft(False)(RedisCache.touch)
    delete = _soft(False)(RedisCache.delete)
    get_many = _soft({})(RedisCache.get_many)
    has_key = _soft(False)(RedisCache.has_key)
    set_many = _soft([])(RedisCache.set_many)
    delete_many = _soft(None)(RedisCache.delete_many)
    clear = _soft(None)(RedisCache.clear)

    @_soft(None)
    def incr(self, key, delta=1, version=None):
        return RedisCache.incr(self, key, delta, version)

    _get = _soft(None)(RedisCache.get)

    def get(self, key, default=None, version=None):
        value = self._get(key, default, version)
        return default if value is None else value

    def answers(self) -> bool:
        """Whether Redis answers a ping now."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except FAILURES:
            self._down_until = time.monotonic() + PAUSE
            return False


def cache_answers(alias: str = "default") -> bool:
    """Whether the shared cache works now: a ping for Redis, a round trip otherwise."""
    backend = caches[alias]
    if isinstance(backend, ResilientRedisCache):
        return backend.answers()
    try:
        backend.set("health:probe", 1, 10)
        return backend.get("health:probe") == 1
    except Exception:  # any backend's failure means "does not answer"
        logger.warning("Cache unavailable", exc_info=True)
        return False

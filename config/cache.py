"""Redis as Django's cache, but never a single point of failure.

When Redis is down, reads miss and writes are dropped (with a warning in the log), so every page is
still served from the database: slower, not broken. Timeouts are short for the same reason.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# What each operation returns when Redis cannot be reached.
_FALLBACKS = {
    "get": lambda key, default=None, version=None: default,
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "add": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda keys, *args, **kwargs: list(keys),
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "clear": lambda *args, **kwargs: False,
}


def _tolerant(name, method, fallback):
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            logger.warning("cache %s failed, serving without the cache: %s", name, error)
            return fallback(*args, **kwargs)

    return call


class ResilientRedisCache(RedisCache):
    pass


for _name, _fallback in _FALLBACKS.items():
    setattr(ResilientRedisCache, _name, _tolerant(_name, getattr(RedisCache, _name), _fallback))

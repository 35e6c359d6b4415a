"""The shared cache, but never a single point of failure, nor a slow one.

When the cache refuses, hangs or fails (Redis down or not answering; a full disk or a read-only
folder under the file cache), this process stops asking it for `CACHE_COOLDOWN_SECONDS`: reads miss
and writes are dropped, so pages are served from the database at about uncached speed, and the log
gets one warning per cool-down rather than one per call. Then the next call tries the cache again.

A write that was lost meanwhile (a page dropped after a save, say) would leave stale copies behind:
when the cache answers again, `cache_recovered` is sent first, for those who keep copies in it to
drop them.

Written here rather than taken from pybreaker: pybreaker holds one lock for the whole guarded call,
so a hung cache would queue every thread of a process behind it; this needs only a deadline.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Sent when a cache answers again after this process lost a write to it.
cache_recovered = Signal()


class Breaker:
    """Whether a cache may be asked now; one per cache location, shared by a process's threads
    (Django gives each thread a cache object of its own)."""

    def __init__(self, cooldown):
        self.cooldown = cooldown
        self._lock = threading.Lock()
        self._resting_until = 0.0  # time.monotonic(): immune to clock changes
        self.lost_writes = False

    @property
    def resting(self):
        return time.monotonic() < self._resting_until

    def retry_soon(self, within):
        """Shorten the rest: what this process could not write leaves stale copies that only it
        knows of until it can say so (cache_recovered), so it asks again soon."""
        with self._lock:
            self._resting_until = min(self._resting_until, time.monotonic() + within)

    def trip(self, error):
        with self._lock:
            if self.resting:  # another thread's call failed too: this period is logged already
                return
            self._resting_until = time.monotonic() + self.cooldown
        # Not the location: a Redis URL may hold a password.
        logger.warning(
            "cache failed (%s: %s); serving without it for %g s",
            type(error).__name__,
            error,
            self.cooldown,
        )


_breakers = {}


class GuardedCacheMixin:
    """Each cache operation through the breaker, with what a miss would give when it is tripped."""

    faults = ()  # the errors that mean "the cache misbehaves", not a bug of ours

    def __init__(self, location, params):
        # setdefault is atomic: every thread gets the first breaker made for this location.
        self.breaker = _breakers.setdefault(str(location), Breaker(settings.CACHE_COOLDOWN_SECONDS))
        try:
            super().__init__(location, params)
        except self.faults as error:  # the file cache makes its folder here: one it may not make
            self.breaker.trip(error)

    @property
    def cooling_down(self):
        return self.breaker.resting

    def _guarded(self, fallback, operation, *args, writes=False):
        if self.breaker.resting:
            self.breaker.lost_writes |= writes
            return fallback
        if self.breaker.lost_writes:
            # Before this call reads anything: what was kept while writes were lost goes first.
            self.breaker.lost_writes = False
            cache_recovered.send(sender=type(self), cache=self)
            if self.breaker.resting:  # it failed again while recovering
                self.breaker.lost_writes = True
                return fallback
        try:
            return operation(*args)
        except self.faults as error:
            self.breaker.trip(error)
            self.breaker.lost_writes |= writes
            return fallback

    def get(self, key, default=None, version=None):
        return self._guarded(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, super().add, key, value, timeout, version, writes=True)

    def incr(self, key, delta=1, version=None):
        # Counters (throttles) only: a lost one leaves no stale page behind.
        return self._guarded(None, super().incr, key, delta, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(None, super().set, key, value, timeout, version, writes=True)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(list(data), super().set_many, data, timeout, version, writes=True)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, super().touch, key, timeout, version, writes=True)

    def delete(self, key, version=None):
        return self._guarded(False, super().delete, key, version, writes=True)

    def delete_many(self, keys, version=None):
        return self._guarded(None, super().delete_many, keys, version, writes=True)

    def clear(self):
        return self._guarded(False, super().clear, writes=True)


class ResilientRedisCache(GuardedCacheMixin, RedisCache):
    faults = (RedisError,)


class ResilientFileBasedCache(GuardedCacheMixin, FileBasedCache):
    faults = (OSError,)

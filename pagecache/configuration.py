"""The settings of the guarded caches (backends.py), kept here: settings.py imports this module
before Django is set up, so it must not import the backends themselves."""

from redis.backoff import NoBackoff
from redis.retry import Retry

DJANGO, OURS = "django.core.cache.backends", "pagecache.backends"
GUARDED = {
    f"{DJANGO}.redis.RedisCache": f"{OURS}.ResilientRedisCache",
    f"{DJANGO}.filebased.FileBasedCache": f"{OURS}.ResilientFileBasedCache",
}


def guarded(cache):
    """A cache's settings, with Redis or the file cache behind the guard."""
    cache = cache | {"BACKEND": GUARDED.get(cache["BACKEND"], cache["BACKEND"])}
    options = cache.get("OPTIONS", {})
    if cache["BACKEND"].endswith("ResilientRedisCache"):
        # One failing call costs one short timeout, then the guard stops asking. No retry: Django's
        # connection pool makes none today, while redis-py's own client default is 10 with backoff.
        options = {
            "socket_connect_timeout": 0.3,
            "socket_timeout": 0.3,
            "retry": Retry(NoBackoff(), retries=0),
        } | options
    elif cache["BACKEND"].endswith("ResilientFileBasedCache"):
        # Django culls a third of the files past 300 entries, the generation among them: every
        # page and fragment would be dropped at once.
        options = {"MAX_ENTRIES": 20_000} | options
    return cache | {"OPTIONS": options}

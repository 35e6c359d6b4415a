from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

PROBE_KEY = "healthz:probe"


def cache_state():
    """Asked through the cache's guard (pagecache/backends.py), so a hung cache costs one timeout at
    most, and none while the guard rests it. In-memory caches have no guard and cannot fail."""
    cache.has_key(PROBE_KEY)
    return "unavailable" if getattr(cache, "cooling_down", False) else "ok"


@never_cache
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not. Without the cache
    the site still serves every page (slower), so a cache fault is reported, not failed."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    state = cache_state()
    status = "ok" if state == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": state})

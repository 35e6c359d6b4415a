"""Rendered public pages kept in the shared cache, dropped everywhere at once when content changes.

Every key carries a "generation" stored in the same cache. A save of an article, a topic or the
contacts sets a new generation, so every worker and every instance stops finding the old pages; the
old entries simply expire. Staff (anyone with a session) always get a fresh page.
"""

import functools
import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

from config.low_vision import COOKIE as LOW_VISION_COOKIE

GENERATION_KEY = "pages:generation"
# Browsers and proxies may keep a page this long; this cache keeps it until the content changes.
BROWSER_MAX_AGE = 60
SERVER_MAX_AGE = 3600


def generation():
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        current = cache.get(GENERATION_KEY, "")
    return current


def forget_pages(**kwargs):
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def accepts_gzip(request):
    return "gzip" in request.headers.get("Accept-Encoding", "")


def page_key(request):
    parts = [
        generation(),
        request.method,
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        request.COOKIES.get(LOW_VISION_COOKIE, ""),
        "gzip" if accepts_gzip(request) else "identity",
    ]
    return "pages:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def cache_public(seconds_until_change):
    """Cache a public view's answers; `seconds_until_change()` says how long they stay true."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            cacheable = (
                settings.PAGE_CACHE
                and request.method in ("GET", "HEAD")
                and settings.SESSION_COOKIE_NAME not in request.COOKIES
            )
            key = page_key(request) if cacheable else None
            if key and (cached := cache.get(key)) is not None:
                return cached
            response = view(request, *args, **kwargs)
            if response.has_header("Cache-Control"):  # the view decided (a preview, say)
                return response
            lifetime = seconds_until_change()
            patch_cache_control(response, public=True, max_age=min(BROWSER_MAX_AGE, lifetime))
            # The low-vision version is chosen by a cookie: one reader's copy is not another's.
            patch_vary_headers(response, ["Cookie"])
            if key and response.status_code == 200 and lifetime > 0:
                store = functools.partial(_store, request, key, min(SERVER_MAX_AGE, lifetime))
                if hasattr(response, "add_post_render_callback"):
                    response.add_post_render_callback(store)
                else:
                    response = store(response)
            return response

        return wrapped

    return decorator


def _store(request, key, timeout, response):
    # Compressed once, here, rather than on every request (Django's own gzip, headers and all).
    response = GZipMiddleware(lambda request: response).process_response(request, response)
    cache.set(key, response, timeout)
    return response

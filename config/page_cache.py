"""Rendered public pages kept in the shared cache, dropped everywhere at once when content changes.

Every key carries a "generation" stored in the same cache. A save of an article, a topic or the
contacts sets a new generation, so every worker and every instance stops finding the old pages; the
old entries simply expire. Staff (anyone with a session) always get a fresh page.
"""

import functools
import hashlib
import math
import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.middleware.gzip import GZipMiddleware
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.functional import SimpleLazyObject

from config.low_vision import COOKIE as LOW_VISION_COOKIE
from config.low_vision import Preferences

GENERATION_KEY = "pages:generation"
# Browsers and proxies may keep a page this long; this cache keeps it until the content changes.
BROWSER_MAX_AGE = 60
SERVER_MAX_AGE = 3600
# The query parameters a kept page depends on (a listing's page, the sitemap's), in the one
# spelling its links use. Any other parameter is left out of the key, so endless junk parameters
# (?utm=1, ?utm=2…) share one copy instead of filling the cache.
VARYING_PARAMETERS = ("page", "p")
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def seconds_until(moment):
    """Whole seconds that end strictly before `moment`: a cache still holds at its last second."""
    return max(0, math.ceil((moment - timezone.now()).total_seconds()) - 1)


def generation():
    """The current generation, or None if the cache cannot tell: then nothing is kept or reused."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        current = cache.get(GENERATION_KEY)
    return current


def request_generation(request):
    """The generation a request sees: read once, however many keys it goes into."""
    if not hasattr(request, "content_generation"):
        request.content_generation = generation()
    return request.content_generation


def content_generation(request):
    """The generation, read from the cache only if a template asks for it."""
    return {"content_generation": SimpleLazyObject(lambda: request_generation(request))}


def now_and_on_commit(forget):
    """Forget at once, and again when the change is committed: a copy made in between, by a reader
    who still saw the data before it, is not kept."""
    forget()
    transaction.on_commit(forget)


def forget_pages(**kwargs):
    now_and_on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, None))


def accepts_gzip(request):
    return "gzip" in request.headers.get("Accept-Encoding", "")


def varying_query(request):
    """The part of the query string a page depends on, or None when the request spells it in a
    way of its own (page=02, page twice): such a page is rendered every time, never kept."""
    parts = []
    for name in VARYING_PARAMETERS:
        values = request.GET.getlist(name)
        if len(values) > 1 or values and not PAGE_NUMBER.fullmatch(values[0]):
            return None
        parts += [f"{name}={value}" for value in values]
    return "&".join(parts)


def page_key(request, query):
    if (current := request_generation(request)) is None:
        return None
    parts = [
        current,
        request.method,
        request.scheme,
        request.get_host(),
        request.path,
        query,
        # The version as the page renders it, whatever else the cookie holds.
        Preferences.from_cookie(request.COOKIES.get(LOW_VISION_COOKIE)).html_class,
        "gzip" if accepts_gzip(request) else "identity",
    ]
    return "pages:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def cacheable(request):
    return (
        settings.PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cache_public(seconds_until_change, *, keep=True):
    """Mark a public view's answers cacheable; `seconds_until_change()` says how long they hold.

    With `keep=False` only browsers and proxies may keep them: a view whose addresses are endless
    (a search) would fill this cache with pages nobody asks for twice, pushing out the rest.
    """

    def decorator(view, *, parameters=None):
        if parameters is None:  # a paginated generic view reads ?page=, and no other parameter
            paginated = getattr(getattr(view, "view_class", None), "paginate_by", None)
            parameters = ("page",) if paginated else ()

        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if response.has_header("Cache-Control"):  # the view decided (a preview, say)
                return response
            lifetime = seconds_until_change()
            patch_cache_control(response, public=True, max_age=min(BROWSER_MAX_AGE, lifetime))
            # The low-vision version is chosen by a cookie: one reader's copy is not another's.
            patch_vary_headers(response, ["Cookie"])
            if keep and response.status_code == 200 and lifetime > 0:
                response.page_cache_timeout = min(SERVER_MAX_AGE, lifetime)
                response.page_cache_parameters = parameters
            return response

        return wrapped

    return decorator


class PageCacheMiddleware:
    """Serves and keeps the responses that `cache_public` marked.

    It sits after the middleware that adds security headers and answers conditional requests, so
    those apply to cached copies too, and before the rest (sessions, CSRF, authentication…), which a
    cached public page does not need.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = varying_query(request) if cacheable(request) else None
        key = None if query is None else page_key(request, query)
        if key and (cached := cache.get(key)) is not None:
            return cached
        response = self.get_response(request)
        timeout = getattr(response, "page_cache_timeout", None)
        # A response that sets a cookie belongs to one reader only; one asked for with other
        # parameters may show them (in its links), so only the page's own address is kept.
        keep = (
            not response.cookies
            and request.META.get("QUERY_STRING", "") == query
            and set(request.GET) <= set(getattr(response, "page_cache_parameters", ()))
        )
        if key and timeout and keep:
            # Tagged and compressed once, here, rather than on every request (with Django's own
            # ETag and gzip).
            if not response.has_header("ETag"):
                set_response_etag(response)
            response = GZipMiddleware(self.get_response).process_response(request, response)
            cache.set(key, response, timeout)
        return response

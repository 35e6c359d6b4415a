"""Rendered public pages kept in the shared cache, keyed by the content generation.

Staff (anyone with a session) always get a fresh page. A page's key holds its address, the query
parameters it depends on, its variant (each PAGE_CACHE_VARIANTS function's answer for the request)
and its encoding: nothing else a request sends can add an entry.
"""

import functools
import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.middleware.gzip import GZipMiddleware
from django.utils import translation
from django.utils.cache import set_response_etag
from django.utils.module_loading import import_string

from .generation import request_generation
from .proxy import tell_proxy

# The query parameters a kept page may depend on (a listing's page, the sitemap's), in the one
# spelling its links use. Any other parameter is left out of the key, so endless junk parameters
# (?utm=1, ?utm=2…) share one copy instead of filling the cache.
VARYING_PARAMETERS = ("page", "p")
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")
# As GZipMiddleware reads the header: the word, not any text that holds it ("xgzip").
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


@functools.cache
def variant_functions():
    return [import_string(path) for path in settings.PAGE_CACHE_VARIANTS]


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


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


def own_address(request, query):
    """Asked for in the spelling the site's links use, with nothing else in the query."""
    return query is not None and request.META.get("QUERY_STRING", "") == query


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
        # The page's language is in its address (/ru/…); this runs before LocaleMiddleware, so
        # it is read from there. Pages without one (the sitemap) are the same in every language.
        translation.get_language_from_path(request.path_info) or "",
        *(variant(request) for variant in variant_functions()),
        "gzip" if accepts_gzip(request) else "identity",
    ]
    return "pages:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def public(request):
    """A reader's request, not staff's (any session): the same answer for everyone."""
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


class PageCacheMiddleware:
    """Serves and keeps the responses that `cache_public` marked.

    It sits after the middleware that adds security headers and answers conditional requests, so
    those apply to cached copies too, and before the rest (sessions, CSRF, authentication…), which a
    cached public page does not need.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not public(request):
            return self.get_response(request)
        query = varying_query(request)
        key = page_key(request, query) if settings.PAGE_CACHE and query is not None else None
        if key and (cached := cache.get(key)) is not None:
            return tell_proxy(cached) if own_address(request, query) else cached
        response = self.get_response(request)
        # A response that sets a cookie belongs to one reader only; one asked for with other
        # parameters may show them (in its links), so only the page's own address is kept, here
        # and by the front proxy.
        if (
            not getattr(response, "page_cache_timeout", None)
            or response.cookies
            or not own_address(request, query)
            or not set(request.GET) <= set(response.page_cache_parameters)
        ):
            return response
        if key:
            # Tagged and compressed once, here, rather than on every request (with Django's own
            # ETag and gzip).
            if not response.has_header("ETag"):
                set_response_etag(response)
            response = GZipMiddleware(self.get_response).process_response(request, response)
            cache.set(key, response, response.page_cache_timeout)
        return tell_proxy(response)

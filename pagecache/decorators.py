"""`cache_public`: how a view says its answers are the same for every reader, and for how long."""

import functools

from django.utils.cache import patch_cache_control, patch_vary_headers

from .generation import SERVER_MAX_AGE
from .proxy import mark_for_proxy

# Browsers and proxies may keep a page this long; this cache keeps it until the content changes.
BROWSER_MAX_AGE = 60
# A page, and the notice that replaces a withdrawn one (which must also replace its kept copies).
KEPT_STATUSES = (200, 410)


def cache_public(seconds_until_change, *, keep=True):
    """Mark a public view's answers cacheable; `seconds_until_change(request)` says how long they
    hold.

    With `keep=False` only browsers may keep them: a view whose addresses are endless (a search)
    would fill this cache, and the front proxy's, with pages nobody asks for twice.
    The decorated view may name the query parameters its answer depends on (`parameters=`); a
    paginated generic view depends on `?page=` and no other.
    """

    def decorator(view, *, parameters=None):
        if parameters is None:
            paginated = getattr(getattr(view, "view_class", None), "paginate_by", None)
            parameters = ("page",) if paginated else ()

        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            # Read before rendering: the fragments the page keeps hold no longer either.
            request.page_lifetime = lifetime = seconds_until_change(request)
            response = view(request, *args, **kwargs)
            if response.has_header("Cache-Control"):  # the view decided (a preview, say)
                return response
            patch_cache_control(response, public=True, max_age=min(BROWSER_MAX_AGE, lifetime))
            # Variants (the low-vision version) are chosen by a cookie: one reader's copy is not
            # another's.
            patch_vary_headers(response, ["Cookie"])
            if keep and response.status_code in KEPT_STATUSES and lifetime > 0:
                response.page_cache_timeout = min(SERVER_MAX_AGE, lifetime)
                response.page_cache_parameters = parameters
                mark_for_proxy(response, lifetime)
            return response

        return wrapped

    return decorator

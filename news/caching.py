"""How long a public response may be kept by browsers and proxies.

Never past the next moment an article goes live or expires, so that a scheduled release shows
up, and an expired one goes away, on time. That moment is itself cached until it passes or an
article is saved.
"""

import functools
import math

from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from .models import Article

MAX_AGE = 60
NEXT_CHANGE_KEY = "news:next-change"
NO_CHANGE = "none"


def next_change():
    value = cache.get(NEXT_CHANGE_KEY)
    if value is None:
        value = Article.objects.next_change() or NO_CHANGE
        timeout = MAX_AGE if value == NO_CHANGE else seconds_until(value)
        cache.set(NEXT_CHANGE_KEY, value, timeout)
    return None if value == NO_CHANGE else value


def forget_next_change(**kwargs):
    cache.delete(NEXT_CHANGE_KEY)


def seconds_until(moment):
    return max(0, math.ceil((moment - timezone.now()).total_seconds()))


def public_max_age():
    change = next_change()
    return MAX_AGE if change is None else min(MAX_AGE, seconds_until(change))


def cache_public(view):
    """Mark a public response cacheable, unless the view already said otherwise (previews)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=public_max_age())
            # The low-vision version is chosen by a cookie: a copy kept for one reader's
            # settings must not be shown to another.
            patch_vary_headers(response, ["Cookie"])
        return response

    return wrapped

"""The generation: every kept page, fragment and value carries it in its key.

A save of anything public sets a new one (`invalidate`), so every worker and every instance stops
finding the old copies at once; those simply expire.
"""

import functools
import math
import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

# The scope every kept page and fragment is keyed by: any change anywhere starts a new one.
PAGES = "pages"
# How long the cache may keep a page or a fragment that nothing has changed.
SERVER_MAX_AGE = 3600
# After an invalidation was lost to a cache fault, the cache is asked again this soon (seconds).
LOST_INVALIDATION_RETRY = 1.0


def seconds_until(moment):
    """Whole seconds that end strictly before `moment`: a cache still holds at its last second."""
    return max(0, math.ceil((moment - timezone.now()).total_seconds()) - 1)


def generation(scope=PAGES):
    """The current generation of `scope`, or None if the cache cannot tell: then nothing is kept
    or reused."""
    key = f"generation:{scope}"
    current = cache.get(key)
    if current is None:
        cache.add(key, uuid.uuid4().hex, None)
        current = cache.get(key)
    return current


def request_generation(request, scope=PAGES):
    """The generation a request sees: read once, however many keys it goes into."""
    seen = request.__dict__.setdefault("content_generations", {})
    if scope not in seen:
        seen[scope] = generation(scope)
    return seen[scope]


def content_generation(request):
    """Context processor: the generation and lifetime for `{% cache %}` fragments, read from the
    cache only if a template asks for them. A fragment of a public page holds no longer than the
    page (`cache_public`): what it shows may change at the next go-live or expiry, which starts
    no generation."""
    return {
        "content_generation": SimpleLazyObject(lambda: request_generation(request)),
        "fragment_max_age": min(SERVER_MAX_AGE, getattr(request, "page_lifetime", SERVER_MAX_AGE)),
    }


def scoped_key(name, scope, request=None):
    """`name` in the current generation of `scope`, or None while the cache cannot tell it."""
    current = generation(scope) if request is None else request_generation(request, scope)
    return None if current is None else f"{scope}:{current}:{name}"


def get_or_set(name, compute, timeout, *, scope, request=None):
    """A value kept until `scope` is invalidated (or `timeout` seconds pass), computed when
    missing; computed every time, and not kept, while the cache cannot tell the generation."""
    key = scoped_key(name, scope, request)
    return compute() if key is None else cache.get_or_set(key, compute, timeout)


def now_and_on_commit(forget):
    """Forget at once, and again when the change is committed: a copy made in between, by a reader
    who still saw the data before it, is not kept."""
    forget()
    transaction.on_commit(forget)


def invalidate(*scopes, **signal_arguments):
    """Drop every kept page and fragment, and the values kept in `scopes`; it takes a signal's
    arguments, so that it can receive one."""
    for scope in (*scopes, PAGES):
        now_and_on_commit(functools.partial(_renew, f"generation:{scope}"))


def _renew(key):
    cache.set(key, uuid.uuid4().hex, None)
    if getattr(cache, "cooling_down", False):  # the guarded backends' breaker rests: lost
        cache.breaker.retry_soon(LOST_INVALIDATION_RETRY)

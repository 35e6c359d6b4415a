"""What the news pages keep between requests, and until when.

No public answer may be kept past the next moment an article goes live or expires; that moment,
the listings' counts, the years with news and the topics in use are kept in the "news" scope,
which a save of anything the news show invalidates (see apps.py).
"""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import get_language

from pagecache.decorators import cache_public as public
from pagecache.generation import get_or_set, invalidate, scoped_key, seconds_until

from .models import Article, Topic

NEWS = "news"
NO_CHANGE = "none"
# With nothing scheduled, look again after this long.
RECHECK = 3600


def invalidate_news(**signal_arguments):
    invalidate(NEWS)


def next_change(request=None):
    """Read once per request, however many of its answers depend on it."""
    if request is None:
        return _next_change()
    if not hasattr(request, "next_news_change"):
        request.next_news_change = _next_change(request)
    return request.next_news_change


def _next_change(request=None):
    key = scoped_key("next-change", NEWS, request)
    value = None if key is None else cache.get(key)
    if value is None:
        value = Article.objects.next_change() or NO_CHANGE
        if key is not None:
            cache.set(key, value, RECHECK if value == NO_CHANGE else seconds_until(value))
    return None if value == NO_CHANGE else value


def seconds_until_next_change(request=None):
    change = next_change(request)
    return RECHECK if change is None else min(RECHECK, seconds_until(change))


def kept_until_next_change(name, compute, request=None):
    """A value that changes only when an article does, or goes live or expires."""
    return get_or_set(
        name, compute, seconds_until_next_change(request), scope=NEWS, request=request
    )


def kept_article(address, find, request):
    """The article an address leads the public to (`find()`, which raises Http404 for none), kept
    like the values above. An address that leads nowhere is looked up every time, so that made-up
    addresses cannot fill the cache."""
    digest = hashlib.sha256(address.encode()).hexdigest()  # a slug may be any length
    key = scoped_key(f"article:{digest}", NEWS, request)
    if key is None:
        return find()
    if (article := cache.get(key)) is None:
        article = find()
        cache.set(key, article, seconds_until_next_change(request))
    return article


def topics_in_use(request=None):
    """Topics with published articles in the page's language."""
    language = get_language()
    return kept_until_next_change(
        f"topics:{language}", lambda: list(Topic.objects.in_use(language)), request
    )


class KeptCountPaginator(Paginator):
    """A listing's article count, kept until an article is saved, goes live or expires.

    Counting is the costly half of a page of a long listing, and its result changes only then.
    """

    def __init__(self, object_list, per_page, *, request, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.request = request
        self.count_was_kept = False

    @cached_property
    def count(self):
        key = scoped_key(f"count:{self.request.path}", NEWS, self.request)
        count = None if key is None else cache.get(key)
        # Whether the listing is unchanged since the last request: its ids key its summaries.
        self.count_was_kept = count is not None
        if count is None:
            count = super().count
            # Not an empty period: any year or month can be asked for, and all would be kept.
            if count and key is not None:
                cache.set(key, count, seconds_until_next_change(self.request))
        return count


cache_public = public(seconds_until_next_change)
cache_in_browsers = public(seconds_until_next_change, keep=False)

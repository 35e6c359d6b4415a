"""No public answer may be kept past the next moment an article goes live or expires.

That moment is itself cached until it passes or an article is saved.
"""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from config import page_cache
from config.page_cache import seconds_until

from .models import Article, Topic

NEXT_CHANGE_KEY = "news:next-change"
YEARS_KEY = "news:years"
TOPICS_KEY = "news:topics"
NO_CHANGE = "none"
# With nothing scheduled, look again after this long.
RECHECK = 3600


def next_change():
    value = cache.get(NEXT_CHANGE_KEY)
    if value is None:
        value = Article.objects.next_change() or NO_CHANGE
        cache.set(NEXT_CHANGE_KEY, value, RECHECK if value == NO_CHANGE else seconds_until(value))
    return None if value == NO_CHANGE else value


def seconds_until_next_change():
    change = next_change()
    return RECHECK if change is None else min(RECHECK, seconds_until(change))


def topics_in_use():
    """Topics with published articles: they change only when an article or a topic does."""
    return cache.get_or_set(
        TOPICS_KEY, lambda: list(Topic.objects.in_use()), seconds_until_next_change()
    )


class KeptCountPaginator(Paginator):
    """A listing's article count, kept until an article is saved, goes live or expires.

    Counting is the costly half of a page of a long listing, and its result changes only then.
    """

    def __init__(self, object_list, per_page, *, request, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        current = page_cache.request_generation(request)
        self.key = None if current is None else f"news:count:{current}:{request.path}"
        self.count_was_kept = False

    @cached_property
    def count(self):
        if self.key is None:
            return Paginator.count.func(self)
        count = cache.get(self.key)
        self.count_was_kept = count is not None
        if count is None:
            count = Paginator.count.func(self)
            # Not an empty period: any year or month can be asked for, and all would be kept.
            if count:
                cache.set(self.key, count, seconds_until_next_change())
        return count


KEPT_UNTIL_A_CHANGE = [NEXT_CHANGE_KEY, YEARS_KEY, TOPICS_KEY]


def forget_news(**kwargs):
    page_cache.now_and_on_commit(lambda: cache.delete_many(KEPT_UNTIL_A_CHANGE))
    page_cache.forget_pages()


cache_public = page_cache.cache_public(seconds_until_next_change)
cache_in_browsers = page_cache.cache_public(seconds_until_next_change, keep=False)

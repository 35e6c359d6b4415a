"""What the public pages of articles share: the articles the public may see in the page's
language, and a listing's page of them, read as little as possible."""

from django.utils.translation import get_language

from .caching import KeptCountPaginator, kept_until_next_change
from .models import Article

# Lists show the date, title, lead and image: the body stays in the database.
LIST_DEFERRED = ("body",)


# The latest releases an article's page offers beside it.
OTHER_NEWS = 5


def other_news(article):
    """The latest releases in the page's language besides `article`, lazily: read only when the
    article's fragment is rendered."""
    articles = Article.objects.published().written_in(get_language()).exclude(pk=article.pk)
    return articles.defer(*LIST_DEFERRED)[:OTHER_NEWS]


class PublishedArticleMixin:
    model = Article  # known without building the queryset, which the date views would do again
    date_field = "pub_date"
    month_format = "%m"
    day_format = "%d"
    # Scheduling is decided by Article.objects.published(), not by the view.
    allow_future = True

    def get_queryset(self):
        return Article.objects.published().written_in(get_language())


class ArchiveMixin(PublishedArticleMixin):
    paginate_by = 10
    allow_empty = True
    deferred = LIST_DEFERRED

    def get_queryset(self):
        return super().get_queryset().defer(*self.deferred)


class SummariesMixin:
    """The articles listed (`summaries`) and their ids, which key their rendered summaries.

    When the listing is unchanged since the last request (its count was kept), only the ids are
    read, and kept until an article changes, goes live or expires; the articles with those ids
    only if the summaries must be rendered again. Otherwise the articles are read at once: either
    way, at most one query more than the count.
    """

    def ids_first(self, context):
        """Whether the listing is likely unchanged since it was last rendered."""
        return True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = context["object_list"]
        if self.ids_first(context):
            page = context["page_obj"].number if context.get("page_obj") is not None else 1
            ids = kept_until_next_change(
                f"ids:{self.request.path}:{page}",
                lambda: list(articles.values_list("pk", flat=True)),
                self.request,
            )
            # Lazy: read only to render the summaries, and then exactly the articles of the key.
            context["summaries"] = articles.model.objects.filter(pk__in=ids).defer(*LIST_DEFERRED)
        else:
            context["summaries"] = list(articles)
            ids = [article.pk for article in context["summaries"]]
        context["article_ids"] = ids
        return context


class ListingMixin(SummariesMixin, ArchiveMixin):
    """A listing whose count is kept between requests (not a search: queries are endless)."""

    def get_paginator(self, queryset, per_page, **kwargs):
        return KeptCountPaginator(queryset, per_page, request=self.request, **kwargs)

    def ids_first(self, context):
        return context["paginator"].count_was_kept

import functools

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView
from django.views.generic.dates import (
    ArchiveIndexView,
    DateDetailView,
    MonthArchiveView,
    YearArchiveView,
)

from core.languages import without_language

from . import languages, search
from .caching import cache_public, kept_article, kept_until_next_change, topics_in_use
from .listings import (
    ArchiveMixin,
    ListingMixin,
    PublishedArticleMixin,
    SummariesMixin,
    other_news,
)
from .models import Article, PreviewLink, State, Topic
from .structured_data import news_article


def never_cache_private(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


class TopicArticleListView(ListingMixin, ListView):
    template_name = "news/topic_detail.html"

    def get_queryset(self):
        self.topic = get_object_or_404(Topic, slug=self.kwargs["slug"])
        return super().get_queryset().filter(topics=self.topic)

    def get_context_data(self, **kwargs):
        articles = Article.objects.published().filter(topics=self.topic)
        return super().get_context_data(
            topic=self.topic,
            language_versions=functools.partial(languages.page_versions, self.request, articles),
            **kwargs,
        )


class TopicListView(ListView):
    template_name = "news/topic_list.html"
    context_object_name = "topic_list"

    def get_queryset(self):
        return topics_in_use(self.request)


class SearchView(ArchiveMixin, ListView):
    template_name = "news/search.html"
    deferred = ()  # the excerpt may come from the body

    def get_queryset(self):
        self.query = self.request.GET.get("q", "")
        self.terms = search.words(self.query)
        return search.search(super().get_queryset(), self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, terms=self.terms, **kwargs)
        context["results"] = [
            (article, search.excerpt(article, self.terms)) for article in context["object_list"]
        ]
        return context


class HomePageView(SummariesMixin, PublishedArticleMixin, ListView):
    """The latest release as the lead story, the five before it, the topics, ways to follow."""

    template_name = "home.html"

    def get_queryset(self):
        return super().get_queryset()[:6]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read once (the lead is the first), and only when the fragment that shows them renders.
        context["summaries"] = SimpleLazyObject(functools.partial(list, context["summaries"]))
        context["topics"] = topics_in_use(self.request)
        return context


home = cache_public(HomePageView.as_view())


class SubscribeView(TemplateView):
    """What a feed is, in plain words, and the address of every feed: all news, each topic."""

    template_name = "news/subscribe.html"

    def get_context_data(self, **kwargs):
        # All the news (no topic) first, then each topic with releases in this language.
        return super().get_context_data(feeds=[None, *topics_in_use(self.request)], **kwargs)


class ArticleArchiveView(ListingMixin, ArchiveIndexView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(topics=topics_in_use(self.request), **kwargs)

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        # The years with news change only when an article does: kept until then.
        return kept_until_next_change(
            f"years:{get_language()}",
            lambda: list(
                super(ArticleArchiveView, self).get_date_list(queryset, date_type, ordering)
            ),
            self.request,
        )


class PeriodArchiveMixin(ListingMixin):
    """A year or a month: 404 when it has no news, known from the page count (no extra query)."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not response.context_data["paginator"].count:
            raise Http404(_("No news was published in this period."))
        return response

    def get_context_data(self, **kwargs):
        period = {f"pub_date__{name}": value for name, value in self.period().items()}
        articles = Article.objects.published().filter(**period)
        return super().get_context_data(
            language_versions=functools.partial(languages.page_versions, self.request, articles),
            **kwargs,
        )


class ArticleYearArchiveView(PeriodArchiveMixin, YearArchiveView):
    make_object_list = True

    def period(self):
        return {"year": self.get_year()}


class ArticleMonthArchiveView(PeriodArchiveMixin, MonthArchiveView):
    def period(self):
        return {"year": self.get_year(), "month": self.get_month()}

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        # A month's page lists its articles, not its days: that query is not needed.
        return []


class ArticlePageMixin:
    def get_context_data(self, **kwargs):
        # A callable: the template calls it only when it renders the fragment that shows it.
        structured_data = functools.partial(news_article, self.object, self.request)
        return super().get_context_data(
            structured_data=structured_data,
            language_versions=functools.partial(
                languages.article_versions, self.object, self.request
            ),
            other_news=other_news(self.object),
            **kwargs,
        )


class ArticleDetailView(ArticlePageMixin, PublishedArticleMixin, DateDetailView):
    def get_queryset(self):
        # Editors preview drafts and scheduled articles at their real address.
        if self.request.user.has_perm("news.change_article"):
            articles = Article.objects.all()
        else:
            articles = Article.objects.on_record()
        # Topics, attachments and change notes are read by the template, only when it renders
        # the article's fragment (change notes only for an article that has some).
        return articles

    def get_object(self, queryset=None):
        if self.request.user.has_perm("news.change_article"):
            return self.find()
        # The same address leads the public to the same article until one changes, goes live or
        # expires: building and compiling that query was a third of the page's time.
        address = "/".join(str(self.kwargs[part]) for part in ("year", "month", "day", "slug"))
        return kept_article(f"{get_language()}/{address}", self.find, self.request)

    def find(self):
        try:
            return super().get_object()
        except OverflowError as error:  # 31 December 9999: Django's view asks for the day after
            raise Http404(_("No news was published on this day.")) from error

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            # An earlier address leads only where this reader may go: never to an embargoed one.
            moved = self.get_queryset().filter(aliases__path=without_language(request.path_info))
            if (moved := moved.first()) is None:
                raise
            return self.redirect_to(moved)
        if self.object.language != get_language():
            return self.redirect_to(self.object)
        return self.render_to_response(self.get_context_data(object=self.object))

    @staticmethod
    def redirect_to(article):
        """An article has one address, in its own language. Asked for at another (an old address
        followed in a language, x-default), it leads to its version in the page's language if
        one is published, otherwise to itself."""
        version = (
            Article.objects.published()
            .filter(translation_key=article.translation_key, language=get_language())
            .first()
        )
        return HttpResponsePermanentRedirect((version or article).get_absolute_url())

    def render_to_response(self, context, **response_kwargs):
        article = self.object
        if article.state == State.WITHDRAWN:
            return render(self.request, "news/article_withdrawn.html", context, status=410)
        response = super().render_to_response(context, **response_kwargs)
        return response if article.is_published else never_cache_private(response)


class PreviewLinkView(ArticlePageMixin, DetailView):
    """An unpublished article shown, read-only, to a reviewer holding a signed link."""

    template_name = "news/article_detail.html"
    context_object_name = "article"

    def get(self, request, token):
        link = PreviewLink.from_token(token)
        if link is None:
            raise Http404
        if not link.is_active:
            response = render(request, "news/preview_link_expired.html", status=410)
        else:
            self.object = link.article
            response = self.render_to_response(self.get_context_data(preview_link=link))
        return never_cache_private(response)

from django.urls import path, register_converter

from . import feeds, views
from .caching import cache_in_browsers, cache_public
from .converters import FourDigitConverter, TwoDigitConverter

register_converter(FourDigitConverter, "yyyy")
register_converter(TwoDigitConverter, "dd")

app_name = "news"

urlpatterns = [
    path("", cache_public(views.ArticleArchiveView.as_view()), name="list"),
    path(
        "not-translated/",
        cache_public(views.ArticleArchiveView.as_view(extra_context={"not_translated": True})),
        name="not-translated",
    ),
    path("subscribe/", cache_public(views.SubscribeView.as_view()), name="subscribe"),
    path("feed/rss/", cache_public(feeds.LatestArticlesFeed()), name="feed-rss"),
    path("feed/atom/", cache_public(feeds.LatestArticlesAtomFeed()), name="feed-atom"),
    path("feed/json/", cache_public(feeds.LatestArticlesJsonFeed()), name="feed-json"),
    path("<yyyy:year>/", cache_public(views.ArticleYearArchiveView.as_view()), name="archive-year"),
    path(
        "<yyyy:year>/<dd:month>/",
        cache_public(views.ArticleMonthArchiveView.as_view()),
        name="archive-month",
    ),
    path(
        "<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/",
        cache_public(views.ArticleDetailView.as_view()),
        name="detail",
    ),
    path("preview/<str:token>/", views.PreviewLinkView.as_view(), name="preview"),
    path("search/", cache_in_browsers(views.SearchView.as_view()), name="search"),
    path("topics/", cache_public(views.TopicListView.as_view()), name="topics"),
    path("topics/<slug:slug>/", cache_public(views.TopicArticleListView.as_view()), name="topic"),
    path("topics/<slug:slug>/feed/rss/", cache_public(feeds.TopicFeed()), name="topic-feed-rss"),
    path(
        "topics/<slug:slug>/feed/atom/", cache_public(feeds.TopicAtomFeed()), name="topic-feed-atom"
    ),
    path(
        "topics/<slug:slug>/feed/json/", cache_public(feeds.TopicJsonFeed()), name="topic-feed-json"
    ),
]

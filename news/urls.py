from django.urls import path, register_converter

from . import feeds, views
from .converters import TwoDigitConverter

register_converter(TwoDigitConverter, "dd")

app_name = "news"

urlpatterns = [
    path("", views.ArticleArchiveView.as_view(), name="list"),
    path("feed/rss/", feeds.LatestArticlesFeed(), name="feed-rss"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path("<int:year>/", views.ArticleYearArchiveView.as_view(), name="archive-year"),
    path("<int:year>/<dd:month>/", views.ArticleMonthArchiveView.as_view(), name="archive-month"),
    path(
        "<int:year>/<dd:month>/<dd:day>/<slug:slug>/",
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
]

from django.contrib import admin
from django.urls import include, path

from news.caching import cache_public
from news.views import HomePageView

urlpatterns = [
    path("", cache_public(HomePageView.as_view()), name="home"),
    path("news/", include("news.urls")),
    path("contacts/", include("contacts.urls")),
    path("admin/", admin.site.urls),
]

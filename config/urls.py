from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from config.low_vision import set_low_vision
from news.caching import cache_public
from news.sitemaps import SITEMAPS
from news.views import HomePageView

urlpatterns = [
    path("", cache_public(HomePageView.as_view()), name="home"),
    path("news/", include("news.urls")),
    path("contacts/", include("contacts.urls")),
    path("low-vision/", set_low_vision, name="low-vision"),
    path("sitemap.xml", cache_public(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
    ),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # In production the web server or object storage serves uploads (see README, Deploying).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

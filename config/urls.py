from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from contacts import sitemaps as contacts_sitemaps
from contacts.reception import announcing_direct_lines
from core.admin_site import AgencyAdminSite, TwoFactorAdminSite
from core.health import healthz
from core.languages import choose_language
from core.low_vision import set_low_vision
from news import sitemaps as news_sitemaps
from news import views as news_views

# django-otp's documented switch (with its login form adjusted): the admin then asks for a TOTP
# code at sign-in and admits only staff whose session was verified with one.
admin.site.__class__ = TwoFactorAdminSite if settings.ADMIN_REQUIRE_2FA else AgencyAdminSite

handler400 = "core.errors.bad_request"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"

# Every page people read carries its language: /ru/…, /be/…, /en/…
urlpatterns = i18n_patterns(
    path("", announcing_direct_lines(news_views.home), name="home"),
    path("news/", include("news.urls")),
    path("contacts/", include("contacts.urls")),
    path("alerts/", include("alerts.urls")),
)

urlpatterns += [
    path("", choose_language, name="choose-language"),
    # Django's view that remembers a language chosen in the admin (in a cookie).
    path("i18n/", include("django.conf.urls.i18n")),
    path("low-vision/", set_low_vision, name="low-vision"),
    path(
        "sitemap.xml",
        news_sitemaps.index,
        {"sitemaps": news_sitemaps.SITEMAPS | contacts_sitemaps.SITEMAPS},
        name="sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
    ),
    path("healthz", healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.DEBUG:
    # In production the web server or object storage serves uploads (see README, Deploying).
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

from django.urls import path

from config import page_cache

from . import views

app_name = "contacts"

urlpatterns = [
    path(
        "",
        page_cache.cache_public(views.seconds_until_status_changes)(views.ContactsView.as_view()),
        name="index",
    ),
    path("<int:pk>.vcf", views.vcard, name="vcard"),
]

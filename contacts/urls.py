from django.urls import path

from pagecache.decorators import cache_public

from . import views

app_name = "contacts"

urlpatterns = [
    path(
        "",
        cache_public(views.seconds_until_status_changes)(views.ContactsView.as_view()),
        name="index",
    ),
    path("<int:pk>.vcf", views.vcard, name="vcard"),
]

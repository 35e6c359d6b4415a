from django.urls import path

from pagecache.decorators import cache_public
from pagecache.generation import SERVER_MAX_AGE

from . import reception, views

app_name = "contacts"

urlpatterns = [
    path(
        "",
        cache_public(views.seconds_until_status_changes)(views.ContactsView.as_view()),
        name="index",
    ),
    path(
        "reception/",
        cache_public(reception.seconds_until_reception_changes)(views.ReceptionView.as_view()),
        name="reception",
    ),
    # Changes only when an editor saves it, which invalidates every kept page.
    path(
        "appeals/",
        cache_public(lambda request: SERVER_MAX_AGE)(views.AppealsView.as_view()),
        name="appeals",
    ),
    path("<int:pk>.vcf", views.vcard, name="vcard"),
]

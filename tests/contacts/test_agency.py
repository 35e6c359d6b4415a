"""The agency's name: one record that every page, feed and the sign-in app read."""

import datetime
import importlib
import json
import re

import pytest
from django.apps import apps
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from contacts import directory
from contacts.models import Agency

pytestmark = pytest.mark.django_db

NAME = "State Committee for Science and Technology of the Republic of Belarus"
SHORT_NAME = "State Committee for Science and Technology"
NEW_NAME = "Ministry of Science and Innovation of the Republic of Belarus"
NEW_SHORT_NAME = "Ministry of Science and Innovation"


def rename(name, short_name):
    agency = Agency.get_solo()
    agency.name, agency.short_name = name, short_name
    agency.save()


def test_a_site_without_an_agency_record_shows_the_names_it_ships_with(client, make_article):
    article = make_article()
    for url in (reverse("home"), reverse("news:list"), article.get_absolute_url()):
        page = client.get(url).text
        assert f'<span class="site-name__agency">{SHORT_NAME}</span>' in page
        assert f" {NAME}</p>" in page  # the footer's copyright line
    home = client.get(reverse("home")).text
    assert f"<title>{SHORT_NAME}</title>" in home
    assert f'<h1 class="visually-hidden">{NAME}</h1>' in home
    assert not Agency.objects.exists()  # reading never writes the record


def test_agency_is_the_kept_record_or_an_unsaved_one_with_the_defaults(
    demo_contacts, django_assert_num_queries
):
    Agency.objects.all().delete()
    shipped = directory.agency()
    assert shipped.pk is None
    assert (shipped.name, shipped.short_name) == (NAME, SHORT_NAME)
    rename(NEW_NAME, NEW_SHORT_NAME)
    assert directory.agency().short_name == NEW_SHORT_NAME
    with django_assert_num_queries(0):
        assert directory.agency().name == NEW_NAME


@pytest.fixture
def site_pages(make_article, make_topic):
    topic = make_topic("Innovation")
    article = make_article(pub_date=datetime.datetime(2023, 1, 19, 10, tzinfo=datetime.UTC))
    article.topics.add(topic)
    return {
        "home": reverse("home"),
        "list": reverse("news:list"),
        "year": reverse("news:archive-year", args=[2023]),
        "month": reverse("news:archive-month", args=[2023, 1]),
        "topics": reverse("news:topics"),
        "topic": topic.get_absolute_url(),
        "article": article.get_absolute_url(),
        "contacts": reverse("contacts:index"),
        "not found": "/no-such-page/",
    }


def test_a_renamed_agency_shows_at_once_on_every_page(client, demo_contacts, site_pages):
    for url in site_pages.values():
        client.get(url)  # kept in the page cache and the fragments
    rename(NEW_NAME, NEW_SHORT_NAME)
    pages = {name: client.get(url).text for name, url in site_pages.items()}
    for name, page in pages.items():
        assert SHORT_NAME not in page, name
        assert f"{NEW_SHORT_NAME}</title>" in page, name
        assert f'<span class="site-name__agency">{NEW_SHORT_NAME}</span>' in page, name
        assert f" {NEW_NAME}</p>" in page, name
    assert f'<h1 class="visually-hidden">{NEW_NAME}</h1>' in pages["home"]
    descriptions = {
        "home": f"News and contacts of the {NEW_NAME}.",
        "list": f"Press releases of the {NEW_NAME}, newest first.",
        "year": f"Press releases of the {NEW_SHORT_NAME} published in 2023.",
        "month": f"Press releases of the {NEW_SHORT_NAME} published in January 2023.",
        "topics": f"The news of the {NEW_SHORT_NAME} by topic.",
        "topic": f"News of the {NEW_SHORT_NAME} on Innovation.",
    }
    for name, description in descriptions.items():
        assert f'<meta name="description" content="{description}">' in pages[name], name
    assert f'<meta property="og:site_name" content="{NEW_SHORT_NAME}">' in pages["article"]
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', pages["article"])
    assert json.loads(payload)["publisher"]["name"] == NEW_NAME


@pytest.mark.usefixtures("uncached")
@pytest.mark.parametrize("page", ["article", "feed", "topic feed"])
def test_news_read_the_name_from_the_kept_directory(client, demo_contacts, site_pages, page):
    url = {
        "article": site_pages["article"],
        "feed": reverse("news:feed-atom"),
        "topic feed": reverse("news:topic-feed-rss", args=["innovation"]),
    }[page]
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert SHORT_NAME in client.get(url).text
    assert not [q["sql"] for q in queries if "contacts_" in q["sql"]]


def test_error_pages_name_the_agency_without_asking_the_database(
    demo_contacts, django_assert_num_queries
):
    rename(NEW_NAME, NEW_SHORT_NAME)
    for template in ("500.html", "503.html"):
        with django_assert_num_queries(0):
            page = render_to_string(template)
        # What the site ships with: the database, or the cache, may be what failed.
        assert f"| {SHORT_NAME}</title>" in page
        assert f'<span class="site-name__agency">{SHORT_NAME}</span>' in page


def test_authenticator_apps_name_the_agency(django_user_model, demo_contacts):
    user = django_user_model.objects.create_user("editor", password="editor-pass-1")
    device = TOTPDevice.objects.create(user=user, name="phone")
    assert "issuer=State%20Committee%20for%20Science%20and%20Technology" in device.config_url
    rename(NEW_NAME, NEW_SHORT_NAME)
    assert "issuer=Ministry%20of%20Science%20and%20Innovation" in device.config_url


@pytest.mark.parametrize(
    "name,full,short",
    [
        ("", NAME, SHORT_NAME),
        (NAME, NAME, SHORT_NAME),
        (NEW_NAME, NEW_NAME, NEW_SHORT_NAME),
        ("Science Committee", "Science Committee", "Science Committee"),
    ],
)
def test_migration_gives_the_existing_record_its_names(demo_contacts, name, full, short):
    migration = importlib.import_module("contacts.migrations.0002_agency_short_name")
    assert migration.names(name) == (full, short)
    Agency.objects.update(name=full, short_name="Stale")
    migration.name_the_existing_record(apps, schema_editor=None)
    assert Agency.objects.values_list("name", "short_name").get() == (full, short)

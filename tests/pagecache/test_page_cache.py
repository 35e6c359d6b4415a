"""Cached public pages: served without the database, dropped at once when what they show changes."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.template import engines
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, translate_url

from news.models import Article
from pagecache import generation as page_cache
from pagecache.backends import ResilientRedisCache

pytestmark = pytest.mark.django_db


def queries_for(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


@pytest.mark.parametrize(
    "url_name", ["home", "news:list", "news:feed-rss", "news:feed-atom", "sitemap"]
)
def test_second_request_is_served_from_the_cache(client, make_article, demo_contacts, url_name):
    make_article()
    url = reverse(url_name)
    client.get(url)
    client.get(url)
    response, count = queries_for(client, url)
    assert response.status_code == 200
    assert count == 0


def test_searches_are_left_to_browsers_not_kept_here(client, make_article, demo_contacts):
    make_article(title="Innovation programme")
    url = reverse("news:search") + "?q=innovation"
    client.get(url)
    response, count = queries_for(client, url)
    assert "Innovation programme" in response.text
    assert count > 0
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]


def test_publishing_shows_at_once_on_cached_pages(client, make_article, demo_contacts):
    article = make_article(title="Scheduled release", status=Article.Status.DRAFT)
    for url in (reverse("home"), reverse("news:list"), reverse("news:feed-atom")):
        client.get(url)
        assert "Scheduled release" not in client.get(url).content.decode()
    article.status = Article.Status.PUBLISHED
    article.save()
    for url in (reverse("home"), reverse("news:list"), reverse("news:feed-atom")):
        assert "Scheduled release" in client.get(url).content.decode()


def test_contacts_change_shows_at_once_on_cached_pages(client, make_article, demo_contacts):
    make_article()
    client.get(reverse("news:list"))
    phone = demo_contacts.phones.get()
    phone.number = "+375 17 222-22-22"
    phone.save()
    assert "+375 (17) 222-22-22" in client.get(reverse("news:list")).text


def test_staff_always_get_a_fresh_page(editor_client, make_article):
    make_article()
    editor_client.get(reverse("news:list"))
    _, count = queries_for(editor_client, reverse("news:list"))
    assert count > 0


def test_a_preview_is_never_cached(editor_client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert editor_client.get(draft.get_absolute_url()).status_code == 200
    assert Client().get(draft.get_absolute_url()).status_code == 404


def test_low_vision_readers_get_their_own_copy(client, make_article):
    make_article()
    client.get(reverse("news:list"))
    client.cookies["low_vision"] = "size=larger.contrast=high.images=shown.spacing=wide"
    assert "lv-size-larger" in client.get(reverse("news:list")).text


def page_entries(folder):
    return sum(1 for path in folder.iterdir() if path.suffix == ".djcache")


def test_junk_parameters_and_cookies_cannot_fill_the_cache(
    client, make_article, settings, tmp_path
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
    make_article()
    url = reverse("news:list")
    for page in (url, reverse("home")):  # kept, with their fragments
        assert client.get(page).status_code == 200
    baseline = page_entries(tmp_path / "cache")
    for number in range(500):
        assert client.get(url, {"utm_source": number}).status_code == 200
        # A page that reads no parameter keeps none, however well spelled.
        assert client.get(reverse("home"), {"page": number + 1, "p": 2}).status_code == 200
        assert client.get(url, {"page": f"0{number}"}).status_code in (200, 404)
        client.cookies["low_vision"] = f"size=larger.junk={number}"
        assert client.get(url).status_code == 200
        client.cookies.pop("low_vision")
    # The page and at most its one low-vision variant are kept.
    assert page_entries(tmp_path / "cache") - baseline <= 2


def test_junk_parameters_are_served_the_page_kept_for_the_address(client, make_article):
    make_article(title="Kept once")
    url = reverse("news:list")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert "Kept once" in client.get(url, {"utm_source": "mail"}).text
    assert len(queries) == 0


def test_the_low_vision_variants_are_those_the_site_knows(client, make_article):
    make_article()
    url = reverse("news:list")
    client.cookies["low_vision"] = "size=larger.contrast=high.images=shown.spacing=wide"
    larger = client.get(url).text
    client.cookies["low_vision"] = "contrast=high.size=larger.spacing=wide.junk=1"
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).text == larger
    assert len(queries) == 0
    client.cookies.pop("low_vision")
    assert "lv-size-larger" not in client.get(url).text


@pytest.fixture
def redis_down(settings):
    # Nothing listens on port 9: every cache call fails at once.
    settings.CACHES = {
        "default": {
            "BACKEND": "pagecache.backends.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    assert isinstance(caches["default"], ResilientRedisCache)


@pytest.mark.usefixtures("redis_down")
def test_site_keeps_serving_when_redis_is_down(client, make_article):
    make_article(title="Served without Redis")
    for url in (reverse("home"), reverse("news:list"), reverse("contacts:index")):
        assert client.get(url).status_code == 200
    assert "Served without Redis" in client.get(reverse("news:list")).text


def test_contacts_page_is_kept_only_until_the_status_changes(client, demo_contacts):
    import datetime
    import zoneinfo

    import time_machine

    minsk = zoneinfo.ZoneInfo("Europe/Minsk")
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, 59, 0, tzinfo=minsk), tick=False):
        first = client.get(reverse("contacts:index"))
        assert "Open now — closes at 13.00" in first.text
        assert "max-age=59" in first["Cache-Control"]
    with time_machine.travel(datetime.datetime(2026, 11, 25, 13, 0, 0, tzinfo=minsk), tick=False):
        assert "Lunch break — reopens at 14.00" in client.get(reverse("contacts:index")).text


def test_feeds_are_cached_compressed(client, make_article):
    import gzip

    make_article(title="Compressed once")
    client.get(reverse("news:feed-rss"), HTTP_ACCEPT_ENCODING="gzip")
    response, count = queries_for(client, reverse("news:feed-rss"), HTTP_ACCEPT_ENCODING="gzip")
    assert count == 0
    assert response["Content-Encoding"] == "gzip"
    assert b"Compressed once" in gzip.decompress(response.content)
    assert b"Compressed once" in client.get(reverse("news:feed-rss")).content


def test_cached_copies_keep_security_headers_and_answer_304(client, make_article, demo_contacts):
    make_article()
    client.get(reverse("news:list"))
    hit, count = queries_for(client, reverse("news:list"))
    assert count == 0
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"
    again = client.get(reverse("news:list"), HTTP_IF_NONE_MATCH=hit["ETag"])
    assert again.status_code == 304


def test_a_change_starts_a_new_generation_again_when_it_is_committed(
    make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    before = page_cache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Corrected title"
        article.save()
        # A reader now may still see the old row, and would keep its copy under this generation.
        during = page_cache.generation()
    assert during != before
    assert page_cache.generation() not in (before, during)


def test_a_release_drops_what_the_previous_code_rendered():
    before = page_cache.generation()
    call_command("migrate", verbosity=0)
    assert page_cache.generation() != before


@pytest.mark.usefixtures("redis_down")
def test_without_a_generation_nothing_is_kept_or_reused():
    assert page_cache.generation() is None
    # As the site's templates key their fragments (see the content_generation context processor).
    template = engines["django"].from_string(
        "{% load cache %}{% cache 60 'clock' content_generation %}{{ value }}{% endcache %}"
    )
    context = {"content_generation": page_cache.generation()}
    assert template.render(context | {"value": "first"}) == "first"
    assert template.render(context | {"value": "second"}) == "second"


def test_health_checks_are_answered_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("healthz")).status_code == 200
    assert client.get(reverse("news:list")).status_code == 301


def test_a_word_that_holds_gzip_is_not_a_gzip_client(client, make_article):
    url = reverse("news:list")
    make_article()
    # The first request after a change decides the copy kept for everyone who accepts gzip.
    client.get(url, HTTP_ACCEPT_ENCODING="xgzip")
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_a_page_kept_in_one_language_is_not_served_in_another(client, make_article):
    make_article()
    url = reverse("news:list")
    assert 'lang="en"' in client.get(url).text
    assert 'lang="en"' in client.get(url).text  # kept
    page = client.get(translate_url(url, "ru")).text
    assert 'lang="ru"' in page and "Новости" in page

"""When and where readers find an article: scheduling and expiry, the times editors enter, and
the addresses readers keep when an article moves."""

import datetime
import os
import time

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news.models import Article, ArticleAlias, State
from tests.news.browser_form import article_form
from tests.news.test_workflow import change_url, feed_entry

pytestmark = pytest.mark.django_db

# Scheduling and expiry


def test_article_goes_live_then_expires_as_time_moves(client, make_article):
    now = timezone.now()
    go_live, expiry = now + datetime.timedelta(hours=1), now + datetime.timedelta(days=1)
    article = make_article(title="Timed release", pub_date=go_live, expires_at=expiry)
    moments = [
        (go_live - datetime.timedelta(seconds=1), State.SCHEDULED, 404),
        (go_live, State.LIVE, 200),
        (expiry - datetime.timedelta(seconds=1), State.LIVE, 200),
        (expiry, State.EXPIRED, 404),
    ]
    for moment, state, status_code in moments:
        with time_machine.travel(moment, tick=False):
            assert article.state == state
            assert client.get(article.get_absolute_url()).status_code == status_code
            listed = "Timed release" in client.get(reverse("news:list")).text
            in_feed = feed_entry(client) is not None
            assert listed is in_feed is (state == State.LIVE)


def test_admin_lists_and_filters_by_state(publisher_client, make_article):
    now = timezone.now()
    make_article(title="A draft", status=Article.Status.DRAFT)
    make_article(title="A scheduled one", pub_date=now + datetime.timedelta(days=1))
    make_article(title="A live one")
    make_article(
        title="An expired one",
        pub_date=now - datetime.timedelta(days=2),
        expires_at=now - datetime.timedelta(days=1),
    )
    make_article(
        title="A withdrawn one", status=Article.Status.WITHDRAWN, withdrawal_reason="Error"
    )
    changelist = reverse("admin:news_article_changelist")
    text = publisher_client.get(changelist).text
    for label in ("Draft", "Scheduled", "Live", "Expired", "Withdrawn"):
        assert f'<td class="field-state">{label}</td>' in text
    for state, title in [
        ("draft", "A draft"),
        ("scheduled", "A scheduled one"),
        ("live", "A live one"),
        ("expired", "An expired one"),
        ("withdrawn", "A withdrawn one"),
    ]:
        filtered = publisher_client.get(changelist, {"state": state}).text
        assert title in filtered
        assert (
            sum(
                t in filtered
                for t in (
                    "A draft",
                    "A scheduled one",
                    "A live one",
                    "An expired one",
                    "A withdrawn one",
                )
            )
            == 1
        )


def test_database_refuses_expiry_before_publication(publisher_client, make_article):
    article = make_article()
    data = article_form(publisher_client, change_url(article))
    data |= {"expires_at_0": "2000-01-01", "expires_at_1": "00:00:00", "minor_edit": "on"}
    response = publisher_client.post(change_url(article), data)
    assert "The expiry time must be after the publication time." in response.text


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Tokyo"])
def test_times_are_entered_in_minsk_whatever_the_server_zone(publisher_client, make_article, zone):
    previous = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        article = make_article(status=Article.Status.DRAFT)
        data = article_form(publisher_client, change_url(article))
        data |= {"pub_date_0": "2031-03-02", "pub_date_1": "09:00:00"}
        assert publisher_client.post(change_url(article), data).status_code == 302
        article.refresh_from_db()
        assert article.pub_date == datetime.datetime(2031, 3, 2, 6, 0, tzinfo=datetime.UTC)
        assert "2031-03-02" in article_form(publisher_client, change_url(article))["pub_date_0"]
    finally:
        os.environ["TZ"] = previous or "Europe/Minsk"
        time.tzset()


def test_cache_lifetime_never_passes_the_next_go_live(client, make_article):
    make_article()
    relaxed = client.get(reverse("news:list"))
    assert "max-age=60" in relaxed["Cache-Control"] and "public" in relaxed["Cache-Control"]
    make_article(pub_date=timezone.now() + datetime.timedelta(seconds=20))
    for url in (reverse("home"), reverse("news:list"), reverse("news:feed-rss")):
        max_age = int(client.get(url)["Cache-Control"].split("max-age=")[1].split(",")[0])
        assert 0 < max_age <= 20


def test_cache_lifetime_never_passes_the_next_expiry(client, make_article):
    make_article(expires_at=timezone.now() + datetime.timedelta(seconds=10))
    max_age = int(
        client.get(reverse("news:feed-atom"))["Cache-Control"].split("max-age=")[1].split(",")[0]
    )
    assert 0 < max_age <= 10


# Moved addresses


def test_changing_slug_or_date_of_published_article_redirects_old_address(
    publisher_client, make_article, client
):
    article = make_article(
        slug="old-slug", pub_date=datetime.datetime(2024, 5, 5, 9, tzinfo=datetime.UTC)
    )
    first_url = article.get_absolute_url()
    data = article_form(publisher_client, change_url(article)) | {
        "slug": "new-slug",
        "minor_edit": "on",
    }
    publisher_client.post(change_url(article), data)
    data = article_form(publisher_client, change_url(article))
    data |= {"pub_date_0": "2024-05-06", "minor_edit": "on"}
    publisher_client.post(change_url(article), data)
    article.refresh_from_db()
    assert article.get_absolute_url() == "/en/news/2024/05/06/new-slug/"
    client.logout()
    for old in (first_url, "/en/news/2024/05/05/new-slug/"):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == "/en/news/2024/05/06/new-slug/"


def test_an_earlier_address_never_leads_to_an_embargoed_one(publisher_client, make_article, client):
    article = make_article(slug="live-now")
    old = article.get_absolute_url()
    data = article_form(publisher_client, change_url(article))
    later = timezone.localtime() + datetime.timedelta(days=10)
    data |= {
        "slug": "embargoed-name",
        "pub_date_0": later.strftime("%Y-%m-%d"),
        "pub_date_1": "09:00:00",
        "minor_edit": "on",
    }
    assert publisher_client.post(change_url(article), data).status_code == 302
    client.logout()
    response = client.get(old)
    assert response.status_code == 404
    assert "embargoed-name" not in response.text and "Location" not in response
    with time_machine.travel(later.replace(hour=10, minute=0)):  # an hour after it goes live
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"].endswith("/embargoed-name/")


def test_renaming_a_draft_leaves_no_redirect(make_article):
    article = make_article(slug="draft-slug", status=Article.Status.DRAFT)
    article.slug = "renamed"
    article.save()
    assert not ArticleAlias.objects.exists()

"""With the page cache off, a feed is written once per generation and per its items: each
request reads only which articles it lists, so one that goes live or expires shows at once."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

FEEDS = ["news:feed-rss", "news:feed-atom", "news:feed-json"]


@pytest.mark.parametrize("url_name", FEEDS)
def test_a_written_feed_costs_one_query(client, make_article, url_name):
    make_article(title="Kept as written")
    first = client.get(reverse(url_name))
    with CaptureQueriesContext(connection) as queries:
        again = client.get(reverse(url_name))
    assert again.content == first.content and b"Kept as written" in again.content
    assert len(queries) == 1


@pytest.mark.parametrize("url_name", FEEDS)
def test_an_article_that_goes_live_or_expires_shows_without_a_save(client, make_article, url_name):
    soon = timezone.now() + datetime.timedelta(hours=1)
    make_article(title="Going live", pub_date=soon)
    make_article(title="Expiring", expires_at=soon)
    before = client.get(reverse(url_name)).content
    assert b"Expiring" in before and b"Going live" not in before
    with time_machine.travel(soon + datetime.timedelta(seconds=1), tick=False):
        after = client.get(reverse(url_name)).content
    assert b"Going live" in after and b"Expiring" not in after


def test_a_feed_names_the_host_it_was_asked_at(client, make_article, settings):
    settings.ALLOWED_HOSTS = ["news.example", "other.example"]
    make_article()
    assert (
        b"//news.example/" in client.get(reverse("news:feed-rss"), HTTP_HOST="news.example").content
    )
    other = client.get(reverse("news:feed-rss"), HTTP_HOST="other.example").content
    assert b"//other.example/" in other and b"news.example" not in other

import datetime
import time

import feedparser
import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from contacts.models import Agency
from news import workflow
from news.models import Article

pytestmark = pytest.mark.django_db

FEEDS = {"rss": "news:feed-rss", "atom": "news:feed-atom"}


def fetch(client, kind, **headers):
    return client.get(reverse(FEEDS[kind]), **headers)


def parse(client, kind):
    response = fetch(client, kind)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


@pytest.mark.parametrize(
    "kind,content_type",
    [
        ("rss", "application/rss+xml; charset=utf-8"),
        ("atom", "application/atom+xml; charset=utf-8"),
    ],
)
def test_feed_has_published_items_with_full_content(client, make_article, kind, content_type):
    article = make_article(
        title="High-tech export",
        lead="More than a third.",
        body="<p>“The share stood at 37.5%,” said the chairman.</p>",
        author="Press office",
        pub_date=datetime.datetime(2023, 1, 19, 10, tzinfo=datetime.UTC),
    )
    response, feed = parse(client, kind)
    assert response["Content-Type"] == content_type
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    [entry] = feed.entries
    assert entry.title == "High-tech export"
    assert entry.link == f"http://testserver{article.get_absolute_url()}"
    assert entry.id == article.uid.urn
    assert entry.summary == "More than a third."
    assert "<p>“The share stood at 37.5%,” said the chairman.</p>" in entry.content[0].value
    assert entry.author == "Press office"
    assert entry.published_parsed[:6] == (2023, 1, 19, 10, 0, 0)
    if kind == "atom":
        assert entry.content[0].type == "text/html"
        assert entry.updated_parsed[:6] == (2023, 1, 19, 10, 0, 0)  # no change note yet


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_links_are_absolute_from_the_request(client, make_article, kind, settings):
    settings.ALLOWED_HOSTS = ["news.example.by"]
    article = make_article()
    response = fetch(client, kind, HTTP_HOST="news.example.by", secure=True)
    feed = feedparser.parse(response.content)
    assert feed.feed.link == "https://news.example.by/en/news/"
    assert feed.entries[0].link == f"https://news.example.by{article.get_absolute_url()}"


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_holds_latest_twenty_newest_first(client, make_article, kind):
    start = timezone.now() - datetime.timedelta(days=30)
    articles = [make_article(pub_date=start + datetime.timedelta(days=n)) for n in range(25)]
    _, feed = parse(client, kind)
    assert [e.title for e in feed.entries] == [a.title for a in reversed(articles[-20:])]


@pytest.mark.parametrize("kind", FEEDS)
def test_draft_and_scheduled_articles_are_absent_from_feed(client, make_article, kind):
    make_article(title="Draft", status=Article.Status.DRAFT)
    go_live = timezone.now() + datetime.timedelta(hours=2)
    make_article(title="Scheduled", pub_date=go_live)
    _, feed = parse(client, kind)
    assert feed.entries == []
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        _, feed = parse(client, kind)
    assert [e.title for e in feed.entries] == ["Scheduled"]


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_without_author_has_no_item_author(client, make_article, kind):
    make_article(author="")
    _, feed = parse(client, kind)
    assert "Written by" not in feed.entries[0].content[0].value
    if kind == "rss":
        assert "author" not in feed.entries[0]


@pytest.mark.parametrize("kind", FEEDS)
def test_feeds_are_named_after_the_agency_record(client, make_article, make_topic, kind):
    make_article(author="").topics.add(make_topic("Innovation"))
    topic_feed = reverse(f"news:topic-feed-{kind}", args=["innovation"])
    _, feed = parse(client, kind)
    assert feed.feed.title == "State Committee for Science and Technology: news"
    assert feed.feed.subtitle == "Press releases of the State Committee for Science and Technology."
    Agency.objects.create(name="Ministry of Science of Belarus", short_name="Ministry of Science")
    _, feed = parse(client, kind)
    assert feed.feed.title == "Ministry of Science: news"
    assert feed.feed.subtitle == "Press releases of the Ministry of Science."
    if kind == "atom":
        assert feed.feed.author == "Ministry of Science"
    topic = feedparser.parse(client.get(topic_feed).content)
    assert topic.feed.title == "Ministry of Science: Innovation"


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_answers_conditional_get_with_304(client, make_article, kind):
    make_article()
    first = fetch(client, kind)
    by_etag = fetch(client, kind, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304
    assert by_etag.content == b""


@pytest.mark.parametrize("kind", FEEDS)
def test_a_withdrawal_is_not_hidden_behind_an_unchanged_date(client, make_article, publisher, kind):
    """The newest item's date does not move when an older one is withdrawn: a reader asking
    If-Modified-Since must still get the feed without it."""
    older = make_article(
        title="Withdrawn later", pub_date=timezone.now() - datetime.timedelta(days=2)
    )
    make_article()
    first = fetch(client, kind)
    assert "Last-Modified" not in first
    workflow.withdraw(older, publisher, "Published by mistake.")
    since = http_date(time.time())
    again = fetch(client, kind, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_IF_MODIFIED_SINCE=since)
    assert again.status_code == 200 and b"Withdrawn later" not in again.content


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_changes_validators_when_news_is_published(client, make_article, kind):
    make_article(pub_date=timezone.now() - datetime.timedelta(days=1))
    etag = fetch(client, kind)["ETag"]
    make_article(title="Fresh news")
    response = fetch(client, kind, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert b"Fresh news" in response.content


@pytest.mark.parametrize("url_name", ["home", "news:list"])
def test_pages_advertise_both_feeds(client, make_article, url_name):
    make_article()
    text = client.get(reverse(url_name)).text
    assert (
        f'type="application/rss+xml" title="News (RSS)" href="{reverse("news:feed-rss")}"' in text
    )
    assert (
        f'type="application/atom+xml" title="News (Atom)" href="{reverse("news:feed-atom")}"'
        in text
    )

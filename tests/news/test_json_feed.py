"""The JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the RSS and Atom feeds' items, ids and
dates in JSON, in each language, announced on every page and answered like them."""

import datetime
import gzip
import json

import feedparser
import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from news import workflow
from news.models import Article
from tests.news.uploads_support import image_bytes, post_image

pytestmark = pytest.mark.django_db

CONTENT_TYPE = "application/feed+json; charset=utf-8"
# Every top-level and item field the spec defines; anything else would need an "_" prefix.
FEED_FIELDS = {
    "version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url",
    "icon", "favicon", "authors", "language", "expired", "hubs", "items",
}  # fmt: skip
ITEM_FIELDS = {
    "id", "url", "external_url", "title", "content_html", "content_text", "summary", "image",
    "banner_image", "date_published", "date_modified", "authors", "tags", "language",
    "attachments",
}  # fmt: skip


def fetch(client, url_name="news:feed-json", *args, language="en", **headers):
    with translation.override(language):
        url = reverse(url_name, args=args)
    return client.get(url, **headers)


def parse(client, *args, **kwargs):
    response = fetch(client, *args, **kwargs)
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPE
    feed = json.loads(response.content)
    assert_valid(feed)
    return feed


def assert_valid(feed):
    """The spec's rules: its version, the required fields, and no field it does not define."""
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert isinstance(feed["items"], list)
    assert set(feed) <= FEED_FIELDS
    for item in feed["items"]:
        assert set(item) <= ITEM_FIELDS
        assert isinstance(item["id"], str) and item["id"]
        assert "content_html" in item or "content_text" in item
        for date in ("date_published", "date_modified"):
            if date in item:  # RFC 3339: a time with its offset
                assert datetime.datetime.fromisoformat(item[date]).utcoffset() is not None
    # Optional fields are left out, not null.
    assert "null" not in json.dumps(feed)


def test_feed_holds_the_articles_in_full(client, make_article, make_topic, settings):
    settings.ALLOWED_HOSTS = ["news.example.by"]
    article = make_article(
        title="High-tech export",
        lead="Exports & imports: <more> than a third.",
        body="<p>“The share stood at 37.5%,” said the chairman.</p>",
        author="Press office",
        pub_date=datetime.datetime(2023, 1, 19, 10, tzinfo=datetime.UTC),
    )
    article.topics.add(make_topic("Innovation"), make_topic("Space"))
    feed = parse(client, HTTP_HOST="news.example.by", secure=True)
    assert feed["title"] == "State Committee for Science and Technology: news"
    assert (
        feed["description"] == "Press releases of the State Committee for Science and Technology."
    )
    assert feed["home_page_url"] == "https://news.example.by/en/news/"
    assert feed["feed_url"] == "https://news.example.by/en/news/feed/json/"
    assert feed["favicon"].startswith("https://news.example.by/static/")
    assert feed["language"] == "en"
    assert feed["authors"] == [{"name": "State Committee for Science and Technology"}]
    [item] = feed["items"]
    assert item["id"] == article.uid.urn
    assert item["url"] == f"https://news.example.by{article.get_absolute_url()}"
    assert item["title"] == "High-tech export"
    assert item["summary"] == "Exports & imports: <more> than a third."  # plain text
    assert "<p>“The share stood at 37.5%,” said the chairman.</p>" in item["content_html"]
    assert "Written by:" in item["content_html"]  # the same template as RSS and Atom
    assert item["date_published"] == "2023-01-19T10:00:00+00:00"
    assert item["date_modified"] == "2023-01-19T10:00:00+00:00"  # no change note yet
    assert item["authors"] == [{"name": "Press office"}]
    assert sorted(item["tags"]) == ["Innovation", "Space"]
    # Written as UTF-8, not \\u escapes.
    assert "“The share".encode() in fetch(client, HTTP_HOST="news.example.by").content


def test_items_ids_and_dates_are_those_of_rss_and_atom(client, make_article, publisher):
    now = timezone.now()
    make_article(pub_date=now - datetime.timedelta(days=2))
    corrected = make_article(pub_date=now - datetime.timedelta(days=3))
    workflow.record_change(corrected, "Export share corrected to 37.5%.", publisher)
    make_article(author="")
    items = parse(client)["items"]
    rss = feedparser.parse(client.get(reverse("news:feed-rss")).content).entries
    atom = feedparser.parse(client.get(reverse("news:feed-atom")).content).entries
    assert [i["id"] for i in items] == [e.id for e in rss] == [e.id for e in atom]
    assert [i["title"] for i in items] == [e.title for e in atom]

    def moment(text):
        return datetime.datetime.fromisoformat(text).timetuple()[:6]

    assert [moment(i["date_published"]) for i in items] == [e.published_parsed[:6] for e in rss]
    assert [moment(i["date_modified"]) for i in items] == [e.updated_parsed[:6] for e in atom]
    assert items[2]["date_modified"] > items[2]["date_published"]  # its change note


def test_item_without_author_is_the_agencys(client, make_article):
    make_article(author="")
    [item] = parse(client)["items"]
    assert "authors" not in item  # the spec: the feed's authors then


@pytest.mark.parametrize("language", ["ru", "be", "en"])
def test_each_language_has_its_own_feed(client, make_article, language):
    for code in ("ru", "be", "en"):
        make_article(title=f"News in {code}", language=code)
    feed = parse(client, language=language)
    assert feed["language"] == language
    assert feed["feed_url"] == f"http://testserver/{language}/news/feed/json/"
    assert [item["title"] for item in feed["items"]] == [f"News in {language}"]


def test_unpublished_articles_are_absent(client, make_article):
    make_article(title="Draft", status=Article.Status.DRAFT)
    make_article(
        title="Withdrawn", status=Article.Status.WITHDRAWN, withdrawal_reason="Wrong figures."
    )
    go_live = timezone.now() + datetime.timedelta(hours=2)
    make_article(title="Scheduled", pub_date=go_live)
    assert parse(client)["items"] == []
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        assert [item["title"] for item in parse(client)["items"]] == ["Scheduled"]


def test_feed_holds_latest_twenty_newest_first(client, make_article):
    start = timezone.now() - datetime.timedelta(days=30)
    articles = [make_article(pub_date=start + datetime.timedelta(days=n)) for n in range(25)]
    titles = [item["title"] for item in parse(client)["items"]]
    assert titles == [a.title for a in reversed(articles[-20:])]


def test_topic_feed_holds_only_the_topics_articles(client, make_article, make_topic):
    innovation = make_topic("Innovation", description="New technologies in industry.")
    make_article(title="On topic").topics.add(innovation)
    make_article(title="Elsewhere").topics.add(make_topic("Space"))
    feed = parse(client, "news:topic-feed-json", "innovation")
    assert feed["title"] == "State Committee for Science and Technology: Innovation"
    assert feed["description"] == "New technologies in industry."
    assert feed["home_page_url"] == f"http://testserver{innovation.get_absolute_url()}"
    assert feed["feed_url"] == "http://testserver/en/news/topics/innovation/feed/json/"
    assert [item["title"] for item in feed["items"]] == ["On topic"]
    assert fetch(client, "news:topic-feed-json", "no-such-topic").status_code == 404


def test_lead_image_is_the_items_image_and_attachment(admin_client, make_article):
    article = make_article()
    post_image(admin_client, article, image_bytes(800, 600, "PNG"), name="chart.png")
    article.refresh_from_db()
    [item] = parse(admin_client)["items"]
    address = f"http://testserver{article.image.url}"
    assert item["image"] == address
    assert item["attachments"] == [
        {"url": address, "mime_type": "image/png", "size_in_bytes": article.image.size}
    ]


def test_feed_answers_conditional_get_with_304(client, make_article):
    make_article()
    first = fetch(client)
    assert "public" in first["Cache-Control"]
    etag = first["ETag"]
    by_etag = fetch(client, HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    make_article(title="Fresh news")
    changed = fetch(client, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert b"Fresh news" in changed.content


def test_feed_is_cached_compressed(client, make_article):
    make_article(title="Compressed once")
    fetch(client, HTTP_ACCEPT_ENCODING="gzip")
    response = fetch(client, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert response["Content-Type"] == CONTENT_TYPE
    assert b"Compressed once" in gzip.decompress(response.content)


@pytest.mark.parametrize("language", ["ru", "be", "en"])
@pytest.mark.parametrize("url_name", ["home", "news:list", "news:subscribe"])
def test_pages_announce_the_json_feed(client, make_article, url_name, language):
    make_article(language=language)
    with translation.override(language):
        page, feed = reverse(url_name), reverse("news:feed-json")
    head = client.get(page).text.split("</head>")[0]
    assert '<link rel="alternate" type="application/feed+json" title="' in head
    assert f'href="{feed}">' in head


def test_subscribe_page_says_which_apps_read_json_feed(client):
    page = client.get(reverse("news:subscribe")).text
    assert "JSON Feed, a newer format that NetNewsWire" in page

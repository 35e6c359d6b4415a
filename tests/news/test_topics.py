import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import Article

pytestmark = pytest.mark.django_db


def test_topic_page_lists_its_published_articles_paginated(client, make_article, make_topic):
    innovation, policy = (
        make_topic("Innovation"),
        make_topic("Science policy", slug="science-policy"),
    )
    for number in range(12):
        make_article(title=f"Innovation news {number}").topics.add(innovation)
    make_article(title="Policy news").topics.add(policy)
    make_article(title="Innovation draft", status=Article.Status.DRAFT).topics.add(innovation)

    first = client.get(innovation.get_absolute_url())
    assert first.status_code == 200
    assert '<h1 class="page-title">Innovation</h1>' in first.text
    assert first.text.count("Innovation news") == 10
    assert "Policy news" not in first.text and "Innovation draft" not in first.text
    second = client.get(innovation.get_absolute_url(), {"page": 2})
    assert second.text.count("Innovation news") == 2


def test_topics_in_use_are_listed_with_their_published_articles(
    client, make_article, make_topic, time_machine
):
    innovation, policy, unused = (
        make_topic("Innovation"),
        make_topic("Science policy", slug="science-policy", description="Laws and strategy."),
        make_topic("Unused"),
    )
    for _ in range(3):
        make_article().topics.add(innovation)
    make_article().topics.add(policy)
    make_article(status=Article.Status.DRAFT).topics.add(policy, unused)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    make_article(pub_date=tomorrow).topics.add(unused)

    index = client.get(reverse("news:topics"))
    assert index.status_code == 200
    assert [(t.name, t.published_count) for t in index.context["topic_list"]] == [
        ("Innovation", 3),
        ("Science policy", 1),
    ]
    assert f'<a href="{innovation.get_absolute_url()}">Innovation</a>' in index.text
    assert "3 articles" in index.text and "1 article<" in index.text
    assert "Laws and strategy." in index.text
    listing = client.get(reverse("news:list")).text
    assert 'aria-labelledby="topics-heading"' in listing
    assert f'<a href="{policy.get_absolute_url()}">Science policy <span class="count">(1)' in (
        listing
    )
    assert "Unused" not in listing

    time_machine.move_to(tomorrow + datetime.timedelta(minutes=1))
    assert "Unused" in client.get(reverse("news:topics")).text
    assert "Unused" in client.get(reverse("news:list")).text


def test_topic_page_leads_back_to_all_topics(client, make_article, make_topic):
    topic = make_topic()
    make_article().topics.add(topic)
    page = client.get(topic.get_absolute_url()).text
    assert f'<a href="{reverse("news:topics")}">Topics</a>' in page


def test_renamed_topic_shows_at_once_in_the_topic_lists(client, make_article, make_topic):
    topic = make_topic("Innovation")
    make_article().topics.add(topic)
    for url in (reverse("news:topics"), reverse("news:list")):
        assert "Innovation" in client.get(url).text
    topic.name = "Innovation and technology"
    topic.save()
    for url in (reverse("news:topics"), reverse("news:list")):
        assert "Innovation and technology" in client.get(url).text


def test_unknown_topic_is_404(client):
    assert client.get(reverse("news:topic", args=["nothing"])).status_code == 404
    assert client.get(reverse("news:topic-feed-rss", args=["nothing"])).status_code == 404


def test_topic_page_advertises_its_feeds(client, make_topic):
    topic = make_topic()
    text = client.get(topic.get_absolute_url()).text
    assert f'href="{reverse("news:topic-feed-rss", args=[topic.slug])}"' in text
    assert 'type="application/atom+xml" title="Innovation (Atom)"' in text


@pytest.mark.parametrize("kind", ["news:topic-feed-rss", "news:topic-feed-atom"])
def test_topic_feed_has_only_its_articles_with_categories(client, make_article, make_topic, kind):
    innovation, policy = (
        make_topic("Innovation"),
        make_topic("Science policy", slug="science-policy"),
    )
    both = make_article(title="Both topics")
    both.topics.add(innovation, policy)
    make_article(title="Policy only").topics.add(policy)
    make_article(
        title="Scheduled", pub_date=timezone.now() + datetime.timedelta(days=1)
    ).topics.add(innovation)
    feed = feedparser.parse(client.get(reverse(kind, args=["innovation"])).content)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Both topics"]
    assert sorted(tag.term for tag in feed.entries[0].tags) == ["Innovation", "Science policy"]
    assert feed.feed.link == "http://testserver/en/news/topics/innovation/"


def test_article_shows_its_topics_as_links(client, make_article, make_topic):
    article = make_article()
    article.topics.add(make_topic("Innovation"))
    text = client.get(article.get_absolute_url()).text
    assert '<a href="/en/news/topics/innovation/">Innovation</a>' in text


@pytest.mark.usefixtures("uncached")
def test_topic_page_and_feed_queries_do_not_grow(client, make_article, make_topic):
    topic = make_topic()

    def count(url):
        client.get(url)  # header contacts cached
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    urls = [
        topic.get_absolute_url(),
        reverse("news:topic-feed-atom", args=[topic.slug]),
        reverse("news:topics"),
    ]
    make_article().topics.add(topic)
    few = [count(url) for url in urls]
    for number in range(30):
        make_article().topics.add(topic, make_topic(f"Other {number}", slug=f"other-{number}"))
    assert [count(url) for url in urls] == few

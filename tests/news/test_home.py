"""The front page: the latest release as the lead story with its photo, the five before it, the
topics and the ways to follow; the agency's name said once, its contacts once, in the footer."""

import datetime
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.news.uploads_support import image_bytes

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


def with_photo(article):
    article.image = SimpleUploadedFile("exhibition.jpg", image_bytes())
    article.image_alt = "The chairman opens the exhibition"
    article.image_credit = "Press office"
    article.save()
    return article


def lead_story(page):
    return re.search(r'<article class="lead-story[^"]*">(.*?)</article>', page, re.DOTALL).group(1)


def main(page):
    return page.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]


def test_the_latest_release_is_the_lead_story_with_its_photo(client, make_article):
    older = make_article(title="Older release", pub_date=hours_ago(5))
    latest = with_photo(make_article(title="Exhibition opens", pub_date=hours_ago(1)))
    make_article(title="Newer draft", status=Article.Status.DRAFT, pub_date=hours_ago(0))
    page = client.get(reverse("home")).text
    lead = lead_story(page)
    assert f'<h2 class="lead-story__title"><a href="{latest.get_absolute_url()}">' in lead
    assert latest.lead in lead
    assert f'src="{latest.image_src}" srcset="{latest.image_srcset}"' in lead
    assert 'alt="The chairman opens the exhibition"' in lead
    assert "Photo: Press office" in lead
    assert "Newer draft" not in page
    # The others follow, under their own heading.
    assert page.index("Exhibition opens") < page.index('id="latest-news"')
    assert page.index('id="latest-news"') < page.index(older.title)


def test_the_five_releases_before_the_lead_follow_it(client, make_article):
    articles = [make_article(pub_date=hours_ago(hour)) for hour in range(1, 8)]
    page = main(client.get(reverse("home")).text)
    assert articles[0].title in lead_story(page)
    assert page.count('<article class="article-summary') == 5
    for article in articles[1:6]:
        assert f'<h3 class="article-summary__title"><a href="{article.get_absolute_url()}"' in page
    assert articles[6].title not in page
    assert f'<a href="{reverse("news:list")}">All news</a>' in page


def test_a_lead_story_without_a_photo_shows_none(client, make_article):
    make_article(title="Text only")
    lead = lead_story(client.get(reverse("home")).text)
    assert "Text only" in lead
    assert "<img" not in lead and "<figure" not in lead


def test_the_news_comes_first_and_the_agency_is_named_once(client, make_article, demo_contacts):
    make_article(title="Exhibition opens")
    page = client.get(reverse("home")).text
    # One heading for the page, for screen readers and search engines; the header shows the name
    # to the eye, so the first thing seen below the navigation is the news.
    assert page.count("<h1") == 1
    assert (
        '<h1 class="visually-hidden">'
        "State Committee for Science and Technology of the Republic of Belarus</h1>"
    ) in page
    first_heading = re.search(r"<h2[^>]*>(.*?)</h2>", main(page), re.DOTALL).group(1)
    assert "Exhibition opens" in first_heading
    # The contacts in full once, in the footer; not again in the page.
    assert page.count("222357, Minsk, Svobody square, 2") == 1
    assert "Citizens&#x27; reception" not in page


def test_the_topics_in_use_and_the_ways_to_follow_are_offered(client, make_article, make_topic):
    used = make_topic("Innovation")
    make_topic("Space")  # no article: not offered
    make_article().topics.add(used)
    page = main(client.get(reverse("home")).text)
    assert f'<a href="{used.get_absolute_url()}">Innovation <span class="count">(1)</span></a>' in (
        page
    )
    assert "Space" not in page
    assert f'<a href="{reverse("news:subscribe")}">How to subscribe</a>' in page
    # A reader is led to the page that explains feeds, not to the raw XML.
    assert reverse("news:feed-rss") not in page


def test_the_topics_follow_an_article_that_goes_live_without_a_save(
    client, make_article, make_topic
):
    make_article(pub_date=hours_ago(1)).topics.add(make_topic("Innovation"))
    go_live = timezone.now() + datetime.timedelta(minutes=10)
    make_article(pub_date=go_live).topics.add(make_topic("Space"))
    assert "Space" not in main(client.get(reverse("home")).text)
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        assert '>Space <span class="count">(1)</span></a>' in main(client.get(reverse("home")).text)


def test_an_empty_site_says_that_no_news_was_published_and_how_to_follow(client):
    page = main(client.get(reverse("home")).text)
    assert "No news has been published yet." in page
    assert "lead-story" not in page
    assert f'<a href="{reverse("news:subscribe")}">How to subscribe</a>' in page


@pytest.mark.usefixtures("uncached")
def test_the_lead_story_and_the_topics_cost_no_query_once_kept(
    client, make_article, make_topic, demo_contacts
):
    topic = make_topic("Innovation")
    for hour in range(1, 8):
        make_article(pub_date=hours_ago(hour)).topics.add(topic)
    with_photo(make_article(pub_date=hours_ago(0))).topics.add(topic)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("home")).text
    assert len(queries) == 0  # the ids of the articles shown are kept too, until one changes
    assert "lead-story__image" in page and "Innovation" in page

"""Rendered fragments: shared by all variants of a page, never shown once what they show changed."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from contacts.models import Phone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_an_article_is_rendered_once_for_every_address_it_is_asked_by(
    client, make_article, make_topic
):
    article = make_article()
    article.topics.add(make_topic("Innovation"))
    url = article.get_absolute_url()
    first, cold = queries_for(client, url)
    # Another query string, another entry in a page cache: the same fragments.
    second, warm = queries_for(client, url + "?utm_source=newsletter")
    assert cold >= 3  # the article, its attachments, its topics, the contacts of the header
    assert warm == 0  # the article found is kept too, until one changes, goes live or expires
    for page in (first, second):
        assert f"<h1>{article.title}</h1>" in page
        assert 'href="/en/news/topics/innovation/">Innovation</a>' in page


def test_a_renamed_topic_shows_at_once_on_the_article(client, make_article, make_topic):
    article = make_article()
    topic = make_topic("Innovation")
    article.topics.add(topic)
    url = article.get_absolute_url()
    assert ">Innovation</a>" in client.get(url).content.decode()
    topic.name = "Innovation policy"
    topic.save()
    assert ">Innovation policy</a>" in client.get(url).content.decode()


def test_an_edited_article_shows_at_once_in_lists_and_on_its_page(client, make_article):
    article = make_article(title="Old title")
    for url in ("/en/", reverse("news:list"), article.get_absolute_url()):
        assert "Old title" in client.get(url).content.decode()
    article.title = "New title"
    article.save()
    for url in ("/en/", reverse("news:list"), article.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "New title" in page
        assert "Old title" not in page


def test_a_changed_phone_shows_at_once_in_every_header(client, make_article, demo_contacts):
    make_article()
    client.get("/en/")
    phone = Phone.objects.filter(contact_point=demo_contacts).first()
    phone.number = "+375 17 000-00-00"
    phone.save()
    for url in ("/en/", reverse("news:list")):
        assert "tel:+375170000000" in client.get(url).content.decode()


def test_the_years_follow_an_article_that_goes_live_without_a_save(client, make_article):
    now = timezone.now()
    make_article(pub_date=now - datetime.timedelta(days=400))
    # The first article of this year, scheduled: no save happens when it goes live.
    go_live = now + datetime.timedelta(minutes=10)
    make_article(pub_date=go_live)
    years_link = f'href="/en/news/{timezone.localtime(go_live).year}/"'
    assert years_link not in client.get(reverse("news:list")).content.decode()
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        assert years_link in client.get(reverse("news:list")).content.decode()


def test_each_language_has_its_own_copy(rf):
    # As the site's templates key their fragments, with the i18n context processor's language.
    template = engines["django"].from_string(
        "{% load cache i18n %}{% cache 60 'language' content_generation LANGUAGE_CODE %}"
        "{% get_current_language as language %}{{ language }}{% endcache %}"
    )
    request = rf.get("/en/")
    with translation.override("en"):
        assert template.render({}, request) == "en"
    with translation.override("ru"):
        assert template.render({}, request) == "ru"


@pytest.mark.parametrize("url,summaries", [("/en/", 5), ("/en/news/", 10), ("/en/news/?page=2", 5)])
def test_a_listing_reads_nothing_once_its_ids_and_summaries_are_kept(
    client, make_article, url, summaries
):
    for _ in range(15):
        make_article()
    client.get(url)  # the count kept (a listing's articles, read at once)
    client.get(url)  # its ids kept (the listing unchanged)
    page, count = queries_for(client, url)
    assert count == 0
    assert page.count('<article class="article-summary') == summaries


def test_a_listing_kept_shows_an_article_at_its_go_live(client, make_article):
    for _ in range(3):
        make_article()
    go_live = timezone.now() + datetime.timedelta(minutes=5)
    make_article(title="Going live", pub_date=go_live)
    for _ in range(3):
        assert "Going live" not in client.get("/en/news/").text
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        assert "Going live" in client.get("/en/news/").text


@pytest.mark.parametrize(
    "url,after_a_change",
    [
        ("/en/", 4),
        ("/en/news/", 5),  # with the topics in use in its sidebar
        ("/en/news/?page=2", 5),
        # with the languages it is written in, for the switcher
        ("/en/news/2023/", 5),
        ("/en/news/2023/01/", 5),
        ("/en/news/topics/innovation/", 5),
        ("/en/news/topics/innovation/?page=2", 5),
    ],
)
def test_a_listing_after_a_change_reads_its_rows_once_then_only_ids(
    client, make_article, make_topic, demo_contacts, url, after_a_change
):
    topic = make_topic("Innovation")
    january = datetime.datetime(2023, 1, 10, tzinfo=datetime.UTC)
    articles = [make_article(pub_date=january + datetime.timedelta(hours=n)) for n in range(15)]
    topic.articles.add(*articles)
    client.get(url)  # the header's contacts are now kept
    articles[0].save()  # a new generation: no fragment, count or list of years is kept
    # The rows once, with what the change made stale: the next go-live or expiry, and the count
    # or the periods of the listing.
    assert queries_for(client, url)[1] <= after_a_change
    # Then the ids of the page, and the topic or the months of the year.
    assert queries_for(client, url)[1] <= 2

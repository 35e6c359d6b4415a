"""The Subscribe page: what a feed is, in plain words, and every feed's whole address, in each
language; the site's links to the feeds lead readers there rather than to raw XML."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def subscribe_page(client, language):
    with translation.override(language):
        url = reverse("news:subscribe")
    assert url == f"/{language}/news/subscribe/"
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("language", ["ru", "be", "en"])
def test_every_feed_is_listed_with_its_whole_address(client, make_article, make_topic, language):
    used, elsewhere = make_topic("Innovation"), make_topic("Space")
    make_article(language=language).topics.add(used)
    make_article(language="ru" if language != "ru" else "en").topics.add(elsewhere)
    page = subscribe_page(client, language).text
    feeds = [
        (f"/{language}/news/feed/rss/", "application/rss+xml"),
        (f"/{language}/news/feed/atom/", "application/atom+xml"),
        (f"/{language}/news/topics/innovation/feed/rss/", "application/rss+xml"),
        (f"/{language}/news/topics/innovation/feed/atom/", "application/atom+xml"),
        (f"/{language}/news/feed/json/", "application/feed+json"),
        (f"/{language}/news/topics/innovation/feed/json/", "application/feed+json"),
    ]
    for path, kind in feeds:
        # The address in full, as a link a reader can copy and a feed reader recognises, that a
        # phone wraps after a slash of its path ("feed/" / "rss/"), not inside a word.
        shown = "http://testserver" + path.replace("/", "/<wbr>")
        assert f'href="{path}" type="{kind}">{shown}</a>' in page
    # The topics with news in this language: a feed without any would stay empty.
    assert "/topics/space/feed/" not in page


def test_feed_readers_find_every_feed_from_the_page(client, make_article, make_topic):
    make_article().topics.add(make_topic("Innovation"))
    head = subscribe_page(client, "en").text.split("</head>")[0]
    for path, kind, title in [
        ("/en/news/feed/rss/", "application/rss+xml", "News (RSS)"),
        ("/en/news/feed/atom/", "application/atom+xml", "News (Atom)"),
        ("/en/news/topics/innovation/feed/rss/", "application/rss+xml", "Innovation (RSS)"),
        ("/en/news/topics/innovation/feed/atom/", "application/atom+xml", "Innovation (Atom)"),
        ("/en/news/feed/json/", "application/feed+json", "News (JSON Feed)"),
        (
            "/en/news/topics/innovation/feed/json/",
            "application/feed+json",
            "Innovation (JSON Feed)",
        ),
    ]:
        assert f'<link rel="alternate" type="{kind}" title="{title}" href="{path}">' in head


def test_the_page_explains_feeds_in_plain_words(client):
    page = subscribe_page(client, "en").text
    for text in ("What is a news feed?", "feed reader", "How to subscribe", "paste the address"):
        assert text in page
    # And the other way, for readers without a feed reader: e-mail.
    assert "E-mail alerts" in page


def test_the_footer_leads_to_the_subscribe_page_not_to_raw_xml(client, make_article):
    article = make_article()
    link = f'<a href="{reverse("news:subscribe")}">How to subscribe</a>'
    for url in (reverse("news:list"), article.get_absolute_url(), reverse("contacts:index")):
        footer = client.get(url).text.split('<footer class="site-footer">')[1]
        assert link in footer, url
        assert "/feed/" not in footer, url
    # The home page offers it in the page, and the page itself needs no link to itself: once.
    for url in (reverse("home"), reverse("news:subscribe")):
        page = client.get(url).text
        assert "/feed/" not in page.split('<footer class="site-footer">')[1]
        assert page.count(link) == (1 if url == reverse("home") else 0), url


def test_the_page_is_in_the_sitemap_in_every_language(client):
    root = ET.fromstring(client.get(reverse("sitemap")).content)  # noqa: S314 (our own sitemap)
    locations = {url.find("s:loc", SITEMAP).text for url in root.findall("s:url", SITEMAP)}
    for language in ("ru", "be", "en"):
        assert f"http://testserver/{language}/news/subscribe/" in locations


def test_the_page_is_kept_as_a_public_page(client):
    response = subscribe_page(client, "en")
    assert "public" in response["Cache-Control"]

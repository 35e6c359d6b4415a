"""Sitemap, robots.txt, canonical links, link previews and structured data."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from news.models import Article

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_published_articles_and_topics_in_use(
    client, make_article, make_topic, settings
):
    settings.ALLOWED_HOSTS = ["news.example.by"]
    live = make_article(pub_date=datetime.datetime(2024, 5, 5, 9, tzinfo=datetime.UTC))
    make_article(status=Article.Status.DRAFT)
    make_article(pub_date=timezone.now() + datetime.timedelta(days=1))
    make_article(status=Article.Status.WITHDRAWN, withdrawal_reason="Error")
    live.topics.add(make_topic("Innovation"))
    make_article(status=Article.Status.DRAFT).topics.add(make_topic("Unused"))
    response = client.get(reverse("sitemap"), HTTP_HOST="news.example.by", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    entries = {u.find("s:loc", SITEMAP_NS).text: u for u in root.findall("s:url", SITEMAP_NS)}
    article_url = f"https://news.example.by{live.get_absolute_url()}"
    in_every_language = {
        f"https://news.example.by/{language}/{page}"
        for language in ("ru", "be", "en")
        for page in (
            "",
            "news/",
            "news/topics/",
            "news/subscribe/",
            "contacts/",
            "contacts/reception/",
            "contacts/appeals/",
        )
    }
    assert set(entries) == {
        article_url,
        "https://news.example.by/en/news/topics/innovation/",
        *in_every_language,
    }
    assert entries[article_url].find("s:lastmod", SITEMAP_NS).text == "2024-05-05"


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    for language in ("ru", "be", "en"):
        assert f"Disallow: /{language}/news/preview/" in response.text


@pytest.mark.parametrize(
    "url,canonical",
    [
        ("/en/", "http://testserver/en/"),
        ("/en/news/?page=2", "http://testserver/en/news/?page=2"),
        ("/en/news/?utm_source=x", "http://testserver/en/news/"),
        ("/en/contacts/", "http://testserver/en/contacts/"),
    ],
)
def test_every_page_has_a_canonical_link_title_and_description(
    client, make_article, url, canonical
):
    for _ in range(12):
        make_article()
    text = client.get(url).text
    assert f'<link rel="canonical" href="{canonical}">' in text
    assert re.search(r"<title>[^<]{10,}</title>", text)
    assert re.search(r'<meta name="description" content="[^"]{20,}">', text)


def test_article_has_link_preview_tags_and_news_article_data(client, make_article):
    article = make_article(
        title="Export record",
        lead="More than a third.",
        author="Press office",
        pub_date=datetime.datetime(2023, 1, 19, 10, tzinfo=datetime.UTC),
    )
    text = client.get(article.get_absolute_url()).text
    url = f"http://testserver{article.get_absolute_url()}"
    for tag in (
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Export record">',
        '<meta property="og:description" content="More than a third.">',
        f'<meta property="og:url" content="{url}">',
        '<meta name="twitter:card" content="summary">',
        f'<link rel="canonical" href="{url}">',
        "<title>Export record | State Committee for Science and Technology</title>",
    ):
        assert tag in text
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    data = json.loads(payload)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Export record"
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == "2023-01-19T10:00:00+00:00"
    assert data["author"] == {"@type": "Person", "name": "Press office"}
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["mainEntityOfPage"] == url


def test_not_found_page_is_in_the_site_design(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'id="main-content"' in response.text


def test_server_error_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the site" in html
    assert "css/site" in html

"""The site's languages in its addresses: where "/" and the old addresses lead, and that each
language's pages, feeds and sitemap entries show that language's articles only."""

import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse, translate_url
from django.utils import timezone, translation

from news.models import Article, ArticleAlias

pytestmark = pytest.mark.django_db
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.parametrize(
    "accept,target",
    [("be", "/be/"), ("en-GB,en;q=0.9", "/en/"), ("de", "/ru/"), ("", "/ru/")],
)
def test_the_root_leads_to_the_readers_language_then_russian(client, accept, target):
    response = client.get("/", headers={"Accept-Language": accept})
    assert (response.status_code, response["Location"]) == (302, target)
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    "old,new",
    [
        ("/news/", "/be/news/"),
        ("/news/feed/rss/", "/be/news/feed/rss/"),
        ("/news/feed/atom/", "/be/news/feed/atom/"),
        ("/news/topics/innovation/feed/rss/", "/be/news/topics/innovation/feed/rss/"),
        ("/news/2024/", "/be/news/2024/"),
        ("/news/search/?q=science&page=2", "/be/news/search/?q=science&page=2"),
        ("/contacts/", "/be/contacts/"),
    ],
)
def test_every_old_address_leads_permanently_to_its_new_one(client, old, new):
    response = client.get(old, headers={"Accept-Language": "be"})
    assert (response.status_code, response["Location"]) == (301, new)
    assert "Accept-Language" in response["Vary"]
    assert response["Cache-Control"] == "private, max-age=86400"


def test_an_old_feed_address_without_a_language_leads_to_the_default_one(client):
    response = client.get("/news/feed/rss/", headers={"Accept-Language": ""})
    assert (response.status_code, response["Location"]) == (301, "/ru/news/feed/rss/")


def test_an_old_article_address_leads_to_the_article_in_its_language(client, make_article):
    article = make_article(language="en", slug="export-grows")
    old = article.get_absolute_url().removeprefix("/en")
    response = client.get(old, headers={"Accept-Language": "ru"}, follow=True)
    assert response.status_code == 200
    assert [status for _url, status in response.redirect_chain] == [301, 301]
    assert response.redirect_chain[-1][0] == article.get_absolute_url()


def test_an_article_asked_for_in_another_language_leads_to_its_own(client, make_article):
    article = make_article(language="be", slug="ekspart")
    assert article.get_absolute_url().startswith("/be/news/")
    response = client.get("/en" + article.get_absolute_url().removeprefix("/be"))
    assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())


def test_an_article_asked_for_in_a_language_it_is_published_in_leads_to_that_version(
    client, two_languages
):
    english, russian = two_languages
    old = russian.get_absolute_url().removeprefix("/ru")
    response = client.get(old, headers={"Accept-Language": "en"}, follow=True)
    assert response.redirect_chain[-1] == (english.get_absolute_url(), 301)
    Article.objects.filter(pk=english.pk).update(status=Article.Status.DRAFT)
    response = client.get("/en" + old, follow=True)
    assert response.redirect_chain == [(russian.get_absolute_url(), 301)]


def test_an_earlier_address_of_a_moved_article_still_leads_to_it(client, make_article):
    article = make_article(language="ru", slug="old-name")
    old = article.get_absolute_url()
    article.slug = "new-name"
    article.save()
    assert ArticleAlias.objects.get().path == old.removeprefix("/ru")
    for address in (old, old.removeprefix("/ru"), translate_url(old, "en")):
        response = client.get(address, follow=True)
        assert response.redirect_chain[-1] == (article.get_absolute_url(), 301)


@pytest.fixture
def two_languages(make_article, make_topic):
    topic = make_topic("Innovation", name_ru="Инновации", slug="innovation")
    english = make_article(language="en", title="Export grows", slug="export-grows")
    russian = make_article(
        language="ru",
        title="Экспорт растёт",
        slug="eksport-rastet",
        translation_key=english.translation_key,
    )
    for article in (english, russian):
        article.topics.add(topic)
    return english, russian


def make_belarusian_draft(original):
    """Not yet a language of the article's."""
    return Article.objects.create(
        **{field: getattr(original, field) for field in ("lead", "body", "pub_date")},
        title="Экспарт расце",
        slug="ekspart-rastsie",
        language="be",
        translation_key=original.translation_key,
    )


@pytest.mark.parametrize("name", ["home", "news:list", "news:topic", "news:archive-year"])
def test_each_languages_pages_list_only_its_articles(client, two_languages, name):
    english, russian = two_languages
    kwargs = {
        "news:topic": {"slug": "innovation"},
        "news:archive-year": {"year": english.pub_date.year},
    }.get(name, {})
    url = reverse(name, kwargs=kwargs)
    for language, shown, hidden in (("en", english, russian), ("ru", russian, english)):
        page = client.get(translate_url(url, language)).text
        assert shown.title in page and hidden.title not in page
        assert "Belarusian" not in page.split("<main", 1)[0] or language == "en"


def test_each_language_searches_its_articles(client, two_languages):
    assert "Export grows" in client.get("/en/news/search/", {"q": "export"}).text
    russian = client.get("/ru/news/search/", {"q": "экспорт"}).text
    assert "Экспорт растёт" in russian and "Export grows" not in russian


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_each_language_has_its_feeds_and_its_topics_feeds(client, two_languages, kind):
    for path in (f"/{{}}/news/feed/{kind}/", f"/{{}}/news/topics/innovation/feed/{kind}/"):
        for language, title in (("en", "Export grows"), ("ru", "Экспорт растёт")):
            feed = feedparser.parse(client.get(path.format(language)).content)
            assert feed.feed.language == language
            assert [entry.title for entry in feed.entries] == [title]
        assert feedparser.parse(client.get(path.format("be")).content).entries == []


def test_each_page_announces_its_own_languages_feeds(client, two_languages):
    page = client.get("/be/news/").text
    assert 'type="application/rss+xml" title="Навіны (RSS)" href="/be/news/feed/rss/"' in page


def test_the_sitemap_names_each_articles_languages_and_no_other(client, two_languages):
    english, russian = two_languages
    make_belarusian_draft(english)
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own sitemap)
    entries = {
        url.find("s:loc", SITEMAP).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)
        }
        for url in root.findall("s:url", SITEMAP)
    }
    base = "http://testserver"
    versions = {"en": base + english.get_absolute_url(), "ru": base + russian.get_absolute_url()}
    for location in versions.values():
        assert entries[location] == versions | {
            "x-default": base + russian.get_absolute_url().removeprefix("/ru")
        }
    assert not [location for location in entries if "ekspart" in location]


def switcher(page):
    """The language switcher's entries: {name: address, or None for the page's own language}."""
    nav = page.split('<nav class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    name = r'<span class="language-switcher__short" aria-hidden="true">\w+</span>'
    name += r'<span class="language-switcher__name">([^<]+)</span>'
    links = dict(re.findall(rf'<a href="([^"]+)" lang="\w+" hreflang="\w+">{name}</a>', nav))
    current = re.findall(rf'<span lang="\w+" aria-current="true">{name}</span>', nav)
    return {name: address for address, name in links.items()} | dict.fromkeys(current)


def alternates(page):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', page))


def test_an_article_page_leads_to_its_published_translations_and_says_which_are_missing(
    client, two_languages
):
    english, russian = two_languages
    make_belarusian_draft(english)
    page = client.get(english.get_absolute_url()).text
    assert switcher(page) == {
        "Русский": russian.get_absolute_url(),
        "Беларуская": "/be/news/not-translated/",
        "English": None,
    }
    base = "http://testserver"
    assert alternates(page) == {
        "ru": base + russian.get_absolute_url(),
        "en": base + english.get_absolute_url(),
        "x-default": base + russian.get_absolute_url().removeprefix("/ru"),
    }
    assert '<meta property="og:locale" content="en_GB">' in page
    assert '<meta property="og:locale:alternate" content="ru_RU">' in page
    assert "be_BY" not in page
    note = client.get("/be/news/not-translated/").text
    assert '<html lang="be"' in note and '<meta name="robots" content="noindex">' in note
    assert "Старонка, якую вы чыталі, недаступная па-беларуску" in note


def test_a_page_in_every_language_leads_to_each(client, two_languages):
    page = client.get("/en/contacts/").text
    assert switcher(page) == {
        "Русский": "/ru/contacts/",
        "Беларуская": "/be/contacts/",
        "English": None,
    }
    assert set(alternates(page)) == {"ru", "be", "en", "x-default"}
    assert alternates(page)["x-default"] == "http://testserver/contacts/"


def test_a_topic_or_period_without_news_in_a_language_leads_to_that_languages_news(
    client, make_article, make_topic
):
    article = make_article(language="en", pub_date=timezone.now().replace(year=2021))
    article.topics.add(make_topic("Space", name_ru="Космос", slug="space"))
    make_article(language="ru")
    for url in (
        "/en/news/topics/space/",
        "/en/news/2021/",
        f"/en/news/2021/{article.pub_date:%m}/",
    ):
        page = client.get(url).text
        assert switcher(page)["Русский"] == "/ru/news/not-translated/", url
        assert alternates(page) == {}


def test_a_missing_page_leads_to_each_languages_home(client):
    page = client.get("/en/news/no-such-page/").text
    assert switcher(page) == {"Русский": "/ru/", "Беларуская": "/be/", "English": None}
    assert alternates(page) == {}


def test_the_switcher_works_in_the_low_vision_version_too(client, two_languages):
    client.get("/low-vision/", {"enabled": "on", "next": "/"})
    english, russian = two_languages
    page = client.get(russian.get_absolute_url()).text
    assert "lv-size-large" in page
    assert switcher(page)["English"] == english.get_absolute_url()


def test_staff_choose_the_admins_language_in_the_admin(admin_client):
    page = admin_client.get("/admin/").text
    assert '<html lang="en"' in page
    assert 'action="/i18n/setlang/"' in page and '<option value="be" lang="be">Беларуская' in page
    response = admin_client.post("/i18n/setlang/", {"language": "be", "next": "/admin/"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    page = admin_client.get("/admin/").text
    assert '<html lang="be"' in page and "Навіны" in page
    # The public pages keep the language of their address.
    assert '<html lang="ru"' in admin_client.get("/ru/news/").text


def test_an_earlier_address_leads_to_the_version_in_the_readers_language(client, two_languages):
    english, russian = two_languages
    old = english.get_absolute_url()
    english.slug = "export-grows-fast"
    english.save()
    response = client.get("/ru" + old.removeprefix("/en"))
    assert (response.status_code, response["Location"]) == (301, russian.get_absolute_url())


def test_a_withdrawn_version_names_no_alternates(client, two_languages):
    english, russian = two_languages
    english.status, english.withdrawal_reason = Article.Status.WITHDRAWN, "An error."
    english.save()
    page = client.get(english.get_absolute_url())
    assert page.status_code == 410
    assert alternates(page.text) == {}
    assert alternates(client.get(russian.get_absolute_url()).text) == {}


@pytest.mark.parametrize("language,words", [("ru", "Временная неполадка"), ("be", "Часовая")])
def test_the_error_page_is_in_the_language_it_is_shown_in(language, words):
    with translation.override(language):
        page = render_to_string("500.html")
    assert f'<html lang="{language}">' in page and words in page


def test_a_request_for_another_host_is_refused_in_the_pages_language(client):
    response = client.get("/be/news/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert '<html lang="be">' in response.text and "Няправільны запыт" in response.text


def test_a_form_sent_without_its_token_is_refused_in_the_staffs_language(db):
    staff = Client(enforce_csrf_checks=True, headers={"Accept-Language": "ru"})
    response = staff.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert '<html lang="ru">' in response.text and "Срок действия этой формы истёк" in response.text

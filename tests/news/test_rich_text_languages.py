"""A passage in another language in an article body: marked <span lang="…"> by the editor, kept by
the sanitiser only as a language tag, and published as is, so that screen readers pronounce it in
its language (WCAG 3.1.2, Language of Parts)."""

import html
import json
import re

import pytest
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse

from news.rich_text import sanitize_body
from tests.news.browser_form import article_form

EDITOR_CONFIG = re.compile(r'data-django-prose-editor-configurable="([^"]*)"')


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


@pytest.mark.parametrize("tag", ["be", "en-GB", "sr-Latn-RS", "yue", "de-CH-1996"])
def test_sanitiser_keeps_a_passage_marked_with_a_language_tag(tag):
    body = f'<p>He said <span lang="{tag}">дзякуй</span>.</p>'
    assert sanitize_body(body) == body


@pytest.mark.parametrize(
    "value",
    [
        "x onmouseover",
        'x" onmouseover="alert(1)',  # reaches the sanitiser as one value
        "<script>",
        "b",
        "english",
        "be_BY",
        "en-",
        "-".join(["en", *["abcdefgh"] * 4]),  # 38 characters: longer than a tag may be
        "",
    ],
)
def test_sanitiser_drops_a_lang_that_is_no_language_tag_and_keeps_the_text(value):
    body = sanitize_body(f'<p>He said <span lang="{html.escape(value)}">дзякуй</span>.</p>')
    assert "lang" not in body
    assert "onmouseover" not in body and "<script" not in body
    assert "He said <span>дзякуй</span>." in body


def test_lang_is_kept_on_a_span_only():
    body = (
        '<p lang="be">Дзякуй, <em lang="be">вельмі</em> <a href="https://x.by/" lang="be">x</a></p>'
    )
    assert "lang" not in sanitize_body(body)


@pytest.mark.django_db
def test_admin_change_form_offers_the_language_mark_with_the_sites_languages(
    client, admin_user, make_article
):
    client.force_login(admin_user)
    article = make_article()
    page = client.get(change_url(article), headers={"Accept-Language": "be"})
    config = json.loads(html.unescape(EDITOR_CONFIG.search(page.text)[1]))
    mark = config["extensions"]["Language"]
    assert mark["languages"] == {"ru": "Руская", "be": "Беларуская", "en": "Англійская"}
    assert mark["tagPattern"] and mark["tagMaxLength"] == 35
    assert static("news/editor/language.js") in config["js_modules"]


@pytest.mark.django_db
def test_passage_marked_in_the_admin_is_stored_and_published(publisher_client, make_article):
    article = make_article(language="en", body="<p>He said thank you.</p>")
    typed = (
        '<p>He said <span lang="be">дзякуй</span> and '
        '<span lang="x onmouseover=alert(1)">merci</span>.</p>'
    )
    form = article_form(publisher_client, change_url(article))
    data = form | {"body": typed, "minor_edit": "on"}
    assert publisher_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.body == '<p>He said <span lang="be">дзякуй</span> and <span>merci</span>.</p>'
    page = Client().get(article.get_absolute_url())
    assert page.status_code == 200
    assert '<span lang="be">дзякуй</span>' in page.text
    assert "onmouseover" not in page.text

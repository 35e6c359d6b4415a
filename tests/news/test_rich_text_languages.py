"""A passage in another language in an article body: marked <span lang="…"> by the editor, kept by
the sanitiser only as a language tag, and published as is, so that screen readers pronounce it in
its language (WCAG 3.1.2, Language of Parts)."""

import html
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse

from news.rich_text import sanitize_body
from tests.browser import conftest as browser_tests
from tests.news.browser_form import article_form

# The live server as the browser tests see it, for the test at the end of this file.
site = browser_tests.site

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
    assert config["js_modules"] == [static("news/editor/language.js")]


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


# In a real browser: the editor loads the mark's module under the admin's strict CSP, marks
# passages, refuses a tag that is none, and takes a mark off again.

# ProseMirror takes a selection from the page once it has settled into the editor it focuses: the
# word (not yet marked) is selected again until the editor has it, and the button is enabled and
# no longer shows the passage marked before as active.
SELECT_THE_WORD = """word => {
    const editor = document.querySelector(".ProseMirror[contenteditable]")
    editor.focus()
    const texts = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT)
    while (texts.nextNode() && !texts.currentNode.data.includes(word));
    const start = texts.currentNode.data.indexOf(word)
    const range = document.createRange()
    range.setStart(texts.currentNode, start)
    range.setEnd(texts.currentNode, start + word.length)
    getSelection().removeAllRanges()
    getSelection().addRange(range)
    const button = document.querySelector("[data-name=language]").classList
    return !button.contains("disabled") && !button.contains("active")
}"""

# Known, and not the mark's doing: Tiptap injects its base stylesheet as a <style> element, which
# the policy refuses (django-prose-editor's editor.css has those rules), and the browser asks for
# /favicon.ico, which the admin has not.
TIPTAP_STYLE = "sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA="


def is_a_new_problem(message):
    return (
        message.type == "error"
        and TIPTAP_STYLE not in message.text
        and not message.location["url"].endswith("/favicon.ico")
    )


def in_chromium(scenario, site, path, session):
    """What scenario(page) returns, on the site's page at path, signed in with session.

    Chromium runs in a thread of its own: Playwright's synchronous API runs one per thread, and the
    browser tests' session-long one may be running in this thread."""
    from playwright.sync_api import sync_playwright

    def run():
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(browser_tests.CHROMIUM), args=browser_tests.CHROMIUM_ARGS
            )
            try:
                context = chromium.new_context(
                    viewport={"width": browser_tests.WIDTHS["desktop"], "height": 900}
                )
                name = settings.SESSION_COOKIE_NAME
                context.add_cookies([{"name": name, "value": session, "url": site}])
                page = context.new_page()
                page.problems = []
                page.on(
                    "console",
                    lambda message: (
                        is_a_new_problem(message) and page.problems.append(message.text)
                    ),
                )
                page.on("pageerror", lambda error: page.problems.append(str(error)))
                page.goto(site + path)
                return scenario(page)
            finally:
                chromium.close()

    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(run).result()


def mark_three_words_and_save(page):
    from playwright.sync_api import expect

    button = page.locator('.prose-menubar button[data-name="language"]')
    expect(button).to_have_attribute("title", "Language of a passage")
    page.evaluate("""document.fonts.load('24px "Material Icons"')""")
    assert button.bounding_box()["width"] < 40  # an icon, not the word "translate"
    dialog = page.locator("dialog.prose-editor-dialog")
    language = dialog.get_by_label("Language", exact=True)
    apply = dialog.get_by_role("button", name="Apply")

    page.wait_for_function(SELECT_THE_WORD, arg="дзякуй")
    button.click()
    language.select_option("be")
    apply.click()
    expect(page.locator('.ProseMirror span[lang="be"]')).to_have_text("дзякуй")

    page.wait_for_function(SELECT_THE_WORD, arg="merci")
    button.click()
    language.select_option(label="Another language")
    tag = dialog.get_by_label("Language tag")
    tag.fill("x onmouseover")
    apply.click()
    assert tag.evaluate("input => input.validity.valid") is False
    expect(dialog).to_be_visible()
    tag.fill("fr-BE")
    apply.click()
    expect(page.locator('.ProseMirror span[lang="fr-BE"]')).to_have_text("merci")

    page.wait_for_function(SELECT_THE_WORD, arg="danke")
    button.click()
    language.select_option(label="Another language")
    tag.fill("de")
    apply.click()
    page.locator('.ProseMirror span[lang="de"]').click()  # the cursor inside the passage
    expect(button).to_have_attribute("title", "Language of a passage: de")
    button.click()
    expect(tag).to_have_value("de")
    dialog.get_by_role("button", name="Remove the language mark").click()
    expect(page.locator(".ProseMirror span[lang]")).to_have_count(2)

    page.locator('input[name="minor_edit"]').check()
    page.locator('input[name="_continue"]').click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    return page.problems


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_marks_the_language_of_passages_in_a_browser(site, client, admin_user, make_article):
    if reason := browser_tests._missing():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here, but {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    client.force_login(admin_user)
    article = make_article(language="en", body="<p>He said дзякуй, merci and danke to us.</p>")
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    problems = in_chromium(mark_three_words_and_save, site, change_url(article), session)
    assert problems == []
    article.refresh_from_db()
    assert article.body == (
        '<p>He said <span lang="be">дзякуй</span>, <span lang="fr-BE">merci</span> and danke'
        " to us.</p>"
    )

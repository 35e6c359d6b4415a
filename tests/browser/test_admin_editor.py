"""The article body's editor in a real browser: it runs under the admin's strict CSP (Tiptap's
styles from a stylesheet, none injected), and the language mark's module marks passages, refuses a
tag that is none, and takes a mark off again."""

import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.urls import reverse

from . import conftest as browser_tests

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


def is_a_new_problem(message):
    return message.type == "error"


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
    page.get_by_role("button", name="Save changes").click()
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
    problems = in_chromium(
        mark_three_words_and_save,
        site,
        reverse("admin:news_article_change", args=[article.pk]),
        session,
    )
    assert problems == []
    article.refresh_from_db()
    assert article.body == (
        '<p>He said <span lang="be">дзякуй</span>, <span lang="fr-BE">merci</span> and danke'
        " to us.</p>"
    )

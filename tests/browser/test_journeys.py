"""The newsroom's journey in a real browser, as two people live it: an editor writes a release with
photos and a document and submits it; a publisher, told by e-mail, previews it, schedules it; it
goes live at its time; a correction is told to readers; the history shows each step."""

import datetime
import os
import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from news.admin.states import in_words
from news.models import Article
from tests.conftest import WRITING, WRITING_PARTS
from tests.news.uploads_support import PDF, image_bytes

from . import conftest as browser_tests
from .test_admin_editor import in_chromium

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _browser_tools():
    if reason := browser_tests._missing():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here, but {reason}")
        pytest.skip(f"browser tests skipped: {reason}")


def session_of(user):
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def write_and_submit(page, files):
    from playwright.sync_api import expect

    page.get_by_label("Title:").fill("Grants for young scientists: 40 winners")
    page.get_by_label("Lead:").fill("The State Committee named the winners of the 2026 grants.")
    page.locator(".ProseMirror[contenteditable]").click()
    page.keyboard.type("Forty projects will receive up to 30,000 roubles each.")
    page.get_by_label("Written by:").fill("Press office")
    photos = page.locator("#photos-group")
    for number, photo in enumerate(files["photos"]):
        photos.get_by_role("button", name=re.compile("Add another")).click()
        page.set_input_files(f"#id_photos-{number}-image", photo)
        page.fill(f"#id_photos-{number}-alt", f"Winners on stage, photo {number + 1}")
    page.locator("#attachments-group").get_by_role("button", name=re.compile("Add another")).click()
    page.fill("#id_attachments-0-title", "List of winners")
    page.set_input_files("#id_attachments-0-file", files["document"])
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist .success").first).to_be_visible()
    return page.locator(".field-state .readonly").inner_text(), page.problems


def preview_and_schedule(page, moment):
    from playwright.sync_api import expect

    page.get_by_role("button", name="Create a preview link").click()
    address = page.locator(".copyable input").input_value()
    reader = page.context.browser.new_context().new_page()  # no session: a reviewer outside
    reader.goto(address)
    previewed = reader.locator("h1").inner_text()
    reader.context.close()
    local = timezone.localtime(moment)
    page.fill("#id_pub_date_0", local.strftime("%Y-%m-%d"))
    page.fill("#id_pub_date_1", local.strftime("%H:%M:%S"))
    page.get_by_role("button", name="Schedule for the publication time").click()
    expect(page.locator(".messagelist .success").first).to_be_visible()
    return address, previewed, page.locator(".field-state .readonly").inner_text()


def correct_with_a_change_note(page):
    from playwright.sync_api import expect

    page.get_by_label("Title:").fill("Grants for young scientists: 41 winners")
    page.get_by_role("button", name="Save changes").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    summary.get_by_role("link").first.click()
    focused = page.evaluate("document.activeElement.name")
    page.fill("#id_change_note", "The number of winners was corrected from 40 to 41.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".messagelist .success").first).to_be_visible()
    page.get_by_role("link", name="History").click()
    return focused, page.locator("#content").inner_text(), page.problems


def test_an_editor_s_release_reaches_readers_through_a_publisher(site, tmp_path, staff_who_may):
    may_write = (*WRITING, *WRITING_PARTS)
    editor = session_of(staff_who_may("editor", *may_write))
    publisher = session_of(staff_who_may("publisher", *may_write, "publish_article"))
    photos = []
    for number in range(2):
        photos.append(tmp_path / f"winners-{number}.jpg")
        photos[-1].write_bytes(image_bytes(1600, 1000))
    document = tmp_path / "winners.pdf"
    document.write_bytes(PDF)

    state, problems = in_chromium(
        lambda page: write_and_submit(page, {"photos": photos, "document": document}),
        site,
        reverse("admin:news_article_add"),
        editor,
    )
    assert (state, problems) == ("Submitted for review", [])
    article = Article.objects.get()
    assert (article.photos.count(), article.attachments.count()) == (2, 1)

    # The publisher's e-mail leads to the article.
    (message,) = mail.outbox
    assert message.to == ["publisher@example.gov.by"]
    link = re.search(r"https?://\S+", message.body).group()
    assert link.endswith(reverse("admin:news_article_change", args=[article.pk]))
    moment = (timezone.now() + datetime.timedelta(minutes=5)).replace(microsecond=0)
    address, previewed, state = in_chromium(
        lambda page: preview_and_schedule(page, moment), site, link.split(site)[-1], publisher
    )
    assert previewed == "Grants for young scientists: 40 winners"
    assert state == "Scheduled"
    assert address.startswith(site)

    reader = Client()
    article.refresh_from_db()
    assert reader.get(article.get_absolute_url()).status_code == 404
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=True):
        page = reader.get(article.get_absolute_url())
        assert page.status_code == 200
        assert "List of winners" in page.text and "Winners on stage, photo 2" in page.text

        focused, history, problems = in_chromium(
            correct_with_a_change_note,
            site,
            reverse("admin:news_article_change", args=[article.pk]),
            publisher,
        )
        article.refresh_from_db()
        assert "41 winners" in reader.get(article.get_absolute_url()).text
    assert focused == "change_note"
    assert problems == []
    assert "The number of winners was corrected from 40 to 41." in history
    with translation.override("en"):  # the admin's language, whatever the requests before left
        scheduled = f"Scheduled for {in_words(moment)}"
    assert "“Submitted for review”" in history and scheduled in history
    assert "List of winners" in history  # the document, recorded
    assert re.search(r"\d{1,2}:\d{2}:\d{2}", history)  # to the second

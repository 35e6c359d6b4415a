"""Changing a live article through the admin: change notes, withdrawal, edit conflicts."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.news.browser_form import article_form
from tests.news.test_history_compare import read
from tests.news.test_workflow import change_url, feed_entry

pytestmark = pytest.mark.django_db

# Change notes


def test_significant_change_to_live_article_needs_a_note(publisher_client, make_article, client):
    article = make_article(body="<p>The plan was 34%.</p>")
    data = article_form(publisher_client, change_url(article)) | {
        "body": "<p>The plan was 35%.</p>"
    }
    refused = publisher_client.post(change_url(article), data)
    assert refused.status_code == 200
    assert "describe the change for readers" in refused.text
    assert Article.objects.get().body == "<p>The plan was 34%.</p>"


def test_every_field_readers_see_needs_a_note_and_shows_in_the_comparison(
    publisher_client, make_article
):
    article = make_article(image_credit="Photo: BelTA")
    data = article_form(publisher_client, change_url(article)) | {"image_credit": "Photo: Press"}
    refused = publisher_client.post(change_url(article), data)
    assert "describe the change for readers" in refused.text
    noted = data | {"change_note": "The photo's credit is corrected."}
    assert publisher_client.post(change_url(article), noted).status_code == 302
    compare = publisher_client.get(reverse("admin:news_article_compare", args=[article.pk]))
    assert read(compare.text).marks == [("del", "BelTA", "removed:"), ("ins", "Press", "added:")]


def test_change_note_is_shown_and_moves_feed_date(publisher_client, make_article, client):
    article = make_article(pub_date=timezone.now() - datetime.timedelta(days=3))
    before = feed_entry(client).updated_parsed
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)):
        data = article_form(publisher_client, change_url(article))
        data |= {"lead": "Corrected figures.", "change_note": "Export share corrected to 37.5%."}
        assert publisher_client.post(change_url(article), data).status_code == 302
    client.logout()
    page = client.get(article.get_absolute_url()).text
    assert "Updated 25 November 2026:" in page
    assert "Export share corrected to 37.5%." in page
    entry = feed_entry(client)
    assert entry.updated_parsed != before
    assert entry.updated_parsed[:3] == (2026, 11, 25)


def test_earlier_change_notes_are_listed(publisher_client, make_article, client):
    article = make_article()
    for number in (1, 2):
        data = article_form(publisher_client, change_url(article))
        data |= {"lead": f"Lead {number}", "change_note": f"Correction number {number}."}
        publisher_client.post(change_url(article), data)
    page = client.get(article.get_absolute_url()).text
    assert (
        page.index("Correction number 2.")
        < page.index("Earlier updates")
        < page.index("Correction number 1.")
    )


def test_minor_edit_changes_neither_notes_nor_feed_date(publisher_client, make_article, client):
    article = make_article(body="<p>Teh plan.</p>")
    before = feed_entry(client).updated_parsed
    data = article_form(publisher_client, change_url(article))
    data |= {"body": "<p>The plan.</p>", "minor_edit": "on"}
    assert publisher_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>The plan.</p>"
    assert not article.change_notes.exists()
    assert feed_entry(client).updated_parsed == before
    assert "Updated" not in client.get(article.get_absolute_url()).text


def test_editing_a_draft_needs_no_note(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(editor_client, change_url(article)) | {"body": "<p>New text.</p>"}
    assert editor_client.post(change_url(article), data).status_code == 302
    assert not article.change_notes.exists()


# Withdrawal


def test_withdrawn_article_answers_410_and_leaves_lists_and_feeds(
    publisher_client, make_article, client
):
    article = make_article(title="Mistaken release")
    data = article_form(publisher_client, change_url(article)) | {"action": "withdraw"}
    refused = publisher_client.post(change_url(article), data)
    assert "Give readers the reason for the withdrawal." in refused.text
    data |= {"withdrawal_reason": "Published in error before the decree was signed."}
    assert publisher_client.post(change_url(article), data).status_code == 302
    client.logout()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    assert "This press release was withdrawn on" in response.text
    assert "Published in error before the decree was signed." in response.text
    assert "Mistaken release" not in client.get(reverse("news:list")).text
    assert feed_entry(client) is None


def test_an_article_nobody_saw_cannot_be_withdrawn(publisher_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(publisher_client, change_url(article)) | {
        "action": "withdraw",
        "withdrawal_reason": "Published by mistake.",
    }
    response = publisher_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "This step is not open to you for this article now" in response.text
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_a_live_article_is_withdrawn_with_its_reason(publisher_client, make_article, client):
    article = make_article()
    data = article_form(publisher_client, change_url(article)) | {
        "action": "withdraw",
        "withdrawal_reason": "Superseded by Decree No. 13.",
    }
    assert publisher_client.post(change_url(article), data).status_code == 302
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 410


# Concurrent editing


def test_second_save_of_the_same_version_is_refused_and_keeps_the_text(
    publisher_client, make_article, client, make_staff
):
    article = make_article(status=Article.Status.DRAFT, body="<p>Original.</p>")
    first = article_form(publisher_client, change_url(article))
    client.force_login(make_staff("second-publisher", "Publishers"))
    second = article_form(client, change_url(article))

    assert (
        publisher_client.post(
            change_url(article), first | {"body": "<p>First edit.</p>"}
        ).status_code
        == 302
    )
    response = client.post(change_url(article), second | {"body": "<p>Second edit, kept.</p>"})
    assert response.status_code == 200
    assert "Someone else saved this article while you were editing it" in response.text
    assert "Second edit, kept." in response.text
    article.refresh_from_db()
    assert article.body == "<p>First edit.</p>"

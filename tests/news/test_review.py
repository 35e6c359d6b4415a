"""The change form's steps, as each role sees them: an editor writes and submits, the publishers
hear of it by e-mail, and a publisher publishes, schedules or sends it back with a comment."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.conftest import WRITING
from tests.news.browser_form import article_form

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def steps(client, url):
    return re.findall(r'<button type="submit" name="action" value="(\w+)"', client.get(url).text)


def take(client, article, step, **fields):
    data = article_form(client, change_url(article)) | {"action": step} | fields
    return client.post(change_url(article), data)


@pytest.fixture
def publishers(make_staff):
    first, second = make_staff("first", "Publishers"), make_staff("second", "Publishers")
    first.email, second.email = "first@example.gov.by", "second@example.gov.by"
    first.save(), second.save()
    return first, second


def test_each_role_is_offered_the_steps_of_the_article_s_state(
    editor_client, publisher, make_article, client
):
    assert steps(editor_client, reverse("admin:news_article_add")) == ["save_draft", "submit"]
    draft = make_article(status=Article.Status.DRAFT)
    assert steps(editor_client, change_url(draft)) == ["save_draft", "submit"]
    client.force_login(publisher)
    assert steps(client, change_url(draft)) == ["save_draft", "publish", "schedule"]
    submitted = make_article(status=Article.Status.REVIEW)
    assert steps(client, change_url(submitted)) == ["save", "publish", "schedule", "send_back"]
    assert steps(client, change_url(make_article())) == ["save", "return_to_draft", "withdraw"]
    scheduled = make_article(pub_date=timezone.now() + datetime.timedelta(days=1))
    assert steps(client, change_url(scheduled)) == [
        "save",
        "publish",
        "schedule",
        "return_to_draft",
    ]


def test_an_editor_s_submission_is_filterable_and_e_mailed_to_the_publishers(
    editor_client, editor, publishers, make_article, django_capture_on_commit_callbacks
):
    article = make_article(title="Grant competition opens", status=Article.Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        response = take(editor_client, article, "submit")
    assert response.status_code == 302 and response["Location"] == change_url(article)
    article.refresh_from_db()
    assert article.state == Article.State.REVIEW
    assert sorted(message.to[0] for message in mail.outbox) == [
        "first@example.gov.by",
        "second@example.gov.by",
    ]
    message = mail.outbox[0]
    assert "Grant competition opens" in message.subject
    assert f"http://testserver{change_url(article)}" in message.body
    # The publisher finds it among those waiting.
    changelist = reverse("admin:news_article_changelist")
    listed = publishers[0]
    editor_client.force_login(listed)
    waiting = editor_client.get(changelist, {"state": "review"}).text
    assert "Grant competition opens" in waiting
    assert "Grant competition opens" not in editor_client.get(changelist, {"state": "draft"}).text
    # The editor may still correct it while it waits, but not publish it.
    editor_client.force_login(editor)
    assert steps(editor_client, change_url(article)) == ["save"]


def test_a_publisher_sends_it_back_with_a_comment_its_editor_reads(
    editor_client, editor, publisher, make_article, django_capture_on_commit_callbacks
):
    editor.email = "editor@example.gov.by"
    editor.save()
    article = make_article(title="Technopark results", status=Article.Status.DRAFT)
    take(editor_client, article, "submit")
    editor_client.force_login(publisher)
    refused = take(editor_client, article, "send_back")
    assert refused.status_code == 200
    assert "Tell the editor what to change." in refused.text
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    with django_capture_on_commit_callbacks(execute=True):
        sent = take(editor_client, article, "send_back", review_comment="Give the 2025 figures.")
    assert sent.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.review_comment) == ("draft", "Give the 2025 figures.")
    assert [message.to for message in mail.outbox] == [["editor@example.gov.by"]]
    assert "Give the 2025 figures." in mail.outbox[0].body
    editor_client.force_login(editor)
    form = editor_client.get(change_url(article)).text
    assert "A publisher sent this article back" in form and "Give the 2025 figures." in form
    assert article.history.first().history_change_reason.endswith("Give the 2025 figures.")
    # Submitted again, the comment has been answered.
    take(editor_client, article, "submit")
    article.refresh_from_db()
    assert (article.status, article.review_comment) == ("review", "")


def test_scheduling_takes_the_time_in_the_form_and_refuses_one_gone_by(
    publisher_client, make_article
):
    article = make_article(status=Article.Status.REVIEW)
    past = timezone.localtime() - datetime.timedelta(hours=1)
    refused = take(
        publisher_client,
        article,
        "schedule",
        pub_date_0=past.strftime("%Y-%m-%d"),
        pub_date_1=past.strftime("%H:%M:%S"),
    )
    assert refused.status_code == 200
    assert "set a publication time in the future" in refused.text
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    moment = (timezone.localtime() + datetime.timedelta(days=2)).replace(microsecond=0)
    take(
        publisher_client,
        article,
        "schedule",
        pub_date_0=moment.strftime("%Y-%m-%d"),
        pub_date_1=moment.strftime("%H:%M:%S"),
    )
    article.refresh_from_db()
    assert (article.state, article.pub_date) == (Article.State.SCHEDULED, moment)


def test_publish_now_brings_a_scheduled_article_forward(publisher_client, make_article, client):
    article = make_article(pub_date=timezone.now() + datetime.timedelta(days=3))
    assert take(publisher_client, article, "publish").status_code == 302
    article.refresh_from_db()
    assert article.state == Article.State.LIVE
    assert timezone.now() - article.pub_date < datetime.timedelta(minutes=1)
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_what_is_wrong_is_said_at_the_top_with_a_link_to_the_field(publisher_client, make_article):
    article = make_article()
    response = take(publisher_client, article, "save", title="A new title")
    assert response.status_code == 200
    page = response.text
    summary = page.index('class="error-summary"')
    assert summary < page.index("<fieldset")
    assert 'href="#id_change_note"' in page[summary : page.index("<fieldset")]
    assert "describe the change for readers" in page[summary : page.index("<fieldset")]


def test_a_new_draft_shows_no_empty_sections_and_the_agency_s_name(editor_client):
    page = editor_client.get(reverse("admin:news_article_add")).text
    assert "Telling readers about this change" not in page
    assert "preview_links-TOTAL_FORMS" not in page and "change_notes-TOTAL_FORMS" not in page
    assert "Django administration" not in page
    assert "Newsroom" in page


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_refuses_loses_the_message_not_the_submission(
    client, staff_who_may, make_article, settings, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens: refused
    staff_who_may("publisher", *WRITING, "publish_article")
    client.force_login(staff_who_may("editor", *WRITING))
    article = make_article(status=Article.Status.DRAFT)
    response = take(client, article, "submit")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    told = "the mail server did not take the e-mail to publisher@example.gov.by: tell them yourself"
    assert told in client.get(change_url(article)).text
    assert "was not sent" in caplog.text

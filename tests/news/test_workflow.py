"""The steps of an article's life called directly (news/workflow.py), as a script or the admin
does: the rules hold whoever calls them, and what readers see follows."""

import datetime

import feedparser
import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from news import workflow
from news.models import Article

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def feed_entry(client, kind="news:feed-atom"):
    entries = feedparser.parse(client.get(reverse(kind)).content).entries
    return entries[0] if entries else None


def in_future(**delta):
    return timezone.now() + datetime.timedelta(**delta)


# Scheduling


def test_a_scheduled_draft_goes_live_at_its_time(publisher, make_article, client):
    article = make_article(title="Embargoed decree", status=Article.Status.DRAFT)
    moment = in_future(hours=2)
    workflow.schedule(article, publisher, moment)
    article.refresh_from_db()
    assert (article.state, article.pub_date) == (Article.State.SCHEDULED, moment)
    assert article.history.first().history_user == publisher
    assert client.get(article.get_absolute_url()).status_code == 404
    assert feed_entry(client) is None
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert client.get(article.get_absolute_url()).status_code == 200
        assert feed_entry(client).title == "Embargoed decree"


def test_scheduling_refuses_an_editor_and_a_time_gone_by(editor, publisher, make_article):
    article = make_article(status=Article.Status.DRAFT)
    with pytest.raises(PermissionDenied):
        workflow.schedule(article, editor, in_future(days=1))
    with pytest.raises(ValidationError) as refused:
        workflow.schedule(article, publisher, in_future(minutes=-1))
    assert "pub_date" in refused.value.message_dict
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_scheduling_past_the_expiry_is_refused_with_the_models_reason(publisher, make_article):
    article = make_article(status=Article.Status.DRAFT, expires_at=in_future(days=1))
    with pytest.raises(ValidationError, match="The expiry time must be after the publication"):
        workflow.schedule(article, publisher, in_future(days=2))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


# Withdrawal


@pytest.mark.parametrize("expired", [False, True], ids=["live", "expired"])
def test_an_article_readers_saw_is_withdrawn_with_its_reason(
    publisher, make_article, client, expired
):
    expiry = {"expires_at": in_future(minutes=-1)} if expired else {}
    article = make_article(title="Mistaken release", pub_date=in_future(days=-1), **expiry)
    workflow.withdraw(article, publisher, "  Superseded by Decree No. 13.  ")
    article.refresh_from_db()
    assert article.state == Article.State.WITHDRAWN
    assert article.withdrawal_reason == "Superseded by Decree No. 13."
    assert article.withdrawn_at is not None
    assert article.history.first().history_user == publisher
    response = client.get(article.get_absolute_url())
    assert response.status_code == 410
    assert "Superseded by Decree No. 13." in response.text
    assert "Mistaken release" not in client.get(reverse("news:list")).text


def test_withdrawal_refuses_an_editor(editor, make_article):
    article = make_article()
    with pytest.raises(PermissionDenied):
        workflow.withdraw(article, editor, "Published in error.")
    article.refresh_from_db()
    assert article.state == Article.State.LIVE


@pytest.mark.parametrize(
    "unseen",
    [{"status": Article.Status.DRAFT}, {"pub_date": in_future(days=1)}],
    ids=["draft", "scheduled"],
)
def test_an_article_nobody_saw_cannot_be_withdrawn_whoever_asks(publisher, make_article, unseen):
    article = make_article(**unseen)
    state = article.state
    with pytest.raises(ValidationError, match="Only an article readers have seen"):
        workflow.withdraw(article, publisher, "Published by mistake.")
    article.refresh_from_db()
    assert (article.state, article.withdrawal_reason) == (state, "")


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_withdrawal_without_a_reason_is_refused(publisher, make_article, client, reason):
    article = make_article()
    with pytest.raises(ValidationError, match="Give readers the reason for the withdrawal."):
        workflow.withdraw(article, publisher, reason)
    article.refresh_from_db()
    assert article.state == Article.State.LIVE
    assert client.get(article.get_absolute_url()).status_code == 200


# Recording a change


def test_a_recorded_change_is_saved_as_one_revision_and_told_to_readers(
    publisher, make_article, client
):
    article = make_article(pub_date=in_future(days=-3))
    before = feed_entry(client).updated_parsed
    article.lead = "Corrected figures."
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)):
        workflow.record_change(article, " Export share corrected to 37.5%. ", publisher)
    article.refresh_from_db()
    note = article.change_notes.get()
    assert (note.note, note.author, note.created) == (
        "Export share corrected to 37.5%.",
        publisher,
        article.revised_at,
    )
    assert article.history.count() == 2
    revision = article.history.get(history_change_reason=note.note)
    assert (revision.lead, revision.history_user) == ("Corrected figures.", publisher)
    page = client.get(article.get_absolute_url()).text
    assert "Updated 25 November 2026:" in page
    assert "Export share corrected to 37.5%." in page and "Corrected figures." in page
    entry = feed_entry(client)
    assert entry.updated_parsed != before
    assert entry.updated_parsed[:3] == (2026, 11, 25)


def test_recording_a_change_to_a_live_article_refuses_an_editor(editor, make_article):
    article = make_article(lead="As published.")
    article.lead = "Rewritten by an editor."
    with pytest.raises(PermissionDenied):
        workflow.record_change(article, "Rewritten.", editor)
    article.refresh_from_db()
    assert (article.lead, article.revised_at) == ("As published.", None)
    assert not article.change_notes.exists()


@pytest.mark.parametrize("note", ["", "   "])
def test_a_change_without_a_note_is_not_recorded(publisher, make_article, note):
    article = make_article()
    with pytest.raises(ValidationError) as refused:
        workflow.record_change(article, note, publisher)
    assert "note" in refused.value.message_dict
    article.refresh_from_db()
    assert article.revised_at is None and not article.change_notes.exists()

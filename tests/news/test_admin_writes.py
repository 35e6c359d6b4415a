"""Every admin path that writes an article, as each role, through the real forms.

The rule is news/workflow.py: editors change drafts, publishers anything. A restore is an edit of
the article as it is now (permissions, validation, the edit-conflict check, the change note), and
admin writes are also tested outside a test-wrapping transaction, as production runs them.
"""

import datetime
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from news.models import Article, Attachment, ChangeNote, PreviewLink, Topic
from tests.news.browser_form import article_form

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def revision_url(article, record):
    return reverse("admin:news_article_simple_history", args=[article.pk, record.history_id])


def revision_form(client, article, record):
    return article_form(client, revision_url(article, record), form_id="historicalarticle_form")


def saved_as(article, **changes):
    """Save `article` with `changes`, as another session would: a new revision."""
    for name, value in changes.items():
        setattr(article, name, value)
    article.save()
    return article.history.first()


@pytest.fixture
def once_live_now_draft(make_article):
    """An article that was live (its first revision says so) and is a draft again."""
    article = make_article(title="Live once")
    live_revision = article.history.first()
    saved_as(article, status=Article.Status.DRAFT, title="Draft again")
    return article, live_revision


# Restoring a revision


def test_editor_restoring_a_published_revision_of_a_draft_does_not_publish_it(
    editor_client, once_live_now_draft, client
):
    article, live_revision = once_live_now_draft
    data = revision_form(editor_client, article, live_revision)
    assert editor_client.post(revision_url(article, live_revision), data).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Live once", Article.Status.DRAFT)
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editor_cannot_restore_any_revision_of_a_live_article(editor_client, make_article):
    article = make_article(title="Live", status=Article.Status.DRAFT)
    draft_revision = article.history.first()
    saved_as(article, status=Article.Status.PUBLISHED)
    page = editor_client.get(revision_url(article, draft_revision))
    assert page.status_code == 200 and 'name="_save"' not in page.text
    forged = {"title": "Hacked", "slug": article.slug, "lead": "x", "body": "<p>x</p>"}
    for data in (forged, forged | {"pub_date_0": "2099-01-01", "pub_date_1": "00:00:00"}):
        response = editor_client.post(revision_url(article, draft_revision), data)
        assert response.status_code == 403
    article.refresh_from_db()
    assert (article.title, article.state) == ("Live", Article.State.LIVE)


def test_editor_cannot_lift_an_embargo_through_a_revision(editor_client, make_article):
    future = timezone.now() + datetime.timedelta(days=3)
    article = make_article(pub_date=future)
    record = article.history.first()
    data = revision_form(editor_client, article, record) | {
        "pub_date_0": "2020-01-01",
        "pub_date_1": "00:00:00",
    }
    assert editor_client.post(revision_url(article, record), data).status_code == 403
    article.refresh_from_db()
    assert article.pub_date == future


def test_publisher_restoring_a_draft_revision_keeps_a_live_article_live(
    publisher_client, make_article, client
):
    article = make_article(title="First", status=Article.Status.DRAFT)
    draft_revision = article.history.first()
    saved_as(article, status=Article.Status.PUBLISHED, title="Second")
    data = revision_form(publisher_client, article, draft_revision)
    assert data["status"] == Article.Status.PUBLISHED  # the article's, not the revision's
    response = publisher_client.post(revision_url(article, draft_revision), data)
    # Its text changes what readers see: the change-note rule applies as to any edit.
    assert response.status_code == 200
    assert "describe the change for readers" in response.text
    note = {"change_note": "The earlier wording is restored."}
    response = publisher_client.post(revision_url(article, draft_revision), data | note)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.state) == ("First", Article.State.LIVE)
    assert list(article.change_notes.values_list("note", flat=True)) == [note["change_note"]]
    assert client.get(article.get_absolute_url()).status_code == 200


def test_restoring_a_revision_meets_the_edit_conflict_check(publisher_client, make_article):
    article = make_article(title="First", status=Article.Status.DRAFT)
    record = article.history.first()
    saved_as(article, title="Second")
    data = revision_form(publisher_client, article, record)
    saved_as(article, title="Third, by someone else")
    response = publisher_client.post(revision_url(article, record), data)
    assert "Someone else saved this article while you were editing it" in response.text
    article.refresh_from_db()
    assert article.title == "Third, by someone else"


# Outside a test transaction the roles' groups may be gone (an earlier such test flushed the
# database): a superuser stands for everyone here; the roles are tested above.


@pytest.mark.django_db(transaction=True)
def test_restoring_a_revision_works_outside_a_test_transaction(admin_user, client, make_article):
    """The restore view ran outside a transaction, where select_for_update() (the edit-conflict
    check) is refused by PostgreSQL: a 500 for everyone."""
    client.force_login(admin_user)
    article = make_article(title="First", status=Article.Status.DRAFT)
    record = article.history.first()
    saved_as(article, title="Second")
    data = revision_form(client, article, record)
    assert client.post(revision_url(article, record), data).status_code == 302
    article.refresh_from_db()
    assert article.title == "First"


@pytest.mark.django_db(transaction=True)
def test_change_form_save_works_outside_a_test_transaction(admin_user, client, make_article):
    client.force_login(admin_user)
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(client, change_url(article)) | {"title": "Saved for real"}
    assert client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Saved for real"


# Inlines: documents, change notes, preview links


def test_editor_attaches_a_decree_to_a_draft_through_the_form(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(editor_client, change_url(article)) | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Decree No. 12",
        "attachments-0-file": SimpleUploadedFile("decree.pdf", PDF),
        "attachments-0-position": "0",
    }
    assert editor_client.post(change_url(article), data).status_code == 302
    assert article.attachments.get().title == "Decree No. 12"


def test_editor_cannot_attach_a_document_to_a_live_article(editor_client, make_article):
    article = make_article()
    forged = {
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-0-title": "Forged",
        "attachments-0-file": SimpleUploadedFile("forged.pdf", PDF),
    }
    assert editor_client.post(change_url(article), forged).status_code == 403
    assert not Attachment.objects.exists()


def test_editor_forged_preview_links_and_change_notes_are_ignored(
    editor_client, make_article, publisher
):
    article = make_article(status=Article.Status.DRAFT)
    note = ChangeNote.objects.create(article=article, note="Original note", author=publisher)
    data = article_form(editor_client, change_url(article))
    assert "preview_links-TOTAL_FORMS" in data  # shown, read-only
    forged = data | {
        "title": "Edited",
        "preview_links-TOTAL_FORMS": "1",
        "preview_links-0-expires_at_0": "2099-01-01",
        "preview_links-0-expires_at_1": "00:00:00",
        "change_notes-0-id": str(note.pk),
        "change_notes-0-note": "Rewritten",
        "change_notes-0-DELETE": "on",
    }
    assert editor_client.post(change_url(article), forged).status_code == 302
    article.refresh_from_db()
    assert article.title == "Edited"
    assert not PreviewLink.objects.exists()
    note.refresh_from_db()
    assert note.note == "Original note"


def test_publisher_creates_a_preview_link_and_edits_a_change_note(
    publisher_client, make_article, publisher
):
    article = make_article(status=Article.Status.DRAFT)
    note = ChangeNote.objects.create(article=article, note="Typo", author=publisher)
    data = article_form(publisher_client, change_url(article)) | {
        "preview_links-TOTAL_FORMS": "1",
        "preview_links-0-expires_at_0": "2099-01-01",
        "preview_links-0-expires_at_1": "00:00:00",
        "change_notes-0-note": "Corrected",
    }
    assert publisher_client.post(change_url(article), data).status_code == 302
    assert PreviewLink.objects.get().created_by == publisher
    note.refresh_from_db()
    assert note.note == "Corrected"


# Topics


def topic_data(client):
    return article_form(client, reverse("admin:news_topic_add"), form_id="topic_form") | {
        "name": "Innovation",
        "slug": "innovation",
    }


def test_publisher_creates_a_topic_through_the_form(publisher_client):
    response = publisher_client.post(reverse("admin:news_topic_add"), topic_data(publisher_client))
    assert response.status_code == 302
    assert Topic.objects.get().name == "Innovation"


def test_editor_may_see_topics_but_not_create_them(editor_client, make_topic):
    topic = make_topic("Space")
    assert editor_client.get(reverse("admin:news_topic_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:news_topic_add")).status_code == 403
    forged = {"name": "Forged", "slug": "forged"}
    assert editor_client.post(reverse("admin:news_topic_add"), forged).status_code == 403
    change = reverse("admin:news_topic_change", args=[topic.pk])
    assert editor_client.post(change, forged).status_code == 403
    delete = reverse("admin:news_topic_delete", args=[topic.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    assert list(Topic.objects.values_list("name", flat=True)) == ["Space"]


# Addresses staff can type: a 404 or a clear message, never a 500


EDGE_IDS = ["abc", "0", "-1", "1.5", "99999999999999999999", "%20", "1%2F2"]


@pytest.mark.parametrize("object_id", EDGE_IDS)
@pytest.mark.parametrize(
    "name", ["change", "delete", "history", "compare", "simple_history"], ids=str
)
def test_article_admin_addresses_with_odd_ids_are_not_errors(
    publisher_client, make_article, name, object_id
):
    article = make_article()
    record = article.history.first()
    args = {"simple_history": [object_id, record.history_id]}.get(name, [object_id])
    response = publisher_client.get(reverse(f"admin:news_article_{name}", args=args))
    assert response.status_code in (302, 404)


@pytest.mark.parametrize("version_id", EDGE_IDS + ["999999"])
def test_odd_revision_ids_are_not_found(publisher_client, make_article, version_id):
    article = make_article()
    url = reverse("admin:news_article_simple_history", args=[article.pk, version_id])
    assert publisher_client.get(url).status_code == 404
    assert publisher_client.post(url, {}).status_code == 404


def test_comparing_an_article_without_history_explains_it(publisher_client):
    # As generatenews and bulk loads make them: no revision recorded.
    (article,) = Article.objects.bulk_create(
        [Article(title="Bulk", slug="bulk", lead="Lead.", body="<p>Body.</p>")]
    )
    response = publisher_client.get(
        reverse("admin:news_article_compare", args=[article.pk]), follow=True
    )
    assert response.status_code == 200
    assert "This article has no revisions yet" in response.text
    history = publisher_client.get(reverse("admin:news_article_history", args=[article.pk]))
    assert history.status_code == 200


def test_comparing_with_unknown_revision_ids_shows_the_latest(publisher_client, make_article):
    article = make_article(title="One")
    saved_as(article, title="Two")
    url = reverse("admin:news_article_compare", args=[article.pk])
    response = publisher_client.get(url, {"old": "x", "new": "99999999999999999999"})
    assert response.status_code == 200
    assert "<del>One</del> <ins>Two</ins>" in response.text


@pytest.mark.parametrize("day", ["0001-01-01", "3000-01-01"])
def test_an_implausible_publication_date_is_a_form_error(editor_client, make_article, day):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(editor_client, change_url(article)) | {"pub_date_0": day}
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200 and "Choose a date" in response.text
    article.refresh_from_db()
    assert article.pub_date.year not in (1, 3000)
    assert editor_client.get(reverse("admin:news_article_changelist")).status_code == 200


def test_comparing_long_bodies_takes_moments_not_minutes(publisher_client, make_article):
    words = " ".join("ab"[number * 7919 % 13 % 2] for number in range(15_000))
    article = make_article(body=f"<p>{words}</p>", status=Article.Status.DRAFT)
    saved_as(article, body=f"<p>{words[::-1]}</p>")
    started = time.monotonic()
    response = publisher_client.get(reverse("admin:news_article_compare", args=[article.pk]))
    assert response.status_code == 200 and "<ins>" in response.text
    assert time.monotonic() - started < 5  # word by word it ran past gunicorn's 30 s


@pytest.mark.parametrize("value", ["garbage", "2026-13-45T99:00:00", "2026-01-01"])
def test_odd_initial_dates_in_the_add_form_address_are_left_out(publisher_client, value):
    response = publisher_client.get(reverse("admin:news_article_add"), {"pub_date": value})
    assert response.status_code == 200


def test_an_article_nobody_saw_cannot_be_withdrawn(publisher_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(publisher_client, change_url(article)) | {
        "status": Article.Status.WITHDRAWN,
        "withdrawal_reason": "Published by mistake.",
    }
    response = publisher_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "Only an article readers have seen can be withdrawn" in response.text
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_a_live_article_is_withdrawn_with_its_reason(publisher_client, make_article, client):
    article = make_article()
    data = article_form(publisher_client, change_url(article)) | {
        "status": Article.Status.WITHDRAWN,
        "withdrawal_reason": "Superseded by Decree No. 13.",
    }
    assert publisher_client.post(change_url(article), data).status_code == 302
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 410


def test_comparing_long_bodies_of_repeated_paragraphs_takes_moments(publisher_client, make_article):
    article = make_article(body="<p>a</p>" * 15_000, status=Article.Status.DRAFT)
    saved_as(article, body="<p>a</p>" * 15_000 + "<p>b</p>")
    started = time.monotonic()
    response = publisher_client.get(reverse("admin:news_article_compare", args=[article.pk]))
    assert response.status_code == 200 and "<ins>b</ins>" in response.text
    assert time.monotonic() - started < 5


def test_implausible_times_in_change_notes_and_preview_links_are_form_errors(
    publisher_client, make_article, publisher
):
    article = make_article()
    ChangeNote.objects.create(article=article, note="Corrected a figure.", author=publisher)
    PreviewLink.objects.create(article=article, created_by=publisher)
    data = article_form(publisher_client, change_url(article)) | {"minor_edit": "on"}
    for field in ("change_notes-0-created", "preview_links-0-expires_at"):
        forged = data | {f"{field}_0": "0001-01-01", f"{field}_1": "00:00:00"}
        response = publisher_client.post(change_url(article), forged)
        assert response.status_code == 200 and "Choose a date from 1990 on." in response.text
    assert ChangeNote.objects.get().created.year > 1990
    assert PreviewLink.objects.get().expires_at.year > 1990
    client = publisher_client
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 200

"""Admin writes other than revisions, as each role, through the real forms: an article's parts
(documents, change notes, preview links), topics, and the odd values and addresses staff can type.

The rule is news/workflow.py: editors change drafts, publishers anything.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import Article, Attachment, ChangeNote, PreviewLink, Topic
from tests.news.browser_form import article_form

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


# Outside a test transaction the roles' groups may be gone (an earlier such test flushed the
# database): a superuser stands for everyone here; the roles are tested below.


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
    assert "preview_links-TOTAL_FORMS" not in data  # no link yet: no section
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
    create = reverse("admin:news_article_create_preview_link", args=[article.pk])
    assert publisher_client.post(create).status_code == 302
    data = article_form(publisher_client, change_url(article))
    data["change_notes-0-note"] = "Corrected"
    assert publisher_client.post(change_url(article), data).status_code == 302
    assert PreviewLink.objects.get().created_by == publisher
    note.refresh_from_db()
    assert note.note == "Corrected"


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


# Topics


def topic_data(client):
    return article_form(client, reverse("admin:news_topic_add"), form_id="topic_form") | {
        "name_ru": "Инновации",
        "name_en": "Innovation",
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


# Values and addresses staff can type: a form error, a 404 or a clear message, never a 500

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


@pytest.mark.parametrize("day", ["0001-01-01", "3000-01-01"])
def test_an_implausible_publication_date_is_a_form_error(editor_client, make_article, day):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(editor_client, change_url(article)) | {"pub_date_0": day}
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200 and "Choose a date" in response.text
    article.refresh_from_db()
    assert article.pub_date.year not in (1, 3000)
    assert editor_client.get(reverse("admin:news_article_changelist")).status_code == 200


@pytest.mark.parametrize("value", ["garbage", "2026-13-45T99:00:00", "2026-01-01"])
def test_odd_initial_dates_in_the_add_form_address_are_left_out(publisher_client, value):
    response = publisher_client.get(reverse("admin:news_article_add"), {"pub_date": value})
    assert response.status_code == 200

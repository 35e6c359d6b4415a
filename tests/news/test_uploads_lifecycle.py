"""A photo replaced, removed or restored away, and deleted documents and articles, take their
files with them; an article with uploads stays editable, even when its photo's file is gone."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.news.browser_form import article_form
from tests.news.uploads_support import (
    PDF,
    change_url,
    docx_bytes,
    image_bytes,
    image_files,
    post_attachments,
    post_image,
    stored,
)

pytestmark = pytest.mark.django_db


def test_a_replaced_photo_and_its_copies_are_deleted(
    admin_client, make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    post_image(admin_client, article, image_bytes(), name="first.jpg")
    article.refresh_from_db()
    first = image_files(article)
    assert len(first) == 4 and all(map(stored, first))
    with django_capture_on_commit_callbacks(execute=True):
        post_image(admin_client, article, image_bytes(), name="second.jpg")
    article.refresh_from_db()
    assert not any(map(stored, first))
    assert all(map(stored, image_files(article)))


def test_a_removed_photo_is_deleted_and_leaves_the_page(
    admin_client, make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    post_image(admin_client, article, image_bytes())
    article.refresh_from_db()
    files = image_files(article)
    data = article_form(admin_client, change_url(article)) | {
        "image-clear": "on",
        "minor_edit": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert not article.image and article.image_size is None
    assert not any(map(stored, files))
    assert "lead-image" not in admin_client.get(article.get_absolute_url()).text


def restore(client, article, record, callbacks):
    url = reverse("admin:news_article_simple_history", args=[article.pk, record.history_id])
    data = article_form(client, url, form_id="historicalarticle_form")
    with callbacks(execute=True):
        assert client.post(url, data | {"minor_edit": "on"}).status_code == 302
    article.refresh_from_db()


def test_restoring_a_revision_whose_photo_was_replaced_shows_no_broken_image(
    admin_client, make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    post_image(admin_client, article, image_bytes(), name="first.jpg")
    article.refresh_from_db()
    first = article.history.get(image=article.image.name)
    with django_capture_on_commit_callbacks(execute=True):
        post_image(admin_client, article, image_bytes(), name="second.jpg")
    article.refresh_from_db()
    second = image_files(article)
    restore(admin_client, article, first, django_capture_on_commit_callbacks)
    assert not article.image and article.image_size is None
    assert not any(map(stored, second))  # the photo the restore took away
    assert "lead-image" not in admin_client.get(article.get_absolute_url()).text


def test_restoring_a_revision_without_a_photo_deletes_the_current_one(
    admin_client, make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    without_photo = article.history.get()
    post_image(admin_client, article, image_bytes())
    article.refresh_from_db()
    files = image_files(article)
    restore(admin_client, article, without_photo, django_capture_on_commit_callbacks)
    assert not article.image
    assert not any(map(stored, files))


def test_deleted_documents_and_articles_take_their_files_with_them(
    admin_client, make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    post_attachments(
        admin_client,
        article,
        ("Decree", SimpleUploadedFile("decree.pdf", PDF)),
        ("Programme", SimpleUploadedFile("programme.docx", docx_bytes())),
    )
    post_image(admin_client, article, image_bytes())
    article.refresh_from_db()
    decree, programme = article.attachments.all()
    data = article_form(admin_client, change_url(article)) | {
        "attachments-0-DELETE": "on",
        "minor_edit": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(change_url(article), data).status_code == 302
    assert not stored(decree.file.name) and stored(programme.file.name)
    files = [programme.file.name, *image_files(article)]
    delete_url = reverse("admin:news_article_delete", args=[article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(delete_url, {"post": "yes"}).status_code == 302
    assert not any(map(stored, files))


def test_an_article_with_its_photo_and_documents_can_be_edited(admin_client, make_article):
    article = make_article()
    post_attachments(admin_client, article, ("Decree", SimpleUploadedFile("d.pdf", PDF)))
    post_image(admin_client, article, image_bytes())
    data = article_form(admin_client, change_url(article)) | {
        "title": "Edited title",
        "minor_edit": "on",
    }
    assert admin_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Edited title" and article.image and article.attachments.count() == 1


def test_an_article_whose_photo_file_is_gone_gets_a_form_error_not_a_500(
    admin_client, make_article
):
    article = make_article(title="Photo lost")
    assert post_image(admin_client, article, image_bytes(800, 600)).status_code == 302
    article.refresh_from_db()
    default_storage.delete(article.image.name)  # a database restored without its media
    data = article_form(admin_client, change_url(article)) | {
        "lead": "A new lead.",
        "minor_edit": "on",
    }
    response = admin_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "file is missing from the storage" in response.text
    data["image-clear"] = "on"
    assert admin_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.lead == "A new lead." and not article.image

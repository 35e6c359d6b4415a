"""Old files that cannot be deleted once a save or a deletion is committed (read-only media) are
left behind with a warning: the article is saved, or deleted, and the admin says so."""

import logging
import os
import subprocess

import pytest
from django.urls import reverse
from django_cleanup.signals import cleanup_post_delete

from news.models import Article
from tests.news.browser_form import article_form
from tests.news.uploads_support import change_url, image_bytes, image_files, post_image, stored

# Real commits: the files are deleted on commit, which a test transaction never reaches. The roles'
# groups may be gone then (an earlier such test flushed the database): a superuser acts here.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media_made_read_only(settings, tmp_path):
    """A real file system as the media folder; calling the fixture makes it read-only. Root
    ignores file modes, not a read-only mount: a tmpfs is mounted when the tests run as root."""
    folder = tmp_path / "media-disk"
    folder.mkdir()
    settings.MEDIA_ROOT = folder
    mount = ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)]
    mounted = os.geteuid() == 0 and not subprocess.run(mount, capture_output=True).returncode  # noqa: S603

    def read_only():
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)  # noqa: S603, S607
        elif os.geteuid() == 0:
            pytest.skip("root ignores file modes, and no tmpfs could be mounted read-only")
        else:
            for root, folders, _ in os.walk(folder):
                for name in ["", *folders]:
                    os.chmod(os.path.join(root, name), 0o500)

    yield read_only
    if mounted:
        subprocess.run(["umount", str(folder)], check=True)  # noqa: S603, S607
    else:
        for root, folders, _ in os.walk(folder):
            for name in folders:
                os.chmod(os.path.join(root, name), 0o700)
        os.chmod(folder, 0o700)


@pytest.fixture
def article_with_photo(admin_client, make_article, media_made_read_only):
    article = make_article(title="Exhibition opened")
    assert post_image(admin_client, article, image_bytes()).status_code == 302
    article.refresh_from_db()
    return article


def leftover_warnings(caplog):
    return [
        record
        for record in caplog.records
        if record.name == "news.renditions" and record.levelno == logging.WARNING
    ]


def test_clearing_a_photo_on_read_only_media_saves_and_keeps_the_files_as_orphans(
    admin_client, article_with_photo, media_made_read_only, caplog
):
    files = image_files(article_with_photo)
    media_made_read_only()
    data = article_form(admin_client, change_url(article_with_photo)) | {
        "image-clear": "on",
        "minor_edit": "on",
    }
    response = admin_client.post(change_url(article_with_photo), data)
    assert "nothing was saved" not in response.text
    assert response.status_code == 302
    saved = Article.objects.get(pk=article_with_photo.pk)
    assert (saved.image.name, saved.version) == ("", article_with_photo.version + 1)
    assert all(map(stored, files))  # to be cleaned up later
    assert len(leftover_warnings(caplog)) == len(files) - 1  # one for each copy


def test_deleting_an_article_on_read_only_media_deletes_it_without_a_500(
    admin_client, article_with_photo, media_made_read_only, caplog
):
    files = image_files(article_with_photo)
    media_made_read_only()
    delete_url = reverse("admin:news_article_delete", args=[article_with_photo.pk])
    response = admin_client.post(delete_url, {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article_with_photo.pk).exists()
    assert all(map(stored, files))
    assert len(leftover_warnings(caplog)) == len(files) - 1


def test_an_error_after_the_commit_is_not_reported_as_nothing_saved(
    admin_client, article_with_photo
):
    def failing(**kwargs):
        raise OSError("the storage went away")

    data = article_form(admin_client, change_url(article_with_photo)) | {
        "image-clear": "on",
        "minor_edit": "on",
    }
    cleanup_post_delete.connect(failing, dispatch_uid="test-failing-after-commit")
    try:
        with pytest.raises(OSError, match="the storage went away"):
            admin_client.post(change_url(article_with_photo), data)
    finally:
        cleanup_post_delete.disconnect(dispatch_uid="test-failing-after-commit")
    assert not Article.objects.get(pk=article_with_photo.pk).image

"""Uploads go through the configured storage; when it cannot keep them (read-only, full), the
save is refused with a form error and leaves no row and no file behind."""

import io
import os
import random
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from news import renditions
from news.models import Article, Attachment
from tests.news.browser_form import article_form
from tests.news.uploads_support import (
    PDF,
    change_url,
    image_bytes,
    image_files,
    post_attachments,
    post_image,
    stored,
)

pytestmark = pytest.mark.django_db


def test_uploads_go_through_the_configured_storage(
    admin_client, make_article, settings, django_capture_on_commit_callbacks
):
    settings.STORAGES = settings.STORAGES | {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    }
    article = make_article()
    post_image(admin_client, article, image_bytes())
    post_attachments(admin_client, article, ("Decree", SimpleUploadedFile("d.pdf", PDF)))
    article.refresh_from_db()
    files = [*image_files(article), article.attachments.get().file.name]
    assert all(map(stored, files))
    assert not any((settings.MEDIA_ROOT / name).exists() for name in files)
    assert article.image_srcset in admin_client.get(article.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert not any(map(stored, files))


def test_media_storage_is_chosen_by_the_environment():
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.STORAGES)"],
        env=os.environ
        | {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_MEDIA_STORAGE": "django.core.files.storage.InMemoryStorage",
            "DJANGO_MEDIA_STORAGE_OPTIONS": '{"base_url": "https://media.example.by/"}',
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        "'default': {'BACKEND': 'django.core.files.storage.InMemoryStorage', "
        "'OPTIONS': {'base_url': 'https://media.example.by/'}}" in result.stdout
    ), result.stderr


def test_unwritable_media_storage_gives_a_form_error_and_saves_nothing(
    admin_client, make_article, settings
):
    # A read-only file system: even root cannot write under /proc.
    settings.MEDIA_ROOT = "/proc/agency-media"
    response = refused_upload(admin_client, make_article(title="Untouched"), PDF)
    assert "The uploaded files could not be stored" in response.text


def refused_upload(client, article, decree):
    """Change the title and attach `decree`, which storage refuses: a form error, nothing saved."""
    data = article_form(client, change_url(article)) | {
        "title": "Changed",
        "minor_edit": "on",
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Decree No. 12",
        "attachments-0-file": SimpleUploadedFile("decree.pdf", decree),
        "attachments-0-position": "0",
    }
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert 'value="Changed"' in response.text  # what was typed is still there
    article.refresh_from_db()
    assert article.title == "Untouched"
    assert not Attachment.objects.exists()
    return response


@pytest.fixture
def small_media_disk(settings, tmp_path):
    """Mounts a real file system of the given size as the media folder."""
    folder = tmp_path / "small-disk"
    folder.mkdir()

    def mount(size):
        mounted = subprocess.run(  # noqa: S603
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],  # noqa: S607
            capture_output=True,
            check=False,
        )
        if mounted.returncode:
            pytest.skip("mounting a small tmpfs needs root (CI has it)")
        settings.MEDIA_ROOT = folder
        return folder

    yield mount
    if os.path.ismount(folder):
        subprocess.run(["umount", str(folder)], check=True)  # noqa: S603, S607


@pytest.fixture
def full_media_disk(small_media_disk):
    """A real, small file system that is nearly full, as the media folder."""
    folder = small_media_disk("256k")
    (folder / "filler").write_bytes(b"\0" * 200 * 1024)
    return folder


def test_full_media_disk_gives_a_form_error_and_leaves_no_partial_file(
    admin_client, make_article, full_media_disk
):
    decree = PDF + b"%" + b"x" * 100 * 1024 + b"\n%%EOF\n"  # more than the space left
    response = refused_upload(admin_client, make_article(title="Untouched"), decree)
    assert "The uploaded files could not be stored (No space left on device)" in response.text
    stored = [path.name for path in full_media_disk.rglob("*") if path.is_file()]
    assert stored == ["filler"]


def files_under(folder):
    """Every file left under `folder`, hidden ones included (the storage's staging files)."""
    return [os.path.join(root, name) for root, _, names in os.walk(folder) for name in names]


def noisy_photo(width, height, quality):
    """A photo of noise: it compresses badly, so its copies weigh twice what it does."""
    noise = random.Random(width).randbytes(width * height * 3)  # noqa: S311 (same sizes each run)
    buffer = io.BytesIO()
    Image.frombytes("RGB", (width, height), noise).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


# 1 MiB: this photo (476 kB) fits, and its copies of 480 and 960 px (40 and 228 kB), but not the
# copy of 1600 px (749 kB) as well.
SMALL_DISK = "1024k"


@pytest.fixture(scope="module")
def photo_without_room_for_its_copies():
    return noisy_photo(2000, 1200, quality=20)


@pytest.fixture
def renditions_made(monkeypatch):
    """The names of the photos whose copies were begun: proof that the photo itself was stored."""
    names = []
    make = renditions.make_renditions

    def spy(field_file):
        names.append(field_file.name)
        make(field_file)

    monkeypatch.setattr(renditions, "make_renditions", spy)
    return names


def photo_form(client, url, photo, **fields):
    return (
        article_form(client, url)
        | {
            "title": "Exhibition opened",
            "slug": "exhibition-opened",
            "lead": "The chairman opened the exhibition.",
            "body": "<p>The exhibition is open.</p>",
            "image": SimpleUploadedFile("photo.jpg", photo),
            "image_alt": "The chairman at the exhibition",
            "minor_edit": "on",
        }
        | fields
    )


def test_photo_whose_copies_do_not_fit_adds_no_article_and_leaves_no_file(
    publisher_client, small_media_disk, renditions_made, photo_without_room_for_its_copies
):
    disk = small_media_disk(SMALL_DISK)
    url = reverse("admin:news_article_add")
    for attempt in range(1, 4):  # each retry used to leave one more orphan
        response = publisher_client.post(
            url, photo_form(publisher_client, url, photo_without_room_for_its_copies)
        )
        assert response.status_code == 200
        assert "could not be stored (No space left on device)" in response.text
        assert len(renditions_made) == attempt
        assert not Article.objects.exists()
        assert files_under(disk) == []


def test_photo_whose_copies_do_not_fit_leaves_the_article_and_the_disk_as_they_were(
    publisher_client,
    make_article,
    small_media_disk,
    renditions_made,
    photo_without_room_for_its_copies,
):
    disk = small_media_disk(SMALL_DISK)
    article = make_article(title="Untouched")
    url = change_url(article)
    for attempt in range(1, 4):
        response = publisher_client.post(
            url, photo_form(publisher_client, url, photo_without_room_for_its_copies)
        )
        assert response.status_code == 200
        assert "could not be stored (No space left on device)" in response.text
        assert len(renditions_made) == attempt
        article.refresh_from_db()
        assert (article.title, article.image.name, article.version) == ("Untouched", "", 1)
        assert files_under(disk) == []


def test_photo_stored_before_a_document_that_does_not_fit_is_deleted_with_it(
    admin_client, make_article, small_media_disk, renditions_made
):
    disk = small_media_disk(SMALL_DISK)
    article = make_article(title="Untouched")
    url = change_url(article)
    decree = PDF + b"%" + b"x" * 1024 * 1024 + b"\n%%EOF\n"  # larger than the whole disk
    data = photo_form(admin_client, url, image_bytes()) | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Decree No. 12",
        "attachments-0-file": SimpleUploadedFile("decree.pdf", decree),
        "attachments-0-position": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "could not be stored (No space left on device)" in response.text
    assert renditions_made  # the photo and its copies were stored before the document failed
    article.refresh_from_db()
    assert (article.title, article.image.name) == ("Untouched", "")
    assert not Attachment.objects.exists()
    assert files_under(disk) == []


def test_photo_whose_row_cannot_be_written_is_not_left_on_disk(make_article, settings):
    # Outside the admin too (a shell, demo data): Django stores the file before it writes the row.
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(image=SimpleUploadedFile("photo.jpg", image_bytes()), image_alt="")
    assert files_under(settings.MEDIA_ROOT) == []

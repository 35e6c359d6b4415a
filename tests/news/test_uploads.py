"""Lead images and attachments, uploaded through the admin's real form."""

import io
import os
import random
import re
import subprocess
import sys
import zipfile
from urllib.parse import unquote

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from PIL import ExifTags, Image

from core.storage import MediaStorage
from news import renditions
from news.models import Article, Attachment
from news.uploads import UploadFolder
from tests.news.browser_form import article_form

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def image_bytes(width=2000, height=1200, image_format="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 61, 110)).save(buffer, image_format)
    return buffer.getvalue()


OOXML = "application/vnd.openxmlformats-officedocument"
DOCX_MAIN = f"{OOXML}.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def docx_bytes(main_type=DOCX_MAIN, *extra_parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Override PartName="/word/document.xml" ContentType="{main_type}"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
        for part in extra_parts:
            archive.writestr(part, b"\0")
    return buffer.getvalue()


def zip_bytes(*names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, b"MZ")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def admin_client_logged(client, admin_user):
    client.force_login(admin_user)
    return client


def stored(name):
    return default_storage.exists(name)


def image_files(article):
    """The image and its copies, as stored."""
    copies = (unquote(url.removeprefix("/media/")) for url, _ in article.image_sources)
    return [article.image.name, *copies]


def post_image(client, article, content, name="photo.jpg", **fields):
    data = (
        article_form(client, change_url(article))
        | {
            "image": SimpleUploadedFile(name, content),
            "image_alt": "The chairman at the exhibition",
            "minor_edit": "on",
        }
        | fields
    )
    return client.post(change_url(article), data)


def post_attachments(client, article, *files):
    data = article_form(client, change_url(article)) | {
        "attachments-TOTAL_FORMS": str(len(files)),
        "minor_edit": "on",
    }
    for index, (title, upload) in enumerate(files):
        data |= {
            f"attachments-{index}-title": title,
            f"attachments-{index}-file": upload,
            f"attachments-{index}-position": "0",
        }
    return client.post(change_url(article), data)


def test_lead_image_is_shown_with_responsive_sizes(admin_client_logged, make_article, client):
    article = make_article()
    assert post_image(admin_client_logged, article, image_bytes()).status_code == 302
    article.refresh_from_db()
    assert (article.image_width, article.image_height) == (2000, 1200)
    for width in (480, 960, 1600):
        name = article.image.name.rsplit(".", 1)[0] + f"-{width}w.webp"
        assert default_storage.exists(name)
        with default_storage.open(name) as rendition, Image.open(rendition) as image:
            assert image.width == width and image.format == "WEBP"
    page = client.get(article.get_absolute_url()).text
    assert 'alt="The chairman at the exhibition"' in page
    srcset = ", ".join(f"{article.image.url[:-4]}-{w}w.webp {w}w" for w in (480, 960, 1600))
    assert f'src="{article.image.url[:-4]}-1600w.webp" srcset="{srcset}"' in page
    assert (
        f'<a href="{article.image.url}" type="image/jpeg" class="download">Full-size photo</a>'
        in page
    )
    size = filesizeformat(article.image_size)
    assert f"(JPG, 2000 × 1200 pixels, {size})" in page
    assert f'<meta property="og:image" content="http://testserver{article.image.url}">' in page
    listing = client.get(reverse("news:list")).text
    assert srcset in listing


def test_image_narrower_than_the_copies_is_offered_itself(admin_client_logged, make_article):
    article = make_article()
    post_image(admin_client_logged, article, image_bytes(1200, 800))
    article.refresh_from_db()
    stem = article.image.name[:-4]
    assert article.image_srcset == (
        f"/media/{stem}-480w.webp 480w, /media/{stem}-960w.webp 960w, {article.image.url} 1200w"
    )


@pytest.mark.parametrize(
    "name,content,extension",
    [
        ("photo.JPEG", image_bytes(), ".jpg"),
        ("chart.jpg", image_bytes(image_format="PNG") + b"<script>alert(1)</script>", ".png"),
        ("photo.pdf", image_bytes(image_format="WEBP"), ".webp"),
    ],
)
def test_images_are_stored_under_the_extension_of_their_content(
    admin_client_logged, make_article, name, content, extension
):
    article = make_article()
    assert post_image(admin_client_logged, article, content, name=name).status_code == 302
    article.refresh_from_db()
    assert article.image.name.endswith(extension)
    assert article.image_size == article.image.size
    with article.image.open() as stored:
        assert b"<script>" not in stored.read()


def exif_photo(width, height, orientation):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Model] = "Pixel 8"
    exif[ExifTags.Base.GPSInfo] = {1: "N", 2: (53.0, 54.0, 0.0), 3: "E", 4: (27.0, 33.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 61, 110)).save(
        buffer, "JPEG", exif=exif, comment=b"Taken by Ivan Petrov at 53.9N 27.56E"
    )
    return buffer.getvalue()


def test_photo_is_published_upright_and_without_its_metadata(admin_client_logged, make_article):
    article = make_article()
    # A phone held upright: the pixels lie on their side, with orientation 6 to turn them.
    post_image(admin_client_logged, article, exif_photo(1200, 800, orientation=6))
    article.refresh_from_db()
    assert (article.image_width, article.image_height) == (800, 1200)
    with article.image.open() as photo, Image.open(photo) as image:
        assert image.size == (800, 1200)
        assert not image.getexif() and "comment" not in image.info
    for url, width in article.image_sources:
        name = url.removeprefix("/media/")
        with default_storage.open(name) as copy, Image.open(copy) as image:
            assert image.width == width


def colour_of_copy(article, width):
    """Red, green or blue: the strongest channel of the (lossy) copy."""
    name = renditions.rendition_name(article.image.name, width)
    with default_storage.open(name) as copy, Image.open(copy) as image:
        pixel = image.convert("RGB").getpixel((0, 0))
    return "RGB"[pixel.index(max(pixel))]


def same_name_image(colour, image_format):
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 600), colour).save(buffer, image_format)
    return buffer.getvalue()


def test_every_upload_has_copies_of_its_own(admin_client_logged, make_article):
    first, second = make_article(), make_article()
    post_image(admin_client_logged, first, same_name_image((0, 0, 255), "PNG"), name="chart.png")
    post_image(admin_client_logged, second, same_name_image((255, 0, 0), "JPEG"), name="chart.jpg")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (colour_of_copy(first, 480), colour_of_copy(second, 480)) == ("B", "R")
    post_image(admin_client_logged, first, same_name_image((0, 255, 0), "PNG"), name="chart.png")
    first.refresh_from_db()
    assert colour_of_copy(first, 480) == "G"


def test_uploads_get_addresses_that_cannot_be_guessed(admin_client_logged, make_article):
    article = make_article()
    post_attachments(
        admin_client_logged, article, ("Decree", SimpleUploadedFile("decree.pdf", PDF))
    )
    post_image(admin_client_logged, article, image_bytes(), name="photo.jpg")
    article.refresh_from_db()
    month = timezone.localdate().strftime("%Y/%m")
    assert re.fullmatch(
        rf"news/attachments/{month}/[0-9a-f]{{16}}/decree\.pdf", article.attachments.get().file.name
    )
    assert re.fullmatch(rf"news/images/{month}/[0-9a-f]{{16}}/photo\.jpg", article.image.name)


def test_image_with_too_many_pixels_is_refused_before_it_is_decoded(
    admin_client_logged, make_article, monkeypatch
):
    monkeypatch.setattr("news.uploads.MAX_IMAGE_PIXELS", 1_000_000)
    article = make_article()
    response = post_image(admin_client_logged, article, image_bytes(1001, 1000))
    assert "The image has more than 1 megapixels." in response.text
    article.refresh_from_db()
    assert not article.image


@pytest.mark.parametrize("kind", ["news:feed-rss", "news:feed-atom"])
def test_lead_image_is_a_feed_enclosure(admin_client_logged, make_article, client, kind):
    article = make_article()
    post_image(admin_client_logged, article, image_bytes(800, 600, "PNG"), name="chart.png")
    article.refresh_from_db()
    [enclosure] = feedparser.parse(client.get(reverse(kind)).content).entries[0].enclosures
    assert enclosure.href == f"http://testserver{article.image.url}"
    assert enclosure.type == "image/png"
    assert int(enclosure.length) == article.image.size > 0


def test_image_needs_alt_text(admin_client_logged, make_article):
    article = make_article()
    response = post_image(admin_client_logged, article, image_bytes(), image_alt="")
    assert "Describe the image for readers who cannot see it." in response.text
    article.refresh_from_db()
    assert not article.image


@pytest.mark.parametrize(
    "name,content,message",
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "Upload a valid image",
        ),
        (
            "page.jpg",
            b"<!DOCTYPE html><html><script>alert(1)</script></html>",
            "Upload a valid image",
        ),
        ("truncated.jpg", image_bytes()[:2000], "not a readable image"),
        ("animation.gif", image_bytes(10, 10, "GIF"), "Images must be JPEG, PNG or WebP"),
    ],
)
def test_bad_image_is_refused_and_nothing_saved(
    admin_client_logged, make_article, name, content, message
):
    article = make_article(title="Untouched")
    response = post_image(admin_client_logged, article, content, name=name, title="Changed")
    assert response.status_code == 200
    assert message in response.text
    article.refresh_from_db()
    assert article.title == "Untouched" and not article.image


def test_oversized_image_is_refused(admin_client_logged, make_article, settings):
    settings.NEWS_MAX_IMAGE_MB = 0
    response = post_image(admin_client_logged, make_article(), image_bytes())
    assert "the largest allowed is" in response.text


def test_attachments_are_listed_with_type_and_size(admin_client_logged, make_article, client):
    article = make_article()
    response = post_attachments(
        admin_client_logged,
        article,
        ("Decree No. 12", SimpleUploadedFile("decree.pdf", PDF)),
        ("Programme", SimpleUploadedFile("programme.docx", docx_bytes())),
    )
    assert response.status_code == 302
    assert [(a.title, a.kind, a.size) for a in article.attachments.all()] == [
        ("Decree No. 12", "PDF", len(PDF)),
        ("Programme", "DOCX", len(docx_bytes())),
    ]
    page = client.get(article.get_absolute_url()).text
    size = filesizeformat(len(PDF))
    assert (
        f'type="application/pdf">Decree No. 12</a> <span class="file-meta">(PDF, {size})</span>'
        in (page)
    )
    assert f"PDF, {size}" in admin_client_logged.get(change_url(article)).text


@pytest.mark.parametrize(
    "name,content,extension",
    [
        ("decree.html", PDF + b"<script>alert(1)</script>", ".pdf"),
        ("programme.pdf", docx_bytes(), ".docx"),
        ("Постановление №12.svg", PDF, ".pdf"),
    ],
)
def test_documents_are_stored_under_the_extension_of_their_content(
    admin_client_logged, make_article, name, content, extension
):
    article = make_article()
    upload = SimpleUploadedFile(name, content)
    response = post_attachments(admin_client_logged, article, ("Decree", upload))
    assert response.status_code == 302
    [attachment] = article.attachments.all()
    assert attachment.file.name.endswith(extension)
    assert attachment.kind == extension[1:].upper()


NOT_A_DOCUMENT = "Attachments must be PDF, DOCX, XLSX, ODT or ODS"


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("decree.pdf", b"<html><script>alert(1)</script></html>", NOT_A_DOCUMENT),
        ("report.docx", b"MZ\x90\x00\x03 this is an executable", NOT_A_DOCUMENT),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', NOT_A_DOCUMENT),
        ("macros.docx", docx_bytes(DOCM_MAIN, "word/vbaProject.bin"), NOT_A_DOCUMENT),
        ("hidden.docx", docx_bytes(DOCX_MAIN, "word/vbaProject.bin"), NOT_A_DOCUMENT),
        ("invoice.docx", zip_bytes("word/invoice.exe", "index.html"), NOT_A_DOCUMENT),
        ("empty.pdf", b"", "The submitted file is empty."),
    ],
)
def test_bad_attachment_is_refused_and_nothing_saved(
    admin_client_logged, make_article, name, content, message
):
    article = make_article(title="Untouched")
    response = post_attachments(
        admin_client_logged,
        article,
        ("Good one", SimpleUploadedFile("ok.pdf", PDF)),
        ("Bad one", SimpleUploadedFile(name, content)),
    )
    assert response.status_code == 200
    assert message in response.text
    assert not Attachment.objects.exists()
    assert Article.objects.get().title == "Untouched"


def test_uploads_go_through_the_configured_storage(
    admin_client_logged, make_article, client, settings, django_capture_on_commit_callbacks
):
    settings.STORAGES = settings.STORAGES | {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    }
    article = make_article()
    post_image(admin_client_logged, article, image_bytes())
    post_attachments(admin_client_logged, article, ("Decree", SimpleUploadedFile("d.pdf", PDF)))
    article.refresh_from_db()
    files = [*image_files(article), article.attachments.get().file.name]
    assert all(map(stored, files))
    assert not any((settings.MEDIA_ROOT / name).exists() for name in files)
    assert article.image_srcset in client.get(article.get_absolute_url()).text
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
    admin_client_logged, make_article, settings
):
    # A read-only file system: even root cannot write under /proc.
    settings.MEDIA_ROOT = "/proc/agency-media"
    response = refused_upload(admin_client_logged, make_article(title="Untouched"), PDF)
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
    admin_client_logged, make_article, full_media_disk
):
    decree = PDF + b"%" + b"x" * 100 * 1024 + b"\n%%EOF\n"  # more than the space left
    response = refused_upload(admin_client_logged, make_article(title="Untouched"), decree)
    assert "The uploaded files could not be stored (No space left on device)" in response.text
    stored = [path.name for path in full_media_disk.rglob("*") if path.is_file()]
    assert stored == ["filler"]


def test_a_name_taken_during_an_upload_is_not_overwritten(settings, tmp_path):
    storage = MediaStorage(location=tmp_path)
    storage.save("decree.pdf", ContentFile(b"first"))
    # As if another upload took the name between the choice of a name and the write.
    second = storage._save("decree.pdf", ContentFile(b"second"))
    assert second != "decree.pdf"
    assert storage.open("decree.pdf").read() == b"first"
    assert storage.open(second).read() == b"second"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["decree.pdf", second])


def test_a_replaced_photo_and_its_copies_are_deleted(
    admin_client_logged, make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    post_image(admin_client_logged, article, image_bytes(), name="first.jpg")
    article.refresh_from_db()
    first = image_files(article)
    assert len(first) == 4 and all(map(stored, first))
    with django_capture_on_commit_callbacks(execute=True):
        post_image(admin_client_logged, article, image_bytes(), name="second.jpg")
    article.refresh_from_db()
    assert not any(map(stored, first))
    assert all(map(stored, image_files(article)))


def test_a_removed_photo_is_deleted_and_leaves_the_page(
    admin_client_logged, make_article, client, django_capture_on_commit_callbacks
):
    article = make_article()
    post_image(admin_client_logged, article, image_bytes())
    article.refresh_from_db()
    files = image_files(article)
    data = article_form(admin_client_logged, change_url(article)) | {
        "image-clear": "on",
        "minor_edit": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client_logged.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert not article.image and article.image_size is None
    assert not any(map(stored, files))
    assert "lead-image" not in client.get(article.get_absolute_url()).text


def restore(client, article, record, callbacks):
    url = reverse("admin:news_article_simple_history", args=[article.pk, record.history_id])
    data = article_form(client, url, form_id="historicalarticle_form")
    with callbacks(execute=True):
        assert client.post(url, data | {"minor_edit": "on"}).status_code == 302
    article.refresh_from_db()


def test_restoring_a_revision_whose_photo_was_replaced_shows_no_broken_image(
    admin_client_logged, make_article, django_capture_on_commit_callbacks, client
):
    article = make_article()
    post_image(admin_client_logged, article, image_bytes(), name="first.jpg")
    article.refresh_from_db()
    first = article.history.get(image=article.image.name)
    with django_capture_on_commit_callbacks(execute=True):
        post_image(admin_client_logged, article, image_bytes(), name="second.jpg")
    article.refresh_from_db()
    second = image_files(article)
    restore(admin_client_logged, article, first, django_capture_on_commit_callbacks)
    assert not article.image and article.image_size is None
    assert not any(map(stored, second))  # the photo the restore took away
    assert "lead-image" not in client.get(article.get_absolute_url()).text


def test_restoring_a_revision_without_a_photo_deletes_the_current_one(
    admin_client_logged, make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    without_photo = article.history.get()
    post_image(admin_client_logged, article, image_bytes())
    article.refresh_from_db()
    files = image_files(article)
    restore(admin_client_logged, article, without_photo, django_capture_on_commit_callbacks)
    assert not article.image
    assert not any(map(stored, files))


def test_deleted_documents_and_articles_take_their_files_with_them(
    admin_client_logged, make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    post_attachments(
        admin_client_logged,
        article,
        ("Decree", SimpleUploadedFile("decree.pdf", PDF)),
        ("Programme", SimpleUploadedFile("programme.docx", docx_bytes())),
    )
    post_image(admin_client_logged, article, image_bytes())
    article.refresh_from_db()
    decree, programme = article.attachments.all()
    data = article_form(admin_client_logged, change_url(article)) | {
        "attachments-0-DELETE": "on",
        "minor_edit": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client_logged.post(change_url(article), data).status_code == 302
    assert not stored(decree.file.name) and stored(programme.file.name)
    files = [programme.file.name, *image_files(article)]
    delete_url = reverse("admin:news_article_delete", args=[article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client_logged.post(delete_url, {"post": "yes"}).status_code == 302
    assert not any(map(stored, files))


def test_an_article_with_its_photo_and_documents_can_be_edited(admin_client_logged, make_article):
    article = make_article()
    post_attachments(admin_client_logged, article, ("Decree", SimpleUploadedFile("d.pdf", PDF)))
    post_image(admin_client_logged, article, image_bytes())
    data = article_form(admin_client_logged, change_url(article)) | {
        "title": "Edited title",
        "minor_edit": "on",
    }
    assert admin_client_logged.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Edited title" and article.image and article.attachments.count() == 1


def test_documents_of_a_live_article_change_only_with_a_change_note(
    admin_client_logged, make_article, client
):
    article = make_article()
    data = article_form(admin_client_logged, change_url(article)) | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Decree No. 12",
        "attachments-0-position": "0",
    }
    refused = admin_client_logged.post(
        change_url(article), data | {"attachments-0-file": SimpleUploadedFile("d.pdf", PDF)}
    )
    assert refused.status_code == 200
    assert "describe the change to its documents in the change note" in refused.text
    assert not Attachment.objects.exists()
    note = "The decree is now attached."
    saved = admin_client_logged.post(
        change_url(article),
        data | {"attachments-0-file": SimpleUploadedFile("d.pdf", PDF), "change_note": note},
    )
    assert saved.status_code == 302
    assert article.attachments.count() == 1
    assert list(article.change_notes.values_list("note", flat=True)) == [note]
    assert note in client.get(article.get_absolute_url()).text


def test_documents_of_a_draft_change_freely(admin_client_logged, make_article):
    article = make_article(status=Article.Status.DRAFT)
    data = article_form(admin_client_logged, change_url(article)) | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Decree No. 12",
        "attachments-0-file": SimpleUploadedFile("d.pdf", PDF),
        "attachments-0-position": "0",
    }
    assert admin_client_logged.post(change_url(article), data).status_code == 302
    assert article.attachments.count() == 1


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
    admin_client_logged, make_article, small_media_disk, renditions_made
):
    disk = small_media_disk(SMALL_DISK)
    article = make_article(title="Untouched")
    url = change_url(article)
    decree = PDF + b"%" + b"x" * 1024 * 1024 + b"\n%%EOF\n"  # larger than the whole disk
    data = photo_form(admin_client_logged, url, image_bytes()) | {
        "attachments-TOTAL_FORMS": "1",
        "attachments-0-title": "Decree No. 12",
        "attachments-0-file": SimpleUploadedFile("decree.pdf", decree),
        "attachments-0-position": "0",
    }
    response = admin_client_logged.post(url, data)
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


# 166 characters, 299 bytes in UTF-8: more than the 255 a file system takes for a name.
DECREE_TITLE = (
    "Постановление Совета Министров Республики Беларусь от 12 ноября 2026 года. Об утверждении "
    "Государственной программы инновационного развития Беларуси на 2026–2030 годы"
)


def assert_fits(name):
    assert len(name) <= 255
    assert all(len(part.encode()) <= 255 for part in name.split("/"))


def test_document_with_a_long_name_is_stored_and_downloaded_under_a_readable_short_one(
    admin_client_logged, make_article, client, settings
):
    assert (len(DECREE_TITLE), len(DECREE_TITLE.encode())) == (166, 299)
    article = make_article()
    upload = SimpleUploadedFile(f"{DECREE_TITLE}.pdf", PDF)
    response = post_attachments(admin_client_logged, article, ("Decree No. 845", upload))
    assert response.status_code == 302
    stored_name = article.attachments.get().file.name
    assert_fits(stored_name)
    page = client.get(article.get_absolute_url()).text
    [address] = re.findall(r'<a href="/media/([^"]+)" type="application/pdf">', page)
    downloaded = unquote(address)
    assert downloaded == stored_name
    stem, extension = os.path.splitext(os.path.basename(downloaded))
    assert extension == ".pdf"
    assert get_valid_filename(DECREE_TITLE).startswith(stem) and len(stem) > 100
    assert (settings.MEDIA_ROOT / downloaded).read_bytes() == PDF


def test_photo_with_a_long_name_is_stored_with_its_copies(publisher_client, make_article):
    article = make_article()
    response = post_image(publisher_client, article, image_bytes(), name=f"{DECREE_TITLE}.jpg")
    assert response.status_code == 302
    article.refresh_from_db()
    files = image_files(article)
    assert len(files) == 4 and all(map(stored, files))
    assert article.image.name.endswith(".jpg")
    for name in files:
        assert_fits(name)


@pytest.mark.parametrize(
    "filename",
    [f"{DECREE_TITLE}.pdf", f"a{'я' * 200}.docx", f"{'新聞稿' * 50}.webp", f"{'x' * 250}.pdf"],
)
def test_a_long_name_still_fits_when_it_is_taken_and_when_it_is_copied(tmp_path, filename):
    storage = MediaStorage(location=tmp_path)
    name = storage.generate_filename(UploadFolder("news/attachments")(None, filename))
    first = storage.save(name, ContentFile(b"first"), max_length=255)
    taken = storage.save(name, ContentFile(b"second"), max_length=255)  # Django adds "_abc1234"
    assert taken != first
    copy = storage.save(renditions.rendition_name(taken, 1600), ContentFile(b"copy"))
    for stored_name in (first, taken, copy):
        assert_fits(stored_name)
    assert os.path.splitext(first)[1] == os.path.splitext(filename)[1]


@pytest.mark.parametrize(
    "name,stored",
    [("😀😀.pdf", "file.pdf"), (".htaccess.pdf", "htaccess.pdf"), (".pdf", "pdf")],
)
def test_a_name_of_symbols_alone_is_not_stored_as_a_hidden_file(name, stored):
    from news.uploads import UploadFolder

    assert UploadFolder("news/attachments")(None, name).rsplit("/", 1)[1] == stored


def test_an_article_whose_photo_file_is_gone_gets_a_form_error_not_a_500(
    admin_client_logged, make_article
):
    article = make_article(title="Photo lost")
    assert post_image(admin_client_logged, article, image_bytes(800, 600)).status_code == 302
    article.refresh_from_db()
    default_storage.delete(article.image.name)  # a database restored without its media
    data = article_form(admin_client_logged, change_url(article)) | {
        "lead": "A new lead.",
        "minor_edit": "on",
    }
    response = admin_client_logged.post(change_url(article), data)
    assert response.status_code == 200
    assert "file is missing from the storage" in response.text
    data["image-clear"] = "on"
    assert admin_client_logged.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.lead == "A new lead." and not article.image

"""Where uploads are stored and under what name: the extension of what they are, at an address
nobody can guess, short enough for any file system, never over another upload."""

import os
import re
from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import get_valid_filename

from core.storage import MediaStorage
from core.uploads import UploadFolder
from news import renditions
from tests.news.uploads_support import (
    PDF,
    docx_bytes,
    image_bytes,
    image_files,
    post_attachments,
    post_image,
    stored,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name,content,extension",
    [
        ("photo.JPEG", image_bytes(), ".jpg"),
        ("chart.jpg", image_bytes(image_format="PNG") + b"<script>alert(1)</script>", ".png"),
        ("photo.pdf", image_bytes(image_format="WEBP"), ".webp"),
    ],
)
def test_images_are_stored_under_the_extension_of_their_content(
    admin_client, make_article, name, content, extension
):
    article = make_article()
    assert post_image(admin_client, article, content, name=name).status_code == 302
    article.refresh_from_db()
    assert article.image.name.endswith(extension)
    assert article.image_size == article.image.size
    with article.image.open() as stored:
        assert b"<script>" not in stored.read()


def test_uploads_get_addresses_that_cannot_be_guessed(admin_client, make_article):
    article = make_article()
    post_attachments(admin_client, article, ("Decree", SimpleUploadedFile("decree.pdf", PDF)))
    post_image(admin_client, article, image_bytes(), name="photo.jpg")
    article.refresh_from_db()
    month = timezone.localdate().strftime("%Y/%m")
    assert re.fullmatch(
        rf"news/attachments/{month}/[0-9a-f]{{16}}/decree\.pdf", article.attachments.get().file.name
    )
    assert re.fullmatch(rf"news/images/{month}/[0-9a-f]{{16}}/photo\.jpg", article.image.name)


@pytest.mark.parametrize(
    "name,content,extension",
    [
        ("decree.html", PDF + b"<script>alert(1)</script>", ".pdf"),
        ("programme.pdf", docx_bytes(), ".docx"),
        ("Постановление №12.svg", PDF, ".pdf"),
    ],
)
def test_documents_are_stored_under_the_extension_of_their_content(
    admin_client, make_article, name, content, extension
):
    article = make_article()
    upload = SimpleUploadedFile(name, content)
    response = post_attachments(admin_client, article, ("Decree", upload))
    assert response.status_code == 302
    [attachment] = article.attachments.all()
    assert attachment.file.name.endswith(extension)
    assert attachment.kind == extension[1:].upper()


def test_a_name_taken_during_an_upload_is_not_overwritten(settings, tmp_path):
    storage = MediaStorage(location=tmp_path)
    storage.save("decree.pdf", ContentFile(b"first"))
    # As if another upload took the name between the choice of a name and the write.
    second = storage._save("decree.pdf", ContentFile(b"second"))
    assert second != "decree.pdf"
    assert storage.open("decree.pdf").read() == b"first"
    assert storage.open(second).read() == b"second"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["decree.pdf", second])


# 166 characters, 299 bytes in UTF-8: more than the 255 a file system takes for a name.
DECREE_TITLE = (
    "Постановление Совета Министров Республики Беларусь от 12 ноября 2026 года. Об утверждении "
    "Государственной программы инновационного развития Беларуси на 2026–2030 годы"
)


def assert_fits(name):
    assert len(name) <= 255
    assert all(len(part.encode()) <= 255 for part in name.split("/"))


def test_document_with_a_long_name_is_stored_and_downloaded_under_a_readable_short_one(
    admin_client, make_article, settings
):
    assert (len(DECREE_TITLE), len(DECREE_TITLE.encode())) == (166, 299)
    article = make_article()
    upload = SimpleUploadedFile(f"{DECREE_TITLE}.pdf", PDF)
    response = post_attachments(admin_client, article, ("Decree No. 845", upload))
    assert response.status_code == 302
    stored_name = article.attachments.get().file.name
    assert_fits(stored_name)
    page = admin_client.get(article.get_absolute_url()).text
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
    assert UploadFolder("news/attachments")(None, name).rsplit("/", 1)[1] == stored

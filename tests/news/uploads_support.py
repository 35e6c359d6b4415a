"""What the upload tests share: files as an editor would upload them, sent through the admin's
real form. (No tests here.)"""

import io
import zipfile
from urllib.parse import unquote

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.news.browser_form import article_form


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def image_bytes(width=2000, height=1200, image_format="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 61, 110)).save(buffer, image_format)
    return buffer.getvalue()


OOXML = "application/vnd.openxmlformats-officedocument"
DOCX_MAIN = f"{OOXML}.wordprocessingml.document.main+xml"


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


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


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


def photo_rows(*photos):
    """The inline's fields for new photos, each (file, alt text, caption, credit, position)."""
    data = {"photos-TOTAL_FORMS": str(len(photos))}
    for index, (upload, alt, caption, credit, position) in enumerate(photos):
        prefix = f"photos-{index}-"
        data |= {
            f"{prefix}image": upload,
            f"{prefix}alt": alt,
            f"{prefix}caption": caption,
            f"{prefix}credit": credit,
            f"{prefix}position": str(position),
        }
    return data


def photo(name="plant.jpg", alt="A production line", caption="", credit="", position=0, **size):
    return (SimpleUploadedFile(name, image_bytes(**size)), alt, caption, credit, position)


def post_photos(client, article, *photos, **fields):
    data = article_form(client, change_url(article)) | {"minor_edit": "on"} | fields
    return client.post(change_url(article), data | photo_rows(*photos))

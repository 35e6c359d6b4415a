"""Uploads are judged by their content, never by their name.

An image must be decoded by Pillow and be a JPEG, PNG or WebP. A document must be a PDF (by its
header) or an office file whose ZIP container holds the parts of that format. (puremagic and
friends name a ZIP "DOCX" from its file name, and libmagic is a system library a fresh machine may
lack, so the short structural check is done here.) Anything else, SVG and HTML included, is refused.

A file is stored under the extension of what it is, not of what it was called: the web server
picks the type it serves from the extension, and a PDF named .html would be served as a web page.
"""

import posixpath
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Beyond what any press photo needs: decoding costs 3 bytes a pixel, in a web worker.
MAX_IMAGE_PIXELS = 50_000_000
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
DOCUMENT_EXTENSIONS = {PDF: "pdf", DOCX: "docx", XLSX: "xlsx", ODT: "odt", ODS: "ods"}
# What a file of unknown content is stored as: served for download, never displayed.
UNKNOWN_EXTENSION = "bin"
# Office Open XML: the folder that holds the main part of each format.
OOXML_FOLDERS = {"word/": DOCX, "xl/": XLSX}


def _check_size(file, limit_mb):
    if file.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is %(size)s; the largest allowed is %(limit)s."),
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(limit_mb * 1024 * 1024),
            },
            code="too_large",
        )


def validate_image(file):
    _check_size(file, settings.NEWS_MAX_IMAGE_MB)
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format = image.format
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise Image.DecompressionBombError
            image.load()  # decodes every pixel: a truncated or disguised file fails here
    except Image.DecompressionBombError as error:
        raise ValidationError(
            _("The image has more than %(megapixels)s megapixels. Reduce it and upload it again."),
            params={"megapixels": MAX_IMAGE_PIXELS // 1_000_000},
            code="too_many_pixels",
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not a readable image. Upload a JPEG, PNG or WebP photo."),
            code="not_image",
        ) from error
    finally:
        file.seek(0)
    if image_format not in IMAGE_EXTENSIONS:
        raise ValidationError(
            _("Images must be JPEG, PNG or WebP; this one is %(format)s."),
            params={"format": image_format},
            code="image_type",
        )


def image_extension(file):
    """The extension of an allowed image format, judged by its content."""
    file.seek(0)
    try:
        with Image.open(file) as image:
            return IMAGE_EXTENSIONS.get(image.format, UNKNOWN_EXTENSION)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return UNKNOWN_EXTENSION
    finally:
        file.seek(0)


def name_by_content(field_file, extension):
    """Give a file not yet stored the extension of what it is."""
    stem = posixpath.splitext(posixpath.basename(field_file.name))[0]
    field_file.name = f"{stem or 'file'}.{extension}"


def document_type(file):
    """The MIME type of an allowed document, judged by its content, or None."""
    file.seek(0)
    try:
        if file.read(5) == b"%PDF-":
            return PDF
        file.seek(0)
        return _office_type(file) if zipfile.is_zipfile(file) else None
    finally:
        file.seek(0)


def _office_type(file):
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return declared if declared in (ODT, ODS) else None
            if "[Content_Types].xml" in names:
                for folder, mime_type in OOXML_FOLDERS.items():
                    if any(name.startswith(folder) for name in names):
                        return mime_type
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def validate_document(file):
    _check_size(file, settings.NEWS_MAX_ATTACHMENT_MB)
    if document_type(file) is None:
        raise ValidationError(
            _(
                "Attachments must be PDF, DOCX, XLSX, ODT or ODS documents; "
                "this file is none of them."
            ),
            code="document_type",
        )

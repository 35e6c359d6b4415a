"""Uploads are judged by their content, never by their name.

An image must be decoded by Pillow and be a JPEG, PNG or WebP. A document must be a PDF (by its
header) or an office file whose ZIP container holds the parts of that format. (puremagic and
friends name a ZIP "DOCX" from its file name, and libmagic is a system library a fresh machine may
lack, so the short structural check is done here.) Anything else, SVG and HTML included, is refused.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
DOCUMENT_TYPES = {PDF: "PDF", DOCX: "DOCX", XLSX: "XLSX", ODT: "ODT", ODS: "ODS"}
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
            image.load()  # decodes every pixel: a truncated or disguised file fails here
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not a readable image. Upload a JPEG, PNG or WebP photo."),
            code="not_image",
        ) from error
    finally:
        file.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("Images must be JPEG, PNG or WebP; this one is %(format)s."),
            params={"format": image_format},
            code="image_type",
        )


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

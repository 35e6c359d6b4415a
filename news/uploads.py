"""Uploads are judged by their content, never by their name.

An image must be decoded by Pillow and be a JPEG, PNG or WebP; a document must be recognised by
puremagic as one of a short allow-list. Anything else (SVG, HTML, executables, renamed files) is
refused with a form error.
"""

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
DOCUMENT_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
}
# puremagic rates each guess; below this it is only a hint.
CONFIDENCE = 0.8


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
        guesses = puremagic.magic_stream(file)
    except (puremagic.PureError, ValueError):
        guesses = []
    finally:
        file.seek(0)
    for guess in guesses:
        if guess.confidence >= CONFIDENCE and guess.mime_type in DOCUMENT_TYPES:
            return guess.mime_type
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

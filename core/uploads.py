"""Uploads are judged by their content, never by their name.

An image must be decoded by Pillow and be a JPEG, PNG or WebP. A document must be a PDF (by its
header) or an office file whose ZIP container holds the parts of that format. (puremagic and
friends name a ZIP "DOCX" from its file name, and libmagic is a system library a fresh machine may
lack, so the short structural check is done here.) Anything else, SVG and HTML included, is refused.

A file is stored under the extension of what it is, not of what it was called: the web server
picks the type it serves from the extension, and a PDF named .html would be served as a web page.

A save that fails takes back its rows (the transaction) and, inside all_or_nothing(), its files.
"""

import contextlib
import contextvars
import io
import logging
import lzma
import posixpath
import re
import secrets
import zipfile
import zlib

from defusedxml import DefusedXmlException, ElementTree
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import ExifTags, Image, ImageOps

IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# A phone's or a camera's JPEG with a second picture (a preview, a depth map) after the photo is
# what Pillow calls MPO (CIPA DC-007): it opens at the photo, which is published as a plain JPEG.
FORMAT_ALIASES = {"MPO": "JPEG"}
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
# Office Open XML: the type of each format's main part, as [Content_Types].xml declares it.
OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
}
# Macros: Office keeps them in vbaProject.bin, OpenDocument in Basic/ or Scripts/.
MACRO_PARTS = re.compile(r"vbaProject\.bin$|^(Basic|Scripts)/", re.IGNORECASE)
MAX_PART_LIST = 1024 * 1024  # bytes, once unpacked: a real list is a few kB
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# What zipfile raises on opening a damaged or crafted archive and reading a member (read from its
# source): a truncated member, an encrypted one, an unknown compression, a name flagged UTF-8 that
# is not, data that does not decompress (zlib, lzma; bz2 raises OSError).
BROKEN_ARCHIVE = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    RuntimeError,
    NotImplementedError,
    UnicodeDecodeError,
    zlib.error,
    lzma.LZMAError,
)
# How each format is written again when an image is published; "keep" reuses the JPEG's own
# quantisation, so an upright photo loses nothing visible.
# Pillow would copy a JPEG's comment (which may name the photographer, or the place) unless told.
SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "comment": b""},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
}
# A file system takes 255 bytes per name (ext4, XFS, tmpfs); the file fields take 255 characters
# for the whole name, folders included, and the copies are held to the same.
MAX_NAME_BYTES = 255
MAX_PATH_LENGTH = 255
# Added to a stem after it is cut: Django's "_abc1234" when the name is taken, then the widest
# copy's "-1600w.webp" in place of the extension (renditions.py).
TAKEN_SUFFIX_LENGTH = len("_abc1234")
COPY_SUFFIX_LENGTH = len("-1600w.webp")

logger = logging.getLogger(__name__)
_written = contextvars.ContextVar("uploads_written", default=None)


@deconstructible
class UploadFolder:
    """`<prefix>/<year>/<month>/<random>/<name>`: a file keeps the name it was uploaded with, for
    whoever downloads it, but its address can be neither guessed (a draft's documents are not yet
    public) nor taken by another upload of the same name, and neither can its copies'."""

    def __init__(self, prefix):
        self.prefix = prefix

    def __call__(self, instance, filename):
        month = timezone.localdate().strftime("%Y/%m")
        folder = posixpath.join(self.prefix, month, secrets.token_hex(8))
        return posixpath.join(folder, _fitted(filename, MAX_PATH_LENGTH - len(folder) - 1))

    def __eq__(self, other):
        return isinstance(other, UploadFolder) and self.prefix == other.prefix


def _fitted(filename, max_length):
    """The name cut to what the file system and the field take, with room for what is added to
    it later: a long decree's title would otherwise be refused by the disk. The stem is cut, on a
    character boundary, and the extension kept: the name stays readable for whoever downloads it."""
    stem, extension = posixpath.splitext(filename)
    # As the storage will (get_valid_name), first: a name of symbols alone (emoji, ".htaccess")
    # would otherwise become a hidden file.
    stem = re.sub(r"[^-\w.]", "", stem.strip().replace(" ", "_")).lstrip(".") or "file"
    tail = TAKEN_SUFFIX_LENGTH + max(len(extension.encode()), COPY_SUFFIX_LENGTH)
    stem = stem[: max_length - tail].encode()[: MAX_NAME_BYTES - tail]
    return stem.decode(errors="ignore") + extension


@contextlib.contextmanager
def all_or_nothing():
    """Files stored inside are kept only if the block ends without an exception; otherwise they
    are deleted, through their storage. The database takes back a failed save's rows, but not the
    files written during it. A nested block hands its files to the outer one, which decides."""
    written = []
    token = _written.set(written)
    try:
        yield
    except BaseException:
        for storage, name in reversed(written):
            try:
                storage.delete(name)
            except Exception:  # the save's own error is the one to report
                logger.exception("Could not delete %s, stored by a failed save", name)
        raise
    finally:
        _written.reset(token)
    if (outer := _written.get()) is not None:
        outer.extend(written)


def record(storage, name):
    """Note a file just stored, for the all_or_nothing() block around it to delete on failure."""
    if (written := _written.get()) is not None:
        written.append((storage, name))


@contextlib.contextmanager
def recording(field_file):
    """Around a model's save(): records the field's new file once Django has stored it, even if
    the row then cannot be written (Django stores the file first)."""
    new = not field_file._committed
    try:
        yield
    finally:
        if new and field_file._committed:
            record(field_file.storage, field_file.name)


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


def already_stored(file):
    """A file saved before was checked then: an edit of its article must not read it again."""
    return getattr(file, "_committed", False)


def validate_image(file):
    if already_stored(file):
        return
    _check_size(file, settings.NEWS_MAX_IMAGE_MB)
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format = _image_format(image)
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


def published_image(file):
    """The image as it is published: turned upright as its EXIF says, written again without its
    metadata (a phone's photo carries where it was taken, and the device), named by its format.
    Anything appended to the image goes too."""
    file.seek(0)
    with Image.open(file) as original:
        image_format = _image_format(original)
        upright = ImageOps.exif_transpose(original)
        options = SAVE_OPTIONS[image_format] | {"icc_profile": original.info.get("icc_profile")}
        # Pillow keeps the quantisation of a file it opened as JPEG only: an MPO is encoded anew.
        if original.format == "JPEG" and not _rotated(original):
            upright, options["quality"] = original, "keep"
        buffer = io.BytesIO()
        upright.save(buffer, image_format, **options)
    file.seek(0)
    return ContentFile(buffer.getvalue(), name=_named(file.name, IMAGE_EXTENSIONS[image_format]))


def _image_format(image):
    return FORMAT_ALIASES.get(image.format, image.format)


def _rotated(image):
    return image.getexif().get(ExifTags.Base.Orientation, 1) != 1


def _named(name, extension):
    stem = posixpath.splitext(posixpath.basename(name))[0]
    return f"{stem or 'file'}.{extension}"


def name_by_content(field_file, extension):
    """Give a file not yet stored the extension of what it is."""
    field_file.name = _named(field_file.name, extension)


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
            if any(MACRO_PARTS.search(name) for name in names):
                return None
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return declared if declared in (ODT, ODS) else None
            if archive.getinfo("[Content_Types].xml").file_size < MAX_PART_LIST:
                return _ooxml_type(archive.read("[Content_Types].xml"))
    except (*BROKEN_ARCHIVE, KeyError, ElementTree.ParseError, DefusedXmlException):
        return None
    return None


def _ooxml_type(content_types):
    """The format whose main part the package declares (a docm or xlsm declares another)."""
    declared = {
        override.get("ContentType")
        for override in ElementTree.fromstring(content_types).iter(f"{CONTENT_TYPES_NS}Override")
    }
    main_parts = [OOXML_MAIN_PARTS[kind] for kind in declared if kind in OOXML_MAIN_PARTS]
    return main_parts[0] if len(main_parts) == 1 else None


def validate_document(file):
    if already_stored(file):
        return
    _check_size(file, settings.NEWS_MAX_ATTACHMENT_MB)
    if document_type(file) is None:
        raise ValidationError(
            _(
                "Attachments must be PDF, DOCX, XLSX, ODT or ODS documents; "
                "this file is none of them."
            ),
            code="document_type",
        )

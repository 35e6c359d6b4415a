"""Smaller copies of a lead image for responsive pages (srcset), made with Pillow when it is saved.

Pillow is already needed to check uploads; the three fixed widths a news page needs do not justify
a thumbnailing framework. Names are derived from the original, and the original's size and
dimensions are kept in the row when it is saved, so pages never ask the storage.
"""

import io
import logging
import posixpath

from django.core.files.base import ContentFile
from django.db import models
from PIL import Image, ImageOps

from core import uploads

WIDTHS = (480, 960, 1600)

logger = logging.getLogger(__name__)


class PhotoField(models.ImageField):
    """Django's ImageField, reading a photo's width and height only from a file being assigned.
    Django also reads them from the storage whenever a row without them is loaded: a list then
    asks the storage for each such photo, and fails when a file is lost."""

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        if force:
            super().update_dimension_fields(instance, force, *args, **kwargs)

    def deconstruct(self):
        # The column is Django's: the migrations need not know of this class.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


def is_new(field_file):
    """Whether the row does not hold this photo yet: an upload, or a file a script stored itself
    (`image.save(name, content, save=False)`, after which Django sees it as stored)."""
    if not field_file:
        return False
    instance = field_file.instance
    held = (
        type(instance)
        ._default_manager.filter(pk=instance.pk)
        .values_list(field_file.field.attname, flat=True)
    )
    return not field_file._committed or instance.pk is None or field_file.name != held.first()


def measured(field_file):
    """The size, width and height of a photo, read from its file; None for what cannot be read
    (a file lost with a database restored without its media: pages show the photo without)."""
    try:
        return field_file.size, field_file.width, field_file.height
    except OSError:
        logger.warning("Could not read %s to measure it", field_file.name, exc_info=True)
        return None, None, None


def rendition_name(name, width):
    stem, _ = posixpath.splitext(name)
    return f"{stem}-{width}w.webp"


def widths_for(original_width):
    return [width for width in WIDTHS if width < original_width]


def make_renditions(field_file):
    storage = field_file.storage
    with field_file.open("rb"), Image.open(field_file) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")
    for width in widths_for(image.width):
        copy = image.copy()
        copy.thumbnail((width, width * 10))
        buffer = io.BytesIO()
        copy.save(buffer, "WEBP", quality=80)
        name = rendition_name(field_file.name, width)
        if storage.exists(name):
            storage.delete(name)
        uploads.record(storage, storage.save(name, ContentFile(buffer.getvalue())))


def sources(field_file, original_width):
    """(address, width) of each copy a page may choose, narrowest first. The original is left to
    its download link when a copy as wide as the widest is made: it may weigh megabytes. None for
    a photo of unknown width: which copies it has is unknown too."""
    if original_width is None:
        return []
    storage = field_file.storage
    found = [
        (storage.url(rendition_name(field_file.name, width)), width)
        for width in widths_for(original_width)
    ]
    if original_width <= WIDTHS[-1]:
        found.append((field_file.url, original_width))
    return found


def widest(field_file, found):
    return found[-1][0] if found else field_file.url


def srcset(found):
    return ", ".join(f"{url} {width}w" for url, width in found)


def delete_renditions(file, file_name, **kwargs):
    """With its image (django-cleanup's signal): its copies, which nothing else refers to.

    This runs once the change or the deletion is committed: a copy the storage refuses to delete
    (read-only, unreachable) is left behind, an orphan to clean up later, rather than turning a
    done save into an error (django-cleanup does the same for the image itself)."""
    for width in WIDTHS:
        name = rendition_name(file_name, width)
        try:
            file.storage.delete(name)
        except Exception:  # OSError on a disk; object storages raise their own errors
            logger.warning(
                "Could not delete %s, a copy of a photo no longer used", name, exc_info=True
            )

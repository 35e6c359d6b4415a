"""Smaller copies of a lead image for responsive pages (srcset), made with Pillow when it is saved.

Pillow is already needed to check uploads; the three fixed widths a news page needs do not justify
a thumbnailing framework. Names are derived from the original, so pages never ask the storage.
"""

import io
import posixpath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from . import uploads

WIDTHS = (480, 960, 1600)


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
    its download link when a copy as wide as the widest is made: it may weigh megabytes."""
    storage = field_file.storage
    found = [
        (storage.url(rendition_name(field_file.name, width)), width)
        for width in widths_for(original_width)
    ]
    if original_width <= WIDTHS[-1]:
        found.append((field_file.url, original_width))
    return found


def srcset(found):
    return ", ".join(f"{url} {width}w" for url, width in found)


def delete_renditions(file, file_name, **kwargs):
    """With its image (django-cleanup's signal): its copies, which nothing else refers to."""
    for width in WIDTHS:
        file.storage.delete(rendition_name(file_name, width))

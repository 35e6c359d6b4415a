"""The demo agency's emblem, drawn with Pillow: a neutral mark of science (an atom in a ring),
not a state symbol, so that the demo shows where an agency's own emblem goes."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

SIDE = 192  # shown at 48 CSS pixels: sharp on screens of up to four device pixels per one
SCALE = 4  # drawn larger and reduced: smooth edges
GOLD = (212, 175, 55, 255)
ORBIT_ANGLES = (0, 60, 120)


def emblem_png():
    side = SIDE * SCALE
    image = Image.new("RGBA", (side, side))
    draw = ImageDraw.Draw(image)
    ring = side // 24
    draw.ellipse((ring, ring, side - ring, side - ring), outline=GOLD, width=ring)
    for angle in ORBIT_ANGLES:
        orbit = Image.new("RGBA", (side, side))
        ImageDraw.Draw(orbit).ellipse(
            (side * 0.18, side * 0.38, side * 0.82, side * 0.62), outline=GOLD, width=side // 48
        )
        image.alpha_composite(orbit.rotate(angle, resample=Image.Resampling.BICUBIC))
    nucleus = side * 0.07
    draw.ellipse(
        (side / 2 - nucleus, side / 2 - nucleus, side / 2 + nucleus, side / 2 + nucleus), fill=GOLD
    )
    buffer = io.BytesIO()
    image.resize((SIDE, SIDE), Image.Resampling.LANCZOS).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def add_emblem(agency):
    # As the admin saves an upload: the file is published by the save, which also stores its size
    # (FieldFile.save() left it empty, and every page then read the file for it).
    agency.emblem = ContentFile(emblem_png(), name="emblem.png")
    agency.save()

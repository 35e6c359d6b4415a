"""The demo's illustrations, drawn with Pillow: a gradient, a motif of shapes for the subject (a
network for innovation, a honeycomb for technology parks…) and a label, like a press office's
cover picture. Each is the same for the same arguments (shapes placed by a generator seeded with
them), so that every run of the demo draws the same site."""

import io
import math
import random
from functools import cache, lru_cache

from PIL import Image, ImageChops, ImageColor, ImageDraw, ImageFont, ImageOps

SIZE = (1200, 800)
# Drawn at twice the size and reduced: smooth edges without an anti-aliasing library.
SCALE = 2
WHITE = (255, 255, 255)
# Debian's fonts-dejavu, present wherever Chromium or LibreOffice is; Pillow's own font has no
# Cyrillic letters, so without DejaVu the picture goes without its label.
FONTS = {"bold": "DejaVuSans-Bold.ttf", "regular": "DejaVuSans.ttf"}


def picture(motif, colours, label, seed):
    """A JPEG: `colours` are the gradient's two ends and the motif's accent, as "#rrggbb"."""
    image = cover(motif, tuple(colours), seed).copy()
    if label:
        draw_label(image, label)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@lru_cache(maxsize=8)
def cover(motif, colours, seed):
    """The picture without its label, drawn once for the versions of a release."""
    start, end, accent = (ImageColor.getrgb(colour) for colour in colours)
    rng = random.Random(f"{motif}:{seed}")  # noqa: S311 (placement, not secrecy)
    width, height = SIZE[0] * SCALE, SIZE[1] * SCALE
    image = gradient(width, height, start, end)
    # RGBA colours on an RGB image are blended into it: the shapes are translucent.
    MOTIFS[motif](ImageDraw.Draw(image, "RGBA"), rng, width, height, accent)
    return image.reduce(SCALE)


def gradient(width, height, start, end):
    """From `start` at the top left to `end` at the bottom right: made small and enlarged, which
    a smooth gradient allows, at a fraction of the cost."""
    small = (width // 16, height // 16)
    down = Image.linear_gradient("L").resize(small)
    across = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_270).resize(small)
    diagonal = ImageChops.add(down, across, scale=2)
    return ImageOps.colorize(diagonal, start, end).resize(
        (width, height), Image.Resampling.BILINEAR
    )


def translucent(colour, alpha):
    return (*colour, alpha)


def network(draw, rng, width, height, accent):
    """Nodes and the links between neighbours: innovation, research networks."""
    nodes = [(rng.uniform(0, width), rng.uniform(0, height)) for _ in range(42)]
    reach = width / 5
    for index, (x, y) in enumerate(nodes):
        for x2, y2 in nodes[index + 1 :]:
            if math.dist((x, y), (x2, y2)) < reach:
                draw.line([(x, y), (x2, y2)], fill=translucent(WHITE, 90), width=5)
    for x, y in nodes:
        radius = rng.choice((10, 14, 22, 30))
        fill = translucent(accent, 230) if radius > 20 else translucent(WHITE, 200)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill)


def orbits(draw, rng, width, height, accent):
    """Rings around a centre, with bodies on them: fundamental research, grants."""
    cx, cy = width * rng.uniform(0.55, 0.7), height * rng.uniform(0.35, 0.5)
    for ring in range(1, 7):
        rx, ry = ring * width / 13, ring * height / 11
        draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], outline=translucent(WHITE, 110), width=6)
        angle = rng.uniform(0, 2 * math.pi)
        x, y = cx + rx * math.cos(angle), cy + ry * math.sin(angle)
        size = rng.choice((16, 24, 34))
        draw.ellipse([x - size, y - size, x + size, y + size], fill=translucent(accent, 240))
    draw.ellipse([cx - 70, cy - 70, cx + 70, cy + 70], fill=translucent(WHITE, 230))


def chart(draw, rng, width, height, accent):
    """Rising columns and their trend: results, statistics."""
    columns, base = 9, height * 0.86
    step = width * 0.8 / columns
    tops = []
    for index in range(columns):
        x = width * 0.1 + index * step
        top = base - height * (0.18 + 0.06 * index + rng.uniform(-0.04, 0.04))
        tops.append((x + step * 0.35, top))
        draw.rounded_rectangle(
            [x, top, x + step * 0.7, base], radius=12, fill=translucent(WHITE, 70 + 15 * index)
        )
    draw.line(tops, fill=translucent(accent, 255), width=12, joint="curve")
    for x, y in tops:
        draw.ellipse([x - 18, y - 18, x + 18, y + 18], fill=translucent(accent, 255))


def honeycomb(draw, rng, width, height, accent):
    """Cells side by side, some of them lit: technology parks and their residents."""
    radius = width / 16
    row_height = radius * math.sqrt(3)
    for row in range(-1, int(height / row_height) + 2):
        for column in range(-1, int(width / (radius * 1.5)) + 2):
            x = column * radius * 1.5
            y = row * row_height + (row_height / 2 if column % 2 else 0)
            lit = rng.random() < 0.18
            draw.regular_polygon(
                (x, y, radius * 0.92),
                6,
                fill=translucent(accent, 220) if lit else translucent(WHITE, rng.choice((25, 45))),
                outline=translucent(WHITE, 120),
                width=4,
            )


def partners(draw, rng, width, height, accent):
    """Two overlapping circles among points, as on a map: cooperation, agreements."""
    radius = height * 0.3
    for x, colour in ((width * 0.38, WHITE), (width * 0.62, accent)):
        y = height * 0.45
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*colour, 150))
        draw.ellipse(
            [x - radius * 1.2, y - radius * 1.2, x + radius * 1.2, y + radius * 1.2],
            outline=translucent(WHITE, 90),
            width=5,
        )
    for _ in range(70):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        draw.ellipse([x - 5, y - 5, x + 5, y + 5], fill=translucent(WHITE, 120))


def idea(draw, rng, width, height, accent):
    """A lamp and its rays: inventions, patents."""
    cx, cy, radius = width * 0.62, height * 0.4, height * 0.2
    for index in range(16):
        angle = index * math.pi / 8 + rng.uniform(-0.05, 0.05)
        inner, outer = radius * 1.35, radius * rng.uniform(1.8, 2.3)
        draw.line(
            [
                (cx + inner * math.cos(angle), cy + inner * math.sin(angle)),
                (cx + outer * math.cos(angle), cy + outer * math.sin(angle)),
            ],
            fill=translucent(accent, 200),
            width=14,
        )
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=translucent(WHITE, 235))
    neck = radius * 0.5
    for step in range(3):
        top = cy + radius * 0.95 + step * neck * 0.45
        draw.rounded_rectangle(
            [cx - neck, top, cx + neck, top + neck * 0.35], radius=10, fill=translucent(accent, 255)
        )


def exhibition(draw, rng, width, height, accent):
    """Stands on a floor under spotlights: exhibitions, forums."""
    floor = height * 0.68
    draw.rectangle([0, floor, width, height], fill=translucent(WHITE, 40))
    for index in range(5):
        x = width * (0.08 + index * 0.18)
        stand_height = height * rng.uniform(0.25, 0.4)
        draw.polygon(
            [(x + 60, 0), (x + 110, 0), (x + 260, floor), (x - 90, floor)],
            fill=translucent(WHITE, 28),
        )
        draw.rounded_rectangle(
            [x, floor - stand_height, x + width * 0.12, floor],
            radius=14,
            fill=translucent(accent if index % 2 else WHITE, 200),
        )
        draw.rectangle(
            [x + 20, floor - stand_height + 24, x + width * 0.12 - 20, floor - stand_height + 60],
            fill=translucent(WHITE if index % 2 else accent, 220),
        )


def papers(draw, rng, width, height, accent):
    """Sheets with lines of text and a seal: programmes, decisions, regulations."""
    for index in range(3):
        x, y = width * (0.3 + index * 0.12), height * (0.16 + index * 0.05)
        sheet = [x, y, x + width * 0.3, y + height * 0.7]
        draw.rounded_rectangle(sheet, radius=10, fill=translucent(WHITE, 150 + 35 * index))
    x, y = width * 0.54, height * 0.32
    for line in range(11):
        length = width * rng.uniform(0.16, 0.25)
        draw.rounded_rectangle(
            [x + 50, y + line * 60, x + 50 + length, y + line * 60 + 18],
            radius=9,
            fill=translucent((90, 100, 115), 160),
        )
    cx, cy = x + width * 0.22, y + height * 0.5
    draw.ellipse([cx - 90, cy - 90, cx + 90, cy + 90], outline=translucent(accent, 230), width=14)


MOTIFS = {
    function.__name__: function
    for function in (network, orbits, chart, honeycomb, partners, idea, exhibition, papers)
}


@cache
def font(size, weight="bold"):
    try:
        return ImageFont.truetype(FONTS[weight], size)
    except OSError:
        return None


def draw_label(image, text):
    """A caption-like band at the bottom left, as on a press office's cover picture."""
    bold = font(40)
    if bold is None:
        return
    draw = ImageDraw.Draw(image, "RGBA")
    left, top, right, bottom = draw.textbbox((0, 0), text, font=bold)
    margin, padding = 48, 22
    box = [
        margin,
        SIZE[1] - margin - (bottom - top) - 2 * padding,
        margin + (right - left) + 2 * padding,
        SIZE[1] - margin,
    ]
    draw.rounded_rectangle(box, radius=12, fill=(255, 255, 255, 225))
    draw.text(
        (box[0] + padding - left, box[1] + padding - top), text, font=bold, fill=(11, 61, 110)
    )

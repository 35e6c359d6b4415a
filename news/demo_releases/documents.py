"""The demo's documents, written here rather than shipped: a Word document (the smallest package
Word and LibreOffice open: the content types, one relationship, the text) and the scan of a
signed page as a PDF (Pillow's), the two kinds a press office publishes most. Both are judged
by core/uploads.py as any upload is."""

import io
import textwrap
import zipfile
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw

from .pictures import font

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PACKAGE_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats'
        '.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
    ),
}
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# A fixed time for every part: the same text gives the same file.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)
# An A4 page at 100 dpi, as an office scanner sends it to the press office.
PAGE = (827, 1169)
INK = 40


def word_document(title, paragraphs, language):
    """A .docx: the title centred and bold, then the paragraphs."""
    run_language = f'<w:lang w:val="{language}"/>'
    title_run = f"<w:rPr><w:b/><w:sz w:val='28'/>{run_language}</w:rPr>"
    body = [
        f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>{title_run}'
        f"<w:t>{escape(title)}</w:t></w:r></w:p>"
    ]
    body += [
        f'<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr>{run_language}</w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for text in paragraphs
    ]
    document = f'<w:document xmlns:w="{WORD_NS}"><w:body>{"".join(body)}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in {**PACKAGE_PARTS, "word/document.xml": document}.items():
            package.writestr(zipfile.ZipInfo(name, ZIP_TIME), XML_DECLARATION + xml)
    return buffer.getvalue()


def scanned_pdf(title, paragraphs, date):
    """A PDF of one grey page: the title, the text and two signatures with their seals. Without
    DejaVu (see pictures.py) the lines of text are drawn as grey bars, as a thumbnail shows them.
    `date` is a time.struct_time."""
    page = Image.new("L", PAGE, 250)
    draw = ImageDraw.Draw(page)
    heading, text = font(22), font(15, "regular")
    y = 90
    if heading:
        for line in textwrap.wrap(title, 48):
            width = draw.textlength(line, font=heading)
            draw.text(((PAGE[0] - width) / 2, y), line, font=heading, fill=INK)
            y += 32
    y += 30
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, 78):
            if text:
                draw.text((90, y), line, font=text, fill=INK)
            else:
                draw.rectangle([90, y + 4, 90 + len(line) * 8, y + 14], fill=150)
            y += 24
        y += 12
    for x in (90, 480):
        draw.line([(x, y + 90), (x + 250, y + 90)], fill=INK, width=2)
        draw.arc([x + 40, y + 40, x + 200, y + 88], 190, 340, fill=INK, width=3)
        draw.ellipse([x + 130, y + 20, x + 250, y + 140], outline=110, width=4)
    buffer = io.BytesIO()
    # Dated by the release, not by the run: the same text gives the same file.
    page.save(buffer, "PDF", resolution=100, title=title, creationDate=date, modDate=date)
    return buffer.getvalue()

"""Files in the allowed formats but not as the usual tools write them: a damaged or crafted office
document is refused as any other non-document, and a phone's JPEG with a second picture in it
(MPO) is published as a plain JPEG."""

import io
import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from news.models import Article, Attachment
from tests.news.uploads_support import docx_bytes, post_attachments, post_image

pytestmark = pytest.mark.django_db

NOT_A_DOCUMENT = "Attachments must be PDF, DOCX, XLSX, ODT or ODS"
# Where the fields are in a member's local header and in its central directory entry (APPNOTE 4.3).
LOCAL, CENTRAL = b"PK\x03\x04", b"PK\x01\x02"
FLAGS = {LOCAL: 6, CENTRAL: 8}
METHOD = {LOCAL: 8, CENTRAL: 10}
SIZES = {CENTRAL: 20}
ENCRYPTED, UTF8_NAME = 0x1, 0x800


def zip_bytes(method=zipfile.ZIP_STORED, name="[Content_Types].xml", content="<Types/>" * 50):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def patched(content, where, fmt, value):
    """The archive with one field of every member's headers overwritten."""
    data = bytearray(content)
    for signature, offset in where.items():
        start = data.find(signature)
        while start != -1:
            struct.pack_into(fmt, data, start + offset, *value)
            start = data.find(signature, start + 4)
    return bytes(data)


def damaged(method, at):
    """A part whose compressed data is garbled from `at`: where inflating starts, for deflate, and
    LZMA's properties, after the 4 bytes of their version and size (APPNOTE 5.8.8)."""
    data = bytearray(zip_bytes(method))
    name_length, extra_length = struct.unpack_from("<HH", data, 26)
    start = 30 + name_length + extra_length + at
    data[start : start + 8] = bytes(byte ^ 0xFF for byte in data[start : start + 8])
    return bytes(data)


def badly_named():
    """A name flagged as UTF-8 that is not."""
    content = zip_bytes(name="a.xml").replace(b"a.xml", b"\xff.xml")
    return patched(content, FLAGS, "<H", (UTF8_NAME,))


def truncated_odt():
    """An ODT whose `mimetype` claims more bytes than the file holds."""
    return patched(zip_bytes(name="mimetype", content="x"), SIZES, "<II", (99, 99))


@pytest.mark.parametrize(
    "name,content",
    [
        ("deflate.docx", damaged(zipfile.ZIP_DEFLATED, at=0)),  # zlib.error
        ("lzma.docx", damaged(zipfile.ZIP_LZMA, at=4)),  # lzma.LZMAError
        ("encrypted.docx", patched(docx_bytes(), FLAGS, "<H", (ENCRYPTED,))),  # RuntimeError
        ("aes.docx", patched(docx_bytes(), METHOD, "<H", (99,))),  # NotImplementedError
        ("truncated.odt", truncated_odt()),  # EOFError
        ("name.docx", badly_named()),  # UnicodeDecodeError
    ],
)
def test_damaged_office_document_is_refused_as_a_form_error(
    editor_client, make_article, name, content
):
    article = make_article(title="Untouched", status=Article.Status.DRAFT)
    response = post_attachments(
        editor_client, article, ("Decree", SimpleUploadedFile(name, content))
    )
    assert response.status_code == 200
    assert NOT_A_DOCUMENT in response.text
    assert not Attachment.objects.exists()
    assert Article.objects.get().title == "Untouched"


def mpo_photo(orientation):
    """As a phone writes it: the photo, then a second picture (a preview, a depth map) that the
    Multi-Picture Format index (CIPA DC-007) in the first one's APP2 points to."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.GPSInfo] = {1: "N", 2: (53.0, 54.0, 0.0), 3: "E", 4: (27.0, 33.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (11, 61, 110)).save(
        buffer, "MPO", save_all=True, append_images=[Image.new("L", (300, 200))], exif=exif
    )
    return buffer.getvalue()


@pytest.mark.parametrize("orientation,size", [(1, (1200, 800)), (6, (800, 1200))])
def test_multi_picture_jpeg_is_published_as_a_plain_jpeg(
    editor_client, make_article, orientation, size
):
    with Image.open(io.BytesIO(mpo_photo(orientation))) as sent:
        assert sent.format == "MPO" and sent.n_frames == 2
    article = make_article(status=Article.Status.DRAFT)
    response = post_image(editor_client, article, mpo_photo(orientation), name="PXL_0001.jpg")
    assert "this one is MPO" not in response.text
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.image.name.endswith("/PXL_0001.jpg")
    assert (article.image_width, article.image_height) == size
    with article.image.open() as photo, Image.open(photo) as image:
        assert (image.format, image.size, getattr(image, "n_frames", 1)) == ("JPEG", size, 1)
        assert not image.getexif() and "mp" not in image.info

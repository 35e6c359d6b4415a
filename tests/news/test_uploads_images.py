"""Lead images, uploaded through the admin's real form: published upright and without their
metadata, with copies for every screen, and refused when they are no photo."""

import io

import feedparser
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from PIL import ExifTags, Image

from news import renditions
from news.models import Article
from tests.news.uploads_support import image_bytes, post_image

pytestmark = pytest.mark.django_db


def test_lead_image_is_shown_with_responsive_sizes(admin_client, make_article):
    article = make_article()
    assert post_image(admin_client, article, image_bytes()).status_code == 302
    article.refresh_from_db()
    assert (article.image_width, article.image_height) == (2000, 1200)
    for width in (480, 960, 1600):
        name = article.image.name.rsplit(".", 1)[0] + f"-{width}w.webp"
        assert default_storage.exists(name)
        with default_storage.open(name) as rendition, Image.open(rendition) as image:
            assert image.width == width and image.format == "WEBP"
    page = admin_client.get(article.get_absolute_url()).text
    assert 'alt="The chairman at the exhibition"' in page
    srcset = ", ".join(f"{article.image.url[:-4]}-{w}w.webp {w}w" for w in (480, 960, 1600))
    assert f'src="{article.image.url[:-4]}-1600w.webp" srcset="{srcset}"' in page
    assert (
        f'<a href="{article.image.url}" type="image/jpeg" class="download">Full-size photo</a>'
        in page
    )
    size = filesizeformat(article.image_size)
    assert f"(JPG, 2000 × 1200 pixels, {size})" in page
    assert f'<meta property="og:image" content="http://testserver{article.image.url}">' in page
    listing = admin_client.get(reverse("news:list")).text
    assert srcset in listing


def test_image_narrower_than_the_copies_is_offered_itself(admin_client, make_article):
    article = make_article()
    post_image(admin_client, article, image_bytes(1200, 800))
    article.refresh_from_db()
    stem = article.image.name[:-4]
    assert article.image_srcset == (
        f"/media/{stem}-480w.webp 480w, /media/{stem}-960w.webp 960w, {article.image.url} 1200w"
    )


def exif_photo(width, height, orientation):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Model] = "Pixel 8"
    exif[ExifTags.Base.GPSInfo] = {1: "N", 2: (53.0, 54.0, 0.0), 3: "E", 4: (27.0, 33.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 61, 110)).save(
        buffer, "JPEG", exif=exif, comment=b"Taken by Ivan Petrov at 53.9N 27.56E"
    )
    return buffer.getvalue()


def test_photo_is_published_upright_and_without_its_metadata(admin_client, make_article):
    article = make_article()
    # A phone held upright: the pixels lie on their side, with orientation 6 to turn them.
    post_image(admin_client, article, exif_photo(1200, 800, orientation=6))
    article.refresh_from_db()
    assert (article.image_width, article.image_height) == (800, 1200)
    with article.image.open() as photo, Image.open(photo) as image:
        assert image.size == (800, 1200)
        assert not image.getexif() and "comment" not in image.info
    for url, width in article.image_sources:
        name = url.removeprefix("/media/")
        with default_storage.open(name) as copy, Image.open(copy) as image:
            assert image.width == width


def colour_of_copy(article, width):
    """Red, green or blue: the strongest channel of the (lossy) copy."""
    name = renditions.rendition_name(article.image.name, width)
    with default_storage.open(name) as copy, Image.open(copy) as image:
        pixel = image.convert("RGB").getpixel((0, 0))
    return "RGB"[pixel.index(max(pixel))]


def same_name_image(colour, image_format):
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 600), colour).save(buffer, image_format)
    return buffer.getvalue()


def test_every_upload_has_copies_of_its_own(admin_client, make_article):
    first, second = make_article(), make_article()
    post_image(admin_client, first, same_name_image((0, 0, 255), "PNG"), name="chart.png")
    post_image(admin_client, second, same_name_image((255, 0, 0), "JPEG"), name="chart.jpg")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (colour_of_copy(first, 480), colour_of_copy(second, 480)) == ("B", "R")
    post_image(admin_client, first, same_name_image((0, 255, 0), "PNG"), name="chart.png")
    first.refresh_from_db()
    assert colour_of_copy(first, 480) == "G"


def test_image_with_too_many_pixels_is_refused_before_it_is_decoded(
    admin_client, make_article, monkeypatch
):
    monkeypatch.setattr("core.uploads.MAX_IMAGE_PIXELS", 1_000_000)
    article = make_article()
    response = post_image(admin_client, article, image_bytes(1001, 1000))
    assert "The image has more than 1 megapixels." in response.text
    article.refresh_from_db()
    assert not article.image


@pytest.mark.parametrize("kind", ["news:feed-rss", "news:feed-atom"])
def test_lead_image_is_a_feed_enclosure(admin_client, make_article, kind):
    article = make_article()
    post_image(admin_client, article, image_bytes(800, 600, "PNG"), name="chart.png")
    article.refresh_from_db()
    [enclosure] = feedparser.parse(admin_client.get(reverse(kind)).content).entries[0].enclosures
    assert enclosure.href == f"http://testserver{article.image.url}"
    assert enclosure.type == "image/png"
    assert int(enclosure.length) == article.image.size > 0


def test_image_needs_alt_text(admin_client, make_article):
    article = make_article()
    response = post_image(admin_client, article, image_bytes(), image_alt="")
    assert "Describe the image for readers who cannot see it." in response.text
    article.refresh_from_db()
    assert not article.image


@pytest.mark.parametrize(
    "name,content,message",
    [
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "Upload a valid image",
        ),
        (
            "page.jpg",
            b"<!DOCTYPE html><html><script>alert(1)</script></html>",
            "Upload a valid image",
        ),
        ("truncated.jpg", image_bytes()[:2000], "not a readable image"),
        ("animation.gif", image_bytes(10, 10, "GIF"), "Images must be JPEG, PNG or WebP"),
    ],
)
def test_bad_image_is_refused_and_nothing_saved(admin_client, make_article, name, content, message):
    article = make_article(title="Untouched")
    response = post_image(admin_client, article, content, name=name, title="Changed")
    assert response.status_code == 200
    assert message in response.text
    article.refresh_from_db()
    assert article.title == "Untouched" and not article.image


def test_oversized_image_is_refused(admin_client, make_article, settings):
    settings.NEWS_MAX_IMAGE_MB = 0
    response = post_image(admin_client, make_article(), image_bytes())
    assert "the largest allowed is" in response.text


@pytest.mark.parametrize("fields", [None, ["title"]], ids=["whole", "some fields"])
def test_size_of_a_photo_stored_before_sizes_were_kept_is_saved_at_its_next_save(
    make_article, fields
):
    article = make_article(image=SimpleUploadedFile("photo.jpg", image_bytes()), image_alt="A")
    Article.objects.filter(pk=article.pk).update(image_size=None)
    article.refresh_from_db()
    article.title = "Edited"
    article.save(update_fields=fields)
    article.refresh_from_db()
    assert article.image_size == article.image.size > 0

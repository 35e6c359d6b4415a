"""A photo stored outside the admin (a shell, a script) is published like an upload, and public
pages never read a photo's file to show it: one whose file is lost takes no page down."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import ExifTags, Image

from news import workflow
from news.models import Article
from tests.news.uploads_support import image_bytes, image_files, stored

pytestmark = pytest.mark.django_db


def phone_photo(width=2000, height=1200):
    """A photo that names the phone it was taken with."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Agency phone"
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 61, 110)).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def stored_by_a_script(article, content):
    article.image.save("photo.jpg", ContentFile(content), save=False)
    article.image_alt = "The chairman at the exhibition"
    article.save()
    return Article.objects.get(pk=article.pk)


def test_a_photo_stored_by_a_script_is_published_like_an_upload(make_article):
    article = stored_by_a_script(make_article(), phone_photo())
    assert (article.image_width, article.image_height) == (2000, 1200)
    assert article.image_size == default_storage.size(article.image.name)
    assert len(image_files(article)) == 4 and all(map(stored, image_files(article)))
    with default_storage.open(article.image.name) as published, Image.open(published) as image:
        assert ExifTags.Base.Make not in image.getexif()


def test_a_photo_assigned_by_name_to_a_new_article_is_published_too(make_article):
    name = default_storage.save("imported/photo.jpg", ContentFile(image_bytes(1200, 800)))
    article = make_article(image=name, image_alt="The chairman at the exhibition")
    article = Article.objects.get(pk=article.pk)
    assert (article.image_width, article.image_height) == (1200, 800)
    assert all(map(stored, image_files(article)))


def test_a_photo_kept_by_an_edit_is_not_published_again(make_article):
    article = stored_by_a_script(make_article(), image_bytes())
    files = image_files(article)
    article.title = "Edited"
    article.save()
    article = Article.objects.get(pk=article.pk)
    assert image_files(article) == files


PUBLIC_PAGES = [
    ("home", {}),
    ("news:list", {}),
    ("news:feed-rss", {}),
    ("news:feed-atom", {}),
    ("sitemap", {}),
]


@pytest.fixture
def photo_lost_before_its_dimensions_were_kept(make_article):
    """As the bug left it: stored without width and height, then the file lost (a database
    restored without its media)."""
    article = stored_by_a_script(make_article(title="Exhibition opened"), image_bytes())
    Article.objects.filter(pk=article.pk).update(image_width=None, image_height=None)
    for name in image_files(article):
        default_storage.delete(name)
    return article


@pytest.mark.parametrize("page", PUBLIC_PAGES, ids=[name for name, _ in PUBLIC_PAGES])
def test_public_pages_never_read_a_photos_file(
    client, photo_lost_before_its_dimensions_were_kept, page, uncached
):
    name, kwargs = page
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200


def test_pages_show_a_photo_without_dimensions_without_reading_it(
    client, photo_lost_before_its_dimensions_were_kept, uncached
):
    article = photo_lost_before_its_dimensions_were_kept
    for url in (article.get_absolute_url(), reverse("news:search") + "?q=exhibition"):
        response = client.get(url)
        assert response.status_code == 200
        assert f'src="{article.image.url}"' in response.text
        assert 'width="None"' not in response.text and "Nonew" not in response.text


def test_a_photo_stored_without_dimensions_gets_them_at_its_next_save(make_article, publisher):
    article = stored_by_a_script(make_article(), image_bytes(1200, 800))
    Article.objects.filter(pk=article.pk).update(image_width=None, image_size=None)
    workflow.return_to_draft(Article.objects.get(pk=article.pk), publisher)
    article = Article.objects.get(pk=article.pk)
    assert (article.image_width, article.image_height) == (1200, 800)
    assert article.image_size == default_storage.size(article.image.name)


def test_an_article_whose_photo_was_lost_unmeasured_can_still_be_saved(
    photo_lost_before_its_dimensions_were_kept, publisher, caplog
):
    article = Article.objects.get(pk=photo_lost_before_its_dimensions_were_kept.pk)
    workflow.return_to_draft(article, publisher)
    article = Article.objects.get(pk=article.pk)
    assert article.status == Article.Status.DRAFT
    assert article.image and article.image_width is None
    assert "to measure it" in caplog.text

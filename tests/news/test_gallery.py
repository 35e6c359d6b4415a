"""An article's gallery: photos uploaded through the admin's real form, checked, published and
copied as the lead image is, shown under the text in their order, and changed on a live article
only with a change note."""

import json
import os
import re
from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from news import renditions
from news.models import Article, ArticlePhoto
from news.translating import translate
from tests.news.browser_form import article_form
from tests.news.uploads_support import (
    change_url,
    image_bytes,
    photo,
    photo_rows,
    post_photos,
    stored,
)

pytestmark = pytest.mark.django_db


def gallery_files(article):
    """Each photo's file and its copies, as stored."""
    return [
        name
        for photo in article.photos.all()
        for name in [
            photo.image.name,
            *(unquote(url.removeprefix("/media/")) for url, _ in photo.image_sources),
        ]
    ]


def files_under(folder):
    return [os.path.join(root, name) for root, _, names in os.walk(folder) for name in names]


def test_photos_are_published_with_their_copies_and_measured(admin_client, make_article):
    article = make_article()
    response = post_photos(
        admin_client,
        article,
        photo("plant.jpeg", width=2000, height=1200),
        photo("diploma.png", alt="A diploma", width=900, height=1200),
    )
    assert response.status_code == 302
    plant, diploma = article.photos.all()
    assert plant.image.name.endswith("/plant.jpg")
    assert (plant.image_width, plant.image_height) == (2000, 1200)
    assert plant.image_size == plant.image.size
    assert [width for _, width in plant.image_sources] == [480, 960, 1600]
    # Narrower than the widest copy: the original itself is the widest source.
    assert [width for _, width in diploma.image_sources] == [480, 900]
    assert all(map(stored, gallery_files(article)))


@pytest.mark.parametrize(
    "content,message",
    [
        (b"<html><script>alert(1)</script></html>", "Upload a valid image."),
        (image_bytes(image_format="GIF"), "Images must be JPEG, PNG or WebP; this one is GIF."),
    ],
)
def test_a_file_that_is_no_photo_is_a_form_error_and_nothing_is_stored(
    admin_client, make_article, settings, content, message
):
    article = make_article(title="Untouched")
    bad = (SimpleUploadedFile("photo.jpg", content), "Not a photo", "", "", 1)
    response = post_photos(admin_client, article, photo(), bad, title="Changed")
    assert response.status_code == 200
    assert message in response.text
    assert not ArticlePhoto.objects.exists()
    assert Article.objects.get().title == "Untouched"
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_photo_needs_its_alt_text(admin_client, make_article):
    article = make_article()
    response = post_photos(admin_client, article, photo(alt=""))
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not ArticlePhoto.objects.exists()
    with pytest.raises(IntegrityError):
        ArticlePhoto.objects.create(
            article=article, image=ContentFile(image_bytes(), name="p.jpg"), alt=""
        )


@pytest.mark.django_db(transaction=True)
def test_a_failed_save_leaves_no_photo_and_no_file(
    admin_client, make_article, settings, monkeypatch
):
    made, make = [], renditions.make_renditions

    def disk_full_at_the_second(field_file):
        made.append(field_file.name)
        if len(made) == 2:
            raise OSError(28, "No space left on device")
        make(field_file)

    monkeypatch.setattr(renditions, "make_renditions", disk_full_at_the_second)
    article = make_article()
    response = post_photos(admin_client, article, photo(), photo("diploma.png"))
    assert response.status_code == 200
    assert "could not be stored (No space left on device)" in response.text
    assert len(made) == 2  # the first photo and its copies, and the second, were stored
    assert not ArticlePhoto.objects.exists()
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_removed_photo_takes_its_files_with_it(
    admin_client, make_article, django_capture_on_commit_callbacks
):
    article = make_article(status=Article.Status.DRAFT)
    post_photos(admin_client, article, photo(), photo("diploma.png"))
    kept, removed = article.photos.all()
    removed_files = gallery_files(article)[len(gallery_files(article)) // 2 :]
    data = article_form(admin_client, change_url(article)) | {"photos-1-DELETE": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(change_url(article), data).status_code == 302
    assert list(article.photos.all()) == [kept]
    assert removed_files and not any(map(stored, removed_files))
    assert all(map(stored, gallery_files(article)))
    files = gallery_files(article)
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert not any(map(stored, files))


def test_photos_are_shown_under_the_text_in_their_order(admin_client, client, make_article):
    article = make_article(body="<p>The exhibition is open.</p>")
    post_photos(
        admin_client,
        article,
        photo("second.jpg", alt="The second photo", caption="Guests", credit="BelTA", position=2),
        photo("first.jpg", alt="The first photo", caption="The chairman", position=1),
    )
    page = client.get(article.get_absolute_url()).text
    gallery = page[page.index('<section class="gallery"') :]
    assert page.index("The exhibition is open.") < page.index('<section class="gallery"')
    first, second = article.photos.all()
    assert gallery.index('alt="The first photo"') < gallery.index('alt="The second photo"')
    assert f'srcset="{second.image_srcset}"' in gallery
    assert 'loading="lazy"' in gallery
    assert re.search(
        r'<figcaption>\s*<span class="caption">Guests</span>\s*'
        r'<span class="credit">Photo: BelTA</span>',
        gallery,
    )
    assert f'<a href="{first.image.url}" type="image/jpeg">Full-size photo' in gallery


def test_an_article_without_photos_has_no_gallery(client, make_article):
    assert 'class="gallery"' not in client.get(make_article().get_absolute_url()).text


def test_structured_data_lists_the_gallery(admin_client, client, make_article):
    article = make_article()
    post_photos(admin_client, article, photo())
    page = client.get(article.get_absolute_url()).text
    data = json.loads(re.search(r'"application/ld\+json">(.*?)</script>', page, re.S)[1])
    assert data["image"] == [f"http://testserver{article.photos.get().image.url}"]


def test_photos_of_a_live_article_change_only_with_a_change_note(admin_client, make_article):
    article = make_article()
    refused = post_photos(admin_client, article, photo(), minor_edit="")
    assert refused.status_code == 200
    assert "describe the change to its photos in the change note" in refused.text
    assert not ArticlePhoto.objects.exists()
    note = "Photos of the exhibition added."
    saved = post_photos(admin_client, article, photo(), minor_edit="", change_note=note)
    assert saved.status_code == 302
    assert article.photos.count() == 1
    assert list(article.change_notes.values_list("note", flat=True)) == [note]
    caption = article_form(admin_client, change_url(article)) | {"photos-0-caption": "Guests"}
    assert admin_client.post(change_url(article), caption).status_code == 200


def test_photos_of_a_draft_change_freely(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT)
    assert post_photos(editor_client, article, photo(), minor_edit="").status_code == 302
    assert article.photos.count() == 1


def test_an_editor_cannot_add_photos_to_a_live_article(editor_client, make_article):
    article = make_article()
    data = photo_rows(photo()) | {"photos-INITIAL_FORMS": "0", "change_note": "Photos."}
    editor_client.post(change_url(article), article_form(editor_client, change_url(article)) | data)
    assert not ArticlePhoto.objects.exists()


def test_a_translation_starts_with_copies_of_the_gallery(admin_client, admin_user, make_article):
    original = make_article()
    post_photos(admin_client, original, photo(caption="Guests", credit="BelTA", position=3))
    draft = translate(original, "ru", admin_user)
    (copy,) = draft.photos.all()
    source = original.photos.get()
    assert (copy.alt, copy.caption, copy.credit, copy.position) == (
        "A production line",
        "Guests",
        "BelTA",
        3,
    )
    assert copy.image.name != source.image.name
    assert all(map(stored, gallery_files(draft)))


def test_a_photo_added_outside_the_admin_is_on_the_next_page(
    client, make_article, django_capture_on_commit_callbacks
):
    article = make_article()
    assert 'class="gallery"' not in client.get(article.get_absolute_url()).text  # now kept
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePhoto.objects.create(
            article=article, image=ContentFile(image_bytes(), name="p.jpg"), alt="A photo"
        )
    assert 'alt="A photo"' in client.get(article.get_absolute_url()).text

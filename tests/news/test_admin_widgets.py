"""The article's admin form shows stored photos as thumbnails, and runs its body editor without
inline styles, taller than the lead."""

import json
import re
from html import unescape
from pathlib import Path

import pytest
from django.templatetags.static import static

from tests.news.uploads_support import change_url, image_bytes, photo, post_image, post_photos

pytestmark = pytest.mark.django_db

EDITOR_CONFIG = re.compile(r'data-django-prose-editor-configurable="([^"]*)"')
PACKAGE = Path(__import__("django_prose_editor").__file__).parent / "static" / "django_prose_editor"
PROJECT = Path(__file__).resolve().parents[2]


def test_a_stored_lead_image_is_a_thumbnail_with_its_name_linked_to_the_full_image(
    admin_client, make_article
):
    article = make_article()
    post_image(admin_client, article, image_bytes(2000, 1200), name="exhibition.jpg")
    article.refresh_from_db()
    page = admin_client.get(change_url(article)).text
    smallest = article.image_sources[0][0]
    assert smallest.endswith("/exhibition-480w.webp")
    assert (
        f'<a href="{article.image.url}"><img src="{smallest}" alt="" width="160" height="96" '
        'class="photo-thumbnail">exhibition.jpg</a>'
    ) in page
    assert f">{article.image.name}<" not in page  # not the path in the storage


def test_gallery_photos_are_thumbnails_too(admin_client, make_article):
    article = make_article()
    post_photos(
        admin_client, article, photo("small.png", width=300, height=400, image_format="PNG")
    )
    small = article.photos.get()
    page = admin_client.get(change_url(article)).text
    # Narrower than any copy: the photo itself, within the thumbnail's box.
    assert (
        f'<a href="{small.image.url}"><img src="{small.image.url}" alt="" width="90" '
        'height="120" class="photo-thumbnail">small.png</a>'
    ) in page


def test_body_editor_takes_tiptaps_styles_from_a_stylesheet(admin_client, make_article):
    page = admin_client.get(change_url(make_article())).text
    config = json.loads(unescape(EDITOR_CONFIG.search(page)[1]))
    assert config["extensions"]["StylesheetOnly"] is True
    assert static("news/editor/stylesheet.js") in config["js_modules"]
    for stylesheet in ("tiptap.css", "editor.css", "language.css"):
        assert f'href="{static(f"news/editor/{stylesheet}")}"' in page


def test_the_stylesheet_holds_the_styles_tiptap_would_inject():
    """Compared with the bundle at each upgrade of django-prose-editor: a rule changed fails."""
    ours = (PROJECT / "news/static/news/editor/tiptap.css").read_text()
    rules = ours[ours.index("*/") + 2 :].strip()
    assert rules and rules in (PACKAGE / "editor.js").read_text()

"""Photos in a real browser: added to an article's gallery on its admin form (whose body editor
is tall and breaks no Content-Security-Policy), shown there as thumbnails, and on the article
under its text, in order, accessible, and gone with the low-vision version's images."""

import io
import os

import pytest
from django.conf import settings
from django.urls import reverse
from PIL import Image

from news.models import Article

from . import conftest as browser_tests
from .test_admin_editor import in_chromium

PHOTOS = [
    ("plant.jpg", "An assembly line at the plant", "The new line", "BelTA"),
    ("diploma.png", "A diploma in a frame", "", "Press office"),
]
# What a phone, then a desktop, shows of the gallery (the phone's screenshots are looked at).
SCREENS = {"phone": 375, "desktop": 1280}


def picture(name, width, height):
    buffer = io.BytesIO()
    kind = "PNG" if name.endswith(".png") else "JPEG"
    Image.linear_gradient("L").resize((width, height)).convert("RGB").save(buffer, kind)
    return {"name": name, "mimeType": f"image/{kind.lower()}", "buffer": buffer.getvalue()}


def add_two_photos_and_save(page):
    from playwright.sync_api import expect

    editor = page.locator(".prose-editor .ProseMirror[contenteditable]")
    lead = page.locator("#id_lead")
    heights = (editor.bounding_box()["height"], lead.bounding_box()["height"])
    resize = editor.evaluate("element => getComputedStyle(element).resize")

    add = page.get_by_role("button", name="Add another Gallery photo")
    for index, (name, alt, caption, credit) in enumerate(PHOTOS):
        add.click()
        row = f"#id_photos-{index}-"
        page.set_input_files(f"{row}image", picture(name, 1800 - 600 * index, 1200))
        page.fill(f"{row}alt", alt)
        page.fill(f"{row}caption", caption)
        page.fill(f"{row}credit", credit)
        page.fill(f"{row}position", str(index))
    page.fill("#id_change_note", "Photos of the new line added.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    thumbnails = page.locator("#photos-group img.photo-thumbnail")
    expect(thumbnails).to_have_count(2)
    assert thumbnails.evaluate_all("images => images.every(image => image.naturalWidth > 0)")
    return {"problems": page.problems, "heights": heights, "resize": resize}


def gallery_as_readers_see_it(page, site, address):
    from playwright.sync_api import expect

    shown = {}
    for width_name, width in SCREENS.items():
        context = page.context.browser.new_context(
            viewport={"width": width, "height": 900}, bypass_csp=True
        )
        reader = context.new_page()
        source = reader.goto(site + address).text()
        gallery = reader.locator(".gallery")
        gallery.scroll_into_view_if_needed()
        images = gallery.locator("img")
        expect(images).to_have_count(2)
        images.evaluate_all("images => Promise.all(images.map(image => image.decode()))")
        browser_tests.screenshot(reader, f"gallery-{width_name}")
        shown[width_name] = {
            "alts": images.evaluate_all("images => images.map(image => image.alt)"),
            "fits": reader.evaluate("document.documentElement.scrollWidth <= innerWidth"),
            "axe": browser_tests.axe_violations(reader),
        }
        context.add_cookies([{"name": "low_vision", "value": "images=hidden", "url": site}])
        reader.reload()
        shown[width_name]["hidden"] = gallery.is_hidden()
        context.close()
    shown["html errors"] = browser_tests.html_errors(source)
    return shown


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_photos_added_in_the_admin_are_shown_under_the_text(site, client, admin_user, make_article):
    if reason := browser_tests._missing():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here, but {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    client.force_login(admin_user)
    article = make_article(body="<p>The plant opened a new line.</p>")
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    address = article.get_absolute_url()

    def scenario(page):
        return add_two_photos_and_save(page) | {
            "readers": gallery_as_readers_see_it(page, site, address)
        }

    result = in_chromium(
        scenario, site, reverse("admin:news_article_change", args=[article.pk]), session
    )
    assert result["problems"] == []  # the editor's inline style among them
    editor_height, lead_height = result["heights"]
    assert editor_height >= 400 and editor_height > 2 * lead_height
    assert result["resize"] == "vertical"
    assert [photo.alt for photo in Article.objects.get().photos.all()] == [
        alt for _, alt, _, _ in PHOTOS
    ]
    readers = result["readers"]
    assert readers.pop("html errors") == ""
    for shown in readers.values():
        assert shown["alts"] == [alt for _, alt, _, _ in PHOTOS]
        assert shown["fits"] and shown["axe"] == []
        assert shown["hidden"]

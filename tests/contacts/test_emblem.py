"""The agency's emblem: uploaded on the agency's record, checked as every image is, drawn formats
only (PNG, WebP), shown in the header beside the name and named to search engines."""

import io
import json
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from contacts.models import Agency
from tests.news.browser_form import form_values

pytestmark = pytest.mark.django_db

CHANGE_URL = reverse("admin:contacts_agency_change")
NEITHER = "The emblem must be a PNG or WebP image, and this file is neither (an SVG drawing is not"


def emblem_bytes(image_format="PNG", size=(240, 200)):
    """A drawn emblem: transparent around a coloured disc (JPEG has no transparency)."""
    mode = "RGB" if image_format == "JPEG" else "RGBA"
    image = Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else (255, 255, 255))
    image.paste((200, 160, 40), (40, 20, 200, 180))
    buffer = io.BytesIO()
    image.save(buffer, image_format)
    return buffer.getvalue()


def post_emblem(client, content, name="emblem.png"):
    data = form_values(client.get(CHANGE_URL).text, "agency_form")
    return client.post(CHANGE_URL, data | {"emblem": SimpleUploadedFile(name, content)})


def stored_files():
    try:
        folders = default_storage.listdir("contacts/emblem")[0]
    except FileNotFoundError:
        return []
    found = []
    for year in folders:
        for month in default_storage.listdir(f"contacts/emblem/{year}")[0]:
            for folder in default_storage.listdir(f"contacts/emblem/{year}/{month}")[0]:
                path = f"contacts/emblem/{year}/{month}/{folder}"
                found += [f"{path}/{name}" for name in default_storage.listdir(path)[1]]
    return found


# Named as the other: the file is judged, and named, by what it is.
@pytest.mark.parametrize(
    "image_format,name,extension", [("PNG", "emblem.webp", "png"), ("WEBP", "emblem.png", "webp")]
)
def test_an_emblem_is_shown_in_the_header_beside_the_name(
    admin_client, client, demo_contacts, image_format, name, extension
):
    client.get(reverse("home"))  # the header is now kept
    response = post_emblem(admin_client, emblem_bytes(image_format), name)
    assert response.status_code == 302
    agency = Agency.get_solo()
    # Stored under the extension of what it is, with its size.
    assert agency.emblem.name.endswith(f"/emblem.{extension}")
    assert (agency.emblem_width, agency.emblem_height) == (240, 200)
    header = client.get(reverse("home")).text.split("</header>", 1)[0]
    image = (
        f'<img class="site-name__emblem" src="{agency.emblem.url}" alt="" width="240" height="200">'
    )
    assert image in header
    # Decorative: the name beside it, in the same link, says what it stands for.
    link = re.search(r'<a class="site-name" href="/en/">(.*?)</a>', header, re.DOTALL).group(1)
    assert image in link and "State Committee for Science and Technology" in link


def test_without_an_emblem_the_header_shows_the_name_alone(client, demo_contacts):
    assert "site-name__emblem" not in client.get(reverse("home")).text


def test_the_emblem_is_named_to_search_engines_as_the_logo(admin_client, client, demo_contacts):
    post_emblem(admin_client, emblem_bytes())
    page = client.get(reverse("contacts:index")).text
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)
    assert json.loads(payload)["logo"] == f"http://testserver{Agency.get_solo().emblem.url}"


def test_the_admin_shows_the_emblem(admin_client, demo_contacts):
    page = admin_client.get(CHANGE_URL).text
    assert "No emblem: the header shows the name alone." in page
    assert 'accept="image/png,image/webp"' in page
    post_emblem(admin_client, emblem_bytes())
    page = admin_client.get(CHANGE_URL).text
    assert f'<img src="{Agency.get_solo().emblem.url}" alt="" height="64">' in page


@pytest.mark.parametrize(
    "content,name,message",
    [
        (emblem_bytes("JPEG"), "emblem.png", "The emblem must be a PNG or WebP image; this one is"),
        # What Pillow cannot open: the SVG an emblem is most often drawn in, junk, a cut file.
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "emblem.svg", NEITHER),
        (b"GIF89a not really", "emblem.png", NEITHER),
        (emblem_bytes()[:200], "emblem.png", NEITHER),
    ],
    ids=["jpeg", "svg", "junk", "truncated"],
)
def test_an_emblem_that_is_no_png_or_webp_is_a_form_error(
    admin_client, demo_contacts, content, name, message
):
    response = post_emblem(admin_client, content, name)
    assert response.status_code == 200
    assert message in response.text
    assert not Agency.get_solo().emblem
    assert stored_files() == []


def test_an_emblem_is_published_without_its_metadata(admin_client, demo_contacts):
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Someone's workstation")
    buffer = io.BytesIO()
    Image.new("RGBA", (64, 64), (200, 160, 40, 255)).save(buffer, "PNG", pnginfo=text)
    post_emblem(admin_client, buffer.getvalue())
    with Agency.get_solo().emblem.open("rb") as stored, Image.open(stored) as image:
        assert "Author" not in image.info


@pytest.mark.django_db(transaction=True)
def test_a_replaced_emblem_leaves_no_file_behind(admin_client, demo_contacts):
    post_emblem(admin_client, emblem_bytes())
    first = Agency.get_solo().emblem.name
    post_emblem(admin_client, emblem_bytes("WEBP"))
    second = Agency.get_solo().emblem.name
    assert stored_files() == [second] and first != second


@pytest.mark.parametrize(
    "size,message",
    [
        ((65000, 1), "at most 1000 × 1000 pixels."),
        ((1400, 1400), "at most 1000 × 1000 pixels."),
        ((900, 200), "at most four times as long as it is wide; this one is 900 × 200 pixels."),
        ((40, 200), "at most four times as long as it is wide; this one is 40 × 200 pixels."),
    ],
)
def test_a_strip_or_a_poster_is_no_emblem(admin_client, demo_contacts, size, message):
    response = post_emblem(admin_client, emblem_bytes(size=size))
    assert response.status_code == 200
    assert message in response.text
    assert not Agency.get_solo().emblem


def test_a_gif_emblem_is_told_the_emblems_formats(admin_client, demo_contacts):
    response = post_emblem(admin_client, emblem_bytes("GIF"), name="emblem.gif")
    assert "The emblem must be a PNG or WebP image; this one is GIF." in response.text
    assert "JPEG" not in response.text.split("errorlist")[1].split("</ul>")[0]
    assert not Agency.get_solo().emblem

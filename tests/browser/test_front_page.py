"""The reader's first screen on a phone, and the pages of the front-page work (home, an article,
contacts, subscribe) in a real browser: the top story's headline is on the first screen at
375 × 667 in every language; no page scrolls sideways at 320, 375 or 1280 px; axe finds nothing."""

import datetime
import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from contacts import demo as contacts_demo
from contacts.models import Agency
from news import demo as news_demo
from news.models import Article, Topic

from .conftest import axe_violations, html_errors_in, screenshot
from .test_pages import illustrate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PHONE = {"width": 375, "height": 667}
PAGES = {
    "home": "/{language}/",
    "article": "{lead}",
    "contacts": "/{language}/contacts/",
    "subscribe": "/{language}/news/subscribe/",
}
LOW_VISION = {"name": "low_vision", "value": "size=larger.contrast=high.images=shown.spacing=wide"}
FITS = "document.documentElement.scrollWidth <= window.innerWidth"
WIDTHS = (320, 375, 1280)


def emblem():
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    image.paste((200, 160, 40, 255), (20, 20, 180, 180))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile("emblem.png", buffer.getvalue())


@pytest.fixture
def leads(db):
    """The demo's contacts and its release, the lead story in each language with a photo, older
    releases below it, the agency's emblem in the header: each lead's address, by language."""
    contacts_demo.load()
    news_demo.load()
    agency = Agency.get_solo()
    agency.emblem = emblem()
    agency.save()
    topic = Topic.objects.get(slug="innovation")
    seed = Article.objects.get(slug=news_demo.SEED_ARTICLE["slug"])
    addresses = {}
    for language in LANGUAGES:
        lead = Article.objects.get(translation_key=seed.translation_key, language=language)
        lead.pub_date = timezone.now() - datetime.timedelta(hours=1)
        illustrate(lead)
        for number in range(3):
            Article.objects.create(
                language=language,
                title=f"{lead.title} ({number})",
                slug=f"earlier-{language}-{number}",
                lead=lead.lead,
                body="<p>…</p>",
                status=Article.Status.PUBLISHED,
                pub_date=timezone.now() - datetime.timedelta(days=number + 1),
            ).topics.add(topic)
        addresses[language] = lead.get_absolute_url()
    return addresses


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_top_storys_headline_is_on_a_phones_first_screen(site, leads, open_page, language):
    page = open_page(PHONE["width"])
    page.set_viewport_size(PHONE)
    page.goto(f"{site}/{language}/")
    screenshot(page, f"front-first-screen-{language}")
    headline = page.locator(".lead-story__title")
    assert headline.locator("a").get_attribute("href") == leads[language]
    box = headline.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    # The site's name and the navigation are on it too, above the story.
    for selector in (".site-name", ".main-nav nav"):
        top = page.locator(selector).bounding_box()
        assert top["y"] + top["height"] <= box["y"]
    # Everything above the page's own content takes at most half the screen (it took 63%).
    assert page.locator("main").bounding_box()["y"] <= PHONE["height"] / 2


@pytest.mark.parametrize("low_vision", [False, True], ids=["standard", "low-vision"])
@pytest.mark.parametrize("page_name", PAGES)
def test_the_page_fits_each_screen_and_is_accessible(site, leads, open_page, page_name, low_vision):
    page = open_page(WIDTHS[0])
    if low_vision:
        page.context.add_cookies([LOW_VISION | {"url": site}])
    for language in LANGUAGES:
        address = PAGES[page_name].format(language=language, lead=leads[language])
        assert page.goto(site + address).status == 200
        # The same page, resized: what the layout shows changes with the width.
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            if language == "en":
                screenshot(page, f"front-{page_name}-{width}{'-low-vision' if low_vision else ''}")
            assert page.evaluate(FITS), (language, width)
            assert axe_violations(page) == [], (language, width)


def test_the_pages_are_valid_html(site, leads, open_page):
    page = open_page(WIDTHS[-1])
    sources = {
        f"{name}-{language}": page.goto(
            site + address.format(language=language, lead=leads[language])
        ).text()
        for name, address in PAGES.items()
        for language in LANGUAGES
    }
    assert html_errors_in(sources) == ""

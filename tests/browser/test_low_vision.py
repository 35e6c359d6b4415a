"""The version for the visually impaired in a real browser: every text grows with the size the
reader chose, no page scrolls sideways, every page stays accessible, at every setting that
changes the layout or the colours, on the narrowest phone, a common one and a desktop; and the
settings stay out of the way until asked for.

One browser context for the whole matrix: each page is loaded once per setting and measured at
every width by resizing the window, as a reader turning a tablet would.
"""

import datetime
import itertools

import pytest

from contacts import demo as contacts_demo
from core.low_vision import COOKIE, SETTINGS_ANCHOR
from news import demo as news_demo
from news.models import Article, ChangeNote

from .conftest import axe_violations, screenshot
from .test_pages import fill_the_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTHS = (320, 375, 1280)
SIZES = ("normal", "large", "larger")
# Each size with each colour scheme; wide spacing and hidden images each with every size too.
SETTINGS = [None] + [
    f"size={size}.contrast={contrast}"
    f".images={'hidden' if contrast == 'blue' else 'shown'}"
    f".spacing={'wide' if contrast == 'high' else 'normal'}"
    for size, contrast in itertools.product(SIZES, ("standard", "high", "blue"))
]
PAGES = {
    "home": "/ru/",
    "news-list": "/en/news/",
    "article": None,  # the illustrated seed article
    "contacts": "/be/contacts/",
    "reception": "/ru/contacts/reception/",
    "appeals": "/be/contacts/appeals/",
    "subscribe": "/en/news/subscribe/",
    "search": "/en/news/search/?q=innovation+programme",
}
# Text that must grow with the size: (name, selector); the first match on the page is measured.
MEASURED = {
    "body text": "body",
    "heading": "h1",
    "list title": ".article-summary__title",
    "search box": "input[type=search]:not([hidden])",
    "small text": ".breadcrumbs",
}
FONT_SIZES = """(selectors) => Object.fromEntries(Object.entries(selectors).map(([name, css]) => {
    const shown = [...document.querySelectorAll(css)].find(e => e.getClientRects().length);
    return [name, shown ? parseFloat(getComputedStyle(shown).fontSize) : null];
}))"""


@pytest.fixture
def demo(db):
    """The demo's contacts and articles; the address of the seed article."""
    contacts_demo.load()
    news_demo.load_seed()
    return Article.objects.get(slug=news_demo.SEED_ARTICLE["slug"]).get_absolute_url()


@pytest.fixture
def content(db):
    """A page of each kind as full as they come: a dozen articles to list and find, the seed article
    with a photo, its caption and credit, a document, a topic and a change note."""
    seed = fill_the_site()
    seed.revised_at = seed.pub_date + datetime.timedelta(days=1)
    seed.save()
    ChangeNote.objects.create(article=seed, note="The export share was corrected.")
    return seed.get_absolute_url()


def choose(page, site, setting):
    page.context.clear_cookies()
    if setting:
        page.context.add_cookies([{"name": COOKIE, "value": setting, "url": site}])


def test_every_setting_fits_every_screen_and_stays_accessible(site, content, open_page):
    page = open_page(WIDTHS[0])
    problems, sizes = [], {}
    for setting, (name, path) in itertools.product(SETTINGS, PAGES.items()):
        choose(page, site, setting)
        page.goto(site + (path or content))
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            where = f"{name} at {width} px with {setting or 'the standard version'}"
            if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
                problems.append(f"{where}: scrolls sideways")
            if violations := axe_violations(page):
                problems.append(f"{where}: {violations}")
            measured = page.evaluate(FONT_SIZES, MEASURED)
            if measured["heading"] < measured["body text"]:
                problems.append(f"{where}: the heading is smaller than the text")
            if setting:
                size = setting.split(".")[0].removeprefix("size=")
                sizes.setdefault((name, width, setting.partition(".")[2]), {})[size] = measured
        if setting and "size=larger.contrast=high" in setting:
            screenshot(page, f"low-vision-{name}-larger-high-{WIDTHS[-1]}")
    for (name, width, rest), by_size in sizes.items():
        for text in MEASURED:
            grown = [by_size[size][text] for size in SIZES]
            if grown[0] is not None and not grown[0] < grown[1] < grown[2]:
                problems.append(f"{name} at {width} px with {rest}: {text} {grown} does not grow")
    assert problems == [], "\n".join(problems)


def panel(page):
    return page.locator("details.lv-panel__settings")


def test_settings_are_collapsed_until_asked_for_and_open_while_choosing(site, demo, open_page):
    page = open_page(375, java_script_enabled=False)
    page.goto(site + "/en/news/")
    assert panel(page).count() == 0  # the standard version offers the switch only
    page.get_by_role("link", name="Version for the visually impaired").click()
    # Just switched on: the settings are open, to choose from.
    assert page.url == f"{site}/en/news/#{SETTINGS_ANCHOR}"
    assert panel(page).evaluate("details => details.open")
    assert page.evaluate("scrollY") == 0  # the fragment opens the panel, not a scroll

    page.goto(site + demo)  # reading: the page comes first, the settings folded away
    assert not panel(page).evaluate("details => details.open")
    assert panel(page).evaluate("details => details.getBoundingClientRect().height") < 100
    assert not page.get_by_role("link", name="Very large").is_visible()
    page.get_by_text("Display settings").click()
    page.get_by_role("link", name="Very large").click()
    assert page.url == f"{site}{demo}#{SETTINGS_ANCHOR}"
    assert "lv-size-larger" in page.evaluate("document.documentElement.className")
    assert page.get_by_role("link", name="Very large").get_attribute("aria-current") == "true"
    page.get_by_role("link", name="Hidden").click()  # still open: the next choice is one click
    classes = page.evaluate("document.documentElement.className")
    assert "lv-size-larger" in classes and "lv-images-hidden" in classes

    page.get_by_role("link", name="Standard version of the site").click()
    assert page.url == f"{site}{demo}"
    assert page.evaluate("document.documentElement.className") == ""


def test_settings_open_and_close_from_the_keyboard(site, demo, open_page):
    page = open_page(375)
    choose(page, site, "size=larger.contrast=high.images=shown.spacing=wide")
    page.goto(site + "/en/contacts/")
    summary = page.locator(".lv-panel__settings summary")
    summary.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert panel(page).evaluate("details => details.open")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Normal"
    summary.focus()
    page.keyboard.press("Space")
    assert not panel(page).evaluate("details => details.open")

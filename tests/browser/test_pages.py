"""The public pages in a real browser: accessible, valid, responsive, usable by keyboard."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from contacts import demo as contacts_demo
from news import demo as news_demo
from news.models import Article, Topic

from .conftest import WIDTHS, axe_violations, html_errors, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = {
    "home": "/",
    "news-list": "/en/news/",
    "article": None,  # the seed article's address
    "contacts": "/en/contacts/",
    "search": "/en/news/search/?q=innovation+programme",
    "topics": "/en/news/topics/",
    "topic": "/en/news/topics/innovation/",
    "not-found": "/en/news/2023/01/19/no-such-article/",
}
# Links that are not inline in text: each must be a touch target of at least 44 px.
TARGETS = ".main-nav a, .lv-panel a, .pagination a, .breadcrumbs a, .archive-nav a, .site-footer a"

VISIBLE_LINKS = """[...document.querySelectorAll("a[href]")]
    .filter(a => a.offsetParent).map(a => a.outerHTML)"""


@pytest.fixture
def content(db):
    return fill_the_site().get_absolute_url()


def fill_the_site():
    """The demo's contacts and seed, a dozen articles to list and find under a topic, and the seed
    illustrated: the seed article."""
    contacts_demo.load()
    news_demo.load_seed()
    topic = Topic.objects.get(slug="innovation")  # one of the demo's topics
    for number in range(12):
        article = Article.objects.create(
            title=f"Innovation programme update {number}",
            slug=f"innovation-update-{number}",
            lead="The committee reviewed the progress of the state innovation programme.",
            body="<p>Details of the review.</p>",
            status=Article.Status.PUBLISHED,
            pub_date=timezone.now() - datetime.timedelta(days=number + 1),
        )
        article.topics.add(topic)
    seed = Article.objects.get(slug=news_demo.SEED_ARTICLE["slug"])
    illustrate(seed)
    return seed


def illustrate(article):
    """The article as complete as they come: a photo with its caption, a document (and, from the
    demo, a topic)."""
    photo = io.BytesIO()
    Image.linear_gradient("L").resize((2000, 1200)).convert("RGB").save(photo, "JPEG")
    article.image = SimpleUploadedFile("exhibition.jpg", photo.getvalue())
    article.image_alt = "The chairman opens the exhibition of high-tech products"
    article.image_caption = "The exhibition of Belarusian high-tech products in Minsk."
    article.image_credit = "Press office"
    article.save()
    document = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    article.attachments.create(
        title="Export figures for 2022", file=SimpleUploadedFile("export.pdf", document)
    )


def address(name, article_url):
    return PAGES[name] or article_url


@pytest.mark.parametrize("width_name", WIDTHS)
@pytest.mark.parametrize("page_name", PAGES)
def test_page_is_accessible_and_fits_the_screen(site, content, open_page, page_name, width_name):
    page = open_page(WIDTHS[width_name])
    response = page.goto(site + address(page_name, content))
    assert response.status == (404 if page_name == "not-found" else 200)
    screenshot(page, f"{page_name}-{width_name}")

    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.locator("h1").count() == 1
    small = page.evaluate(
        f"""[...document.querySelectorAll("{TARGETS}")]
             .filter(a => a.offsetParent && a.getBoundingClientRect().height < 44)
             .map(a => a.textContent.trim())"""
    )
    assert small == []


def test_pages_break_no_content_security_policy(site, content, open_page):
    page = open_page(WIDTHS["desktop"], bypass_csp=False)
    problems = []
    page.on("console", lambda message: problems.append(message.text))
    for name in PAGES:
        page.goto(site + address(name, content))
    assert [text for text in problems if "Content Security Policy" in text] == []


@pytest.mark.parametrize("width_name,copy_width", [("phone", 480), ("desktop", 960)])
def test_lead_image_is_loaded_in_the_size_the_screen_needs(
    site, content, open_page, width_name, copy_width
):
    page = open_page(WIDTHS[width_name])
    page.goto(site + content)
    image = page.locator(".lead-image img")
    image.evaluate("img => img.decode()")
    assert image.evaluate("img => img.currentSrc").endswith(f"-{copy_width}w.webp")
    assert image.evaluate("img => img.naturalWidth") > 0  # loaded and decoded
    original = page.get_by_role("link", name="Full-size photo")
    photo = page.request.get(site + original.get_attribute("href"))
    assert photo.ok and photo.headers["content-type"] == "image/jpeg"


@pytest.mark.parametrize("page_name", PAGES)
def test_page_fits_the_narrowest_phone(site, content, open_page, page_name):
    page = open_page(320)
    page.goto(site + address(page_name, content))
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("page_name", PAGES)
def test_page_source_is_valid_html(site, content, open_page, page_name):
    page = open_page(WIDTHS["desktop"])
    source = page.goto(site + address(page_name, content)).text()
    assert html_errors(source) == ""


def test_keyboard_reaches_main_content_and_every_link(site, content, open_page):
    page = open_page(WIDTHS["desktop"])
    page.goto(site + "/en/news/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"

    page.goto(site + "/en/news/")
    visible_links = set(page.evaluate(VISIBLE_LINKS))
    reached = set()
    for _ in range(len(visible_links) + 5):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.outerHTML"))
    assert visible_links <= reached
    for selector in (".main-nav a", ".search-form input", ".article-summary a"):
        page.focus(selector)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus from the keyboard, so :focus-visible applies
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_article_reads_with_javascript_off(site, content, open_page):
    page = open_page(WIDTHS["phone"], java_script_enabled=False)
    page.goto(site + content)
    assert "High-tech products account" in page.locator("h1").inner_text()
    assert page.locator(".article__body p").count() == 3

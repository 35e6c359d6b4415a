"""The public pages in each of the site's languages, in a real browser: each says its language,
speaks no other (no English left on a Russian or Belarusian page), is accessible and valid, fits
the screen; and the language switcher leads to the same page in another language, or to that
language's news with a note where the page was not translated."""

import datetime
import functools
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import timezone, translation
from playwright.sync_api import expect

from contacts import demo as contacts_demo
from core.languages import NATIVE_NAMES, SHORT_NAMES
from news import demo as news_demo
from news.models import Article

from .conftest import WIDTHS, axe_violations, html_errors_in, screenshot
from .test_pages import illustrate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Each page: its address, and what shows it is that page.
PAGES = {
    "home": ("/{language}/", ".article-summary"),
    "news-list": ("/{language}/news/", ".article-summary"),
    "article": ("{seed}", ".lead-image img"),  # the seed release, translated
    "untranslated-article": ("{untranslated}", "article.article"),
    "not-translated-note": ("/{language}/news/not-translated/", ".notice[role=status]"),
    "contacts": ("/{language}/contacts/", ".schedule"),
    "search": ("/{language}/news/search/?q={word}", ".article-summary"),
    "not-found": ("/{language}/news/2023/01/19/no-such-article/", "h1"),
    "low-vision-article": ("{seed}", "html.lv-contrast-high .lead-image img"),
}
# The widths of test_pages, and the narrowest phone, where a long word is likeliest not to fit.
SCREENS = WIDTHS | {"narrowest": 320}
LOW_VISION = {"name": "low_vision", "value": "size=larger.contrast=high.images=shown.spacing=wide"}
# A word of the seed release in each language: the search must find it.
SEED_WORD = {"ru": "экспорт", "be": "экспарт", "en": "export"}
# An article written in one language only.
UNTRANSLATED = {
    "ru": {
        "title": "Совет по науке обсудил планы на 2024 год",
        "lead": "Члены совета рассмотрели проекты государственной программы.",
    },
    "be": {
        "title": "Савет па навуцы абмеркаваў планы на 2024 год",
        "lead": "Члены савета разгледзелі праекты дзяржаўнай праграмы.",
    },
    "en": {
        "title": "The science council discussed its plans for 2024",
        "lead": "The members of the council reviewed the projects of the state programme.",
    },
}
# The photo and document test_pages.illustrate() gives, described in the article's language.
ILLUSTRATION = {
    "ru": {
        "image_alt": "Председатель открывает выставку высокотехнологичной продукции",
        "image_caption": "Выставка белорусской высокотехнологичной продукции в Минске.",
        "image_credit": "Пресс-служба",
        "document": "Показатели экспорта за 2022 год",
    },
    "be": {
        "image_alt": "Старшыня адкрывае выставу высокатэхналагічнай прадукцыі",
        "image_caption": "Выстава беларускай высокатэхналагічнай прадукцыі ў Мінску.",
        "image_credit": "Прэс-служба",
        "document": "Паказчыкі экспарту за 2022 год",
    },
}

# What a reader sees and hears of the page in its own language: the text that is rendered (the
# visually hidden text for screen readers too) and the texts of attributes read aloud or shown,
# leaving out what is marked as another language (the switcher's names of the languages).
PAGE_TEXT = """language => {
    const ownLanguage = element => element.closest("[lang]").lang === language;
    const texts = [document.title, document.querySelector('meta[name="description"]').content,
        ...[...document.querySelectorAll("link[title]")].map(link => link.title)];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (element.checkVisibility() && ownLanguage(element)) texts.push(node.data);
    }
    const attributes = ["alt", "title", "aria-label", "placeholder"];
    for (const element of document.body.querySelectorAll(attributes.map(a => `[${a}]`).join())) {
        if (element.checkVisibility() && ownLanguage(element))
            texts.push(...attributes.map(name => element.getAttribute(name) || ""));
    }
    return texts.join(" ");
}"""
SKIP_LINK_BOTTOM = "document.querySelector('.skip-link').getBoundingClientRect().bottom + scrollY"
# A word with a letter that the page's language does not write: Latin in Russian or Belarusian
# (and "і", "ў" in Russian, "и", "щ", "ъ" in Belarusian: the other's text), Cyrillic in English.
FOREIGN_WORD = {
    "ru": re.compile(r"[^\W\d_]*[a-zA-ZіІўЎ][^\W\d_]*"),
    "be": re.compile(r"[^\W\d_]*[a-zA-ZиИщЩъЪ][^\W\d_]*"),
    "en": re.compile(r"[^\W\d_]*[\u0400-\u04ff][^\W\d_]*"),
}
# Names that stay in Latin letters in Russian and Belarusian text: formats.
LATIN_NAMES = {"RSS", "Atom", "JSON", "Feed", "PDF", "JPG", "vCard"}
PLACEHOLDER_OR_TAG = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]|<[^>]*>")
LATIN_WORD = re.compile(r"[a-zA-Z]+")
# An address is written as it is in every language.
E_MAIL = re.compile(r"\S+@\S+")


def version_in(article, language):
    return Article.objects.get(translation_key=article.translation_key, language=language)


@pytest.fixture
def demo(db):
    contacts_demo.load()
    news_demo.load_seed()


@pytest.fixture
def seed(demo, language):
    """The seed release in the language, with a photo and a document described in it."""
    version = version_in(Article.objects.get(slug=news_demo.SEED_ARTICLE["slug"]), language)
    illustrate(version)
    if texts := ILLUSTRATION.get(language):
        version.image_alt = texts["image_alt"]
        version.image_caption = texts["image_caption"]
        version.image_credit = texts["image_credit"]
        version.save()
        version.attachments.update(title=texts["document"])
    return version


@pytest.fixture
def untranslated(demo, language):
    """An article written in the language only."""
    return Article.objects.create(
        language=language,
        slug="science-council-plans",
        body="<p>2024.</p>",
        status=Article.Status.PUBLISHED,
        pub_date=timezone.now() - datetime.timedelta(days=1),
        **UNTRANSLATED[language],
    )


@pytest.fixture
def addresses(seed, untranslated, language):
    """Each page's address in the language."""
    values = {
        "language": language,
        "seed": seed.get_absolute_url(),
        "untranslated": untranslated.get_absolute_url(),
        "word": SEED_WORD[language],
    }
    return {name: address.format(**values) for name, (address, _shown) in PAGES.items()}


@pytest.fixture
def visit(site, open_page, addresses):
    """A page of the language, opened in a new browser at a width; and the server's response."""

    def visit_(page_name, width):
        page = open_page(width)
        if page_name.startswith("low-vision"):
            page.context.add_cookies([LOW_VISION | {"url": site}])
        response = page.goto(site + addresses[page_name])
        assert response.status == (404 if page_name == "not-found" else 200)
        assert page.locator(PAGES[page_name][1]).first.is_visible()
        return page, response

    return visit_


def page_text(page, language):
    return " ".join(page.evaluate(PAGE_TEXT, language).split())


@functools.cache
def interface_phrases():
    """The English of the site's interface: each phrase of two words or more of the catalogue's
    messages, between their placeholders and tags."""
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale/ru/LC_MESSAGES/django.po"))
    messages = [
        message
        for entry in catalogue
        if not entry.obsolete
        for message in (entry.msgid, entry.msgid_plural)
        if message
    ]
    phrases = {
        " ".join(part.split()).strip(" .,:;“”()")
        for message in messages
        for part in PLACEHOLDER_OR_TAG.split(message)
    }
    return sorted(
        phrase
        for phrase in phrases
        if len(words := LATIN_WORD.findall(phrase)) >= 2 and not set(words) <= LATIN_NAMES
    )


def english_phrases(text):
    return [phrase for phrase in interface_phrases() if phrase in text]


def foreign_words(text, language):
    words = set(FOREIGN_WORD[language].findall(E_MAIL.sub(" ", text)))
    return sorted(words - LATIN_NAMES if language != "en" else words)


@pytest.mark.parametrize("page_name", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_is_in_its_language_accessible_and_fits_each_screen(visit, language, page_name):
    page, _response = visit(page_name, WIDTHS["desktop"])
    assert page.evaluate("document.documentElement.lang") == language
    # What the layout shows changes with the width, and a longer translation may not fit: the
    # same page, resized.
    for screen, width in SCREENS.items():
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"{language}-{page_name}-{screen}")
        text = page_text(page, language)
        if language != "en":
            assert english_phrases(text) == [], screen
        assert foreign_words(text, language) == [], screen
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), screen
        # Hidden until focused, however many lines its translation takes.
        assert page.evaluate(SKIP_LINK_BOTTOM) <= 0, screen
        assert axe_violations(page) == [], screen


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_are_valid_html(visit, language):
    sources = {name: visit(name, WIDTHS["desktop"])[1].text() for name in PAGES}
    assert html_errors_in(sources) == ""


def other_languages(language):
    return [other for other in LANGUAGES if other != language]


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_leads_to_the_translations(site, seed, open_page, language, javascript):
    page = open_page(WIDTHS["phone"], java_script_enabled=javascript)
    for other in other_languages(language):
        page.goto(site + seed.get_absolute_url())
        switcher = page.locator(".language-switcher")
        # On a phone the short name shows; the link's name is the whole one.
        current = switcher.locator("[aria-current=true]")
        assert current.locator(".language-switcher__short").inner_text() == SHORT_NAMES[language]
        assert current.locator(".language-switcher__name").text_content() == NATIVE_NAMES[language]
        switcher.get_by_role("link", name=NATIVE_NAMES[other], exact=True).click()
        page.set_viewport_size({"width": WIDTHS["desktop"], "height": 800})
        # On a desktop the full names alone.
        assert not page.locator(".language-switcher__short").first.is_visible()
        page.set_viewport_size({"width": WIDTHS["phone"], "height": 800})
        version = version_in(seed, other)
        expect(page).to_have_url(site + version.get_absolute_url())
        expect(page.locator("html")).to_have_attribute("lang", other)
        assert page.locator("h1").inner_text() == version.title


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_switcher_of_an_untranslated_article_leads_to_the_note(
    site, untranslated, open_page, language, javascript
):
    page = open_page(WIDTHS["phone"], java_script_enabled=javascript)
    for other in other_languages(language):
        page.goto(site + untranslated.get_absolute_url())
        page.locator(".language-switcher").get_by_role("link", name=NATIVE_NAMES[other]).click()
        # The switcher's link redirects: wait for the page it ends on, not for the first URL.
        expect(page).to_have_url(f"{site}/{other}/news/not-translated/")
        expect(page.locator("html")).to_have_attribute("lang", other)
        with translation.override(other):
            note = translation.gettext(
                "The page you were reading is not available in English. Here is the latest "
                "news in English."
            )
        assert page.get_by_role("status").inner_text() == note

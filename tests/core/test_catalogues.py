"""The Russian and Belarusian catalogues (locale/): complete, faithful to their msgids, compiled,
and the dates they give in the official orthography (core/date_names.py)."""

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import dates, formats, translation

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["ru", "be"]
PLURAL_FORMS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
# Where our strings live: a reference to anything else (.venv, node_modules) means makemessages
# scanned what it should not.
SOURCE_FOLDERS = {"alerts", "config", "contacts", "core", "news", "pagecache", "templates"}
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")
TAG = re.compile(r"<[^>]*>")

THURSDAY = datetime.date(2023, 1, 19)
DATES = {
    "ru": ("четверг, 19 января 2023 г.", "Январь 2023"),
    "be": ("чацвер, 19 студзеня 2023 г.", "Студзень 2023"),
}
BELARUSIAN_WEEKDAYS = ["панядзелак", "аўторак", "серада", "чацвер", "пятніца", "субота", "нядзеля"]
BELARUSIAN_MONTHS = [
    "Студзень", "Люты", "Сакавік", "Красавік", "Травень", "Чэрвень",
    "Ліпень", "Жнівень", "Верасень", "Кастрычнік", "Лістапад", "Снежань",
]  # fmt: skip
BELARUSIAN_MONTHS_GENITIVE = [
    "студзеня", "лютага", "сакавіка", "красавіка", "траўня", "чэрвеня",
    "ліпеня", "жніўня", "верасня", "кастрычніка", "лістапада", "снежня",
]  # fmt: skip
# The classical orthography's mark: a soft sign before a consonant ("Чацьвер", "сьнежань").
CLASSICAL = re.compile(r"ь[бвгджзйклмнпрстўфхцчшщ]", re.IGNORECASE)


def po_path(language):
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def catalogue(language):
    return polib.pofile(str(po_path(language)))


def translations(entry):
    """Every msgstr of an entry: one, or one per plural form."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def label(entry):
    return f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid


def as_dict(entries):
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): tuple(translations(entry))
        for entry in entries
    }


def django_date_names():
    """(msgctxt, msgid) of every name django.utils.dates translates."""
    lazies = [
        *dates.WEEKDAYS.values(),
        *dates.WEEKDAYS_ABBR.values(),
        *dates.MONTHS.values(),
        *dates.MONTHS_3.values(),
        *dates.MONTHS_AP.values(),
        *dates.MONTHS_ALT.values(),
    ]
    return {(None, *lazy._args) if len(lazy._args) == 1 else tuple(lazy._args) for lazy in lazies}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_names_the_language_charset_and_plural_forms(language):
    po = catalogue(language)
    assert po.metadata["Language"] == language
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated(language):
    po = catalogue(language)
    assert len(po) > 300  # the whole interface, not an empty extraction
    problems = [f"obsolete: {label(entry)}" for entry in po.obsolete_entries()]
    problems += [f"fuzzy: {label(entry)}" for entry in po if "fuzzy" in entry.flags]
    problems += [f"untranslated: {label(entry)}" for entry in po.untranslated_entries()]
    for entry in po:
        texts = translations(entry)
        if entry.msgid_plural and len(texts) != 3:
            problems.append(f"{len(texts)} plural forms: {label(entry)}")
        if any(not text.strip() for text in texts):
            problems.append(f"empty: {label(entry)}")
    assert not problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_html(language):
    wrong = []
    for entry in catalogue(language):
        for source in filter(None, [entry.msgid, entry.msgid_plural]):
            for text in translations(entry):
                if set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(source)):
                    wrong.append(f"placeholders: {source!r} -> {text!r}")
                if sorted(TAG.findall(text)) != sorted(TAG.findall(source)):
                    wrong.append(f"HTML: {source!r} -> {text!r}")
    assert not wrong


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_our_sources_are_extracted(language):
    strays = {
        path
        for entry in catalogue(language)
        for path, _line in entry.occurrences
        if Path(path).parts[0] not in SOURCE_FOLDERS
        or not (Path(settings.BASE_DIR) / path).is_file()
    }
    assert not strays


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_is_compiled_from_the_po(language, tmp_path):
    po = catalogue(language)
    fresh = tmp_path / "django.mo"
    fresh.write_bytes(po.to_binary())
    committed = polib.mofile(str(po_path(language).with_suffix(".mo")))
    assert as_dict(committed) == as_dict(polib.mofile(str(fresh)))
    assert committed.metadata["Plural-Forms"] == PLURAL_FORMS


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_reads_our_catalogue_before_djangos(language):
    """Each entry, looked up as the site looks it up, gives our msgstr: the .mo is in place and
    LOCALE_PATHS wins over Django's own catalogue (whose "Понедельник" and "Чацьвер" differ)."""
    differ = []
    with translation.override(language):
        for entry in catalogue(language):
            if entry.msgid_plural:
                got = [translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2, 5)]
            elif entry.msgctxt:
                got = [translation.pgettext(entry.msgctxt, entry.msgid)]
            else:
                got = [translation.gettext(entry.msgid)]
            if got != translations(entry):
                differ.append(f"{label(entry)}: {got} != {translations(entry)}")
    assert not differ


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_has_every_date_name_django_uses(language):
    """core/date_names.py must list exactly Django's msgids and contexts, or Django's own
    translation (in the classical orthography) shows through."""
    ours = {(entry.msgctxt, entry.msgid) for entry in catalogue(language)}
    assert django_date_names() - ours == set()


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_read_as_the_agency_writes_them(language):
    article_date, month_heading = DATES[language]
    with translation.override(language):
        assert formats.date_format(THURSDAY, "DATE_FORMAT") == article_date
        assert formats.date_format(THURSDAY, "YEAR_MONTH_FORMAT") == month_heading


def test_belarusian_names_are_in_the_official_orthography():
    monday = datetime.date(2023, 1, 16)
    with translation.override("be"):
        weekdays = [
            formats.date_format(monday + datetime.timedelta(days), "l") for days in range(7)
        ]
        months = [formats.date_format(datetime.date(2023, month, 1), "F") for month in range(1, 13)]
        genitive = [
            formats.date_format(datetime.date(2023, month, 1), "E") for month in range(1, 13)
        ]
        others = [
            formats.date_format(datetime.date(2023, month, 1), "D N b") for month in range(1, 13)
        ]
    assert weekdays == BELARUSIAN_WEEKDAYS
    assert months == BELARUSIAN_MONTHS
    assert genitive == BELARUSIAN_MONTHS_GENITIVE
    classical = [name for name in weekdays + months + genitive + others if CLASSICAL.search(name)]
    assert not classical


def test_the_classical_orthography_check_would_see_djangos_names():
    """The check above is not vacuous: Django's own Belarusian names fail it."""
    django_po = Path(translation.__file__).parent.parent.parent / "conf" / "locale" / "be"
    names = {
        entry.msgstr
        for entry in polib.pofile(str(django_po / "LC_MESSAGES" / "django.po"))
        if (entry.msgctxt, entry.msgid) in django_date_names()
    }
    assert {"Чацьвер", "сьнежня"} <= {name for name in names if CLASSICAL.search(name)}

"""The contacts in Russian, Belarusian and English: one record per contact, its texts in every
language, a missing one read in Russian."""

import importlib
import json
import re

import pytest
import vobject
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, translate_url
from django.utils import translation

from contacts import directory
from contacts.models import Agency, ContactPoint

pytestmark = pytest.mark.django_db

TEXTS = {
    "ru": {
        "name": "Государственный комитет по науке и технологиям Республики Беларусь",
        "short_name": "Государственный комитет по науке и технологиям",
        "address": "222357, г. Минск, пл. Свободы, 2",
        "reception": "Приёмная",
        "hotline": "Горячая линия",
    },
    "be": {
        "name": "Дзяржаўны камітэт па навуцы і тэхналогіях Рэспублікі Беларусь",
        "short_name": "Дзяржаўны камітэт па навуцы і тэхналогіях",
        "address": "222357, г. Мінск, пл. Свабоды, 2",
        "reception": "Прыёмная",
        "hotline": "Гарачая лінія",
    },
    "en": {
        "name": "State Committee for Science and Technology of the Republic of Belarus",
        "short_name": "State Committee for Science and Technology",
        "address": "222357, Minsk, Svobody square, 2",
        "reception": "Reception",
        "hotline": "Hotline",
    },
}
OTHER_LANGUAGES = {"ru": ("be", "en"), "be": ("ru", "en"), "en": ("ru", "be")}


def get(client, url, lang):
    return client.get(translate_url(url, lang))


def structured_data(response):
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.text)
    return json.loads(payload)


@pytest.mark.usefixtures("uncached")
@pytest.mark.parametrize("first", ["be", "ru", "en"])
def test_every_language_reads_its_own_texts_from_one_kept_directory(client, demo_contacts, first):
    get(client, reverse("contacts:index"), first)  # keeps the directory and the agency
    for lang in (first, *OTHER_LANGUAGES[first]):
        with CaptureQueriesContext(connection) as queries:
            page = get(client, reverse("contacts:index"), lang).text
        assert not [query["sql"] for query in queries if "contacts_" in query["sql"]]
        texts = TEXTS[lang]
        assert f'<span class="site-name__agency">{texts["short_name"]}</span>' in page
        assert texts["address"] in page
        assert f"{texts['name']}<br>" in page
        assert f'<h2 id="contact-point-{demo_contacts.pk}">{texts["reception"]}</h2>' in page
        assert f'<span class="header-contacts__phone">{texts["reception"]}:' in page
        assert f">{texts['hotline']}</h2>" in page
        for other in OTHER_LANGUAGES[lang]:
            assert TEXTS[other]["reception"] not in page


@pytest.mark.usefixtures("uncached")
def test_a_missing_belarusian_text_is_read_in_russian(client, demo_contacts):
    ContactPoint.objects.filter(pk=demo_contacts.pk).update(label_be="")
    agency = Agency.get_solo()
    agency.street_be = None
    agency.save()
    page = get(client, reverse("contacts:index"), "be").text
    assert f'<h2 id="contact-point-{demo_contacts.pk}">Приёмная</h2>' in page
    assert "222357, г. Мінск, пл. Свободы, 2" in page
    assert "Гарачая лінія" in page  # what is translated stays so


def test_a_missing_english_text_is_read_in_russian(demo_contacts):
    ContactPoint.objects.filter(pk=demo_contacts.pk).update(label_en="")
    with translation.override("en"):
        assert ContactPoint.objects.get(pk=demo_contacts.pk).label == "Приёмная"


def test_an_unsaved_agency_has_the_official_names_in_every_language():
    shipped = directory.agency()
    assert shipped.pk is None
    for lang, texts in TEXTS.items():
        with translation.override(lang):
            assert (shipped.name, shipped.short_name) == (texts["name"], texts["short_name"])


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
def test_vcard_and_structured_data_follow_the_language(client, demo_contacts, lang):
    texts = TEXTS[lang]
    card = vobject.readOne(
        get(client, reverse("contacts:vcard", args=[demo_contacts.pk]), lang).text
    )
    assert card.fn.value == f"{texts['name']}: {texts['reception']}"
    assert card.adr.value.street == texts["address"].split(", ", 2)[2]
    data = structured_data(get(client, reverse("contacts:index"), lang))
    assert data["name"] == texts["name"]
    assert data["address"]["streetAddress"] == texts["address"].split(", ", 2)[2]
    assert [point["contactType"] for point in data["contactPoint"]] == [
        texts["reception"],
        texts["hotline"],
    ]


@pytest.mark.parametrize("field", ["name", "short_name"])
def test_only_the_russian_name_is_required_by_the_database(demo_contacts, field):
    agency = Agency.get_solo()
    setattr(agency, f"{field}_be", "")
    setattr(agency, f"{field}_en", None)
    agency.validate_constraints()
    agency.save()
    setattr(agency, f"{field}_ru", None)
    with pytest.raises(IntegrityError), transaction.atomic():
        agency.save()


def test_agency_page_warns_of_texts_missing_in_a_state_language(admin_client, demo_contacts):
    ContactPoint.objects.filter(pk=demo_contacts.pk).update(label_ru="")
    Agency.objects.update(street_be="", city_en="")
    with translation.override("en"):
        page = admin_client.get(reverse("admin:contacts_agency_change")).text
    assert "Not yet written in every required language:" in page
    assert "street address (Belarusian)" in page
    assert "Reception: label (Russian)" in page
    assert "city (" not in page  # English is not required


def test_contact_point_list_shows_missing_translations(admin_client, demo_contacts):
    ContactPoint.objects.filter(pk=demo_contacts.pk).update(label_be=None)
    with translation.override("en"):
        page = admin_client.get(reverse("admin:contacts_contactpoint_changelist")).text
    assert '<td class="field-missing">label (Belarusian)</td>' in page
    assert page.count('class="field-missing"') == 2  # the hotline's row, which lacks nothing


def test_complete_contacts_raise_no_warning(admin_client, demo_contacts):
    with translation.override("en"):
        page = admin_client.get(reverse("admin:contacts_agency_change")).text
    assert "Not yet written in every required language" not in page
    assert 'name="name_be"' in page and 'name="street_ru"' in page


def migrate_texts(apps=None):
    migration = importlib.import_module("contacts.migrations.0004_translations")
    state = MigrationExecutor(connection).loader.project_state(("contacts", "0004_translations"))
    migration.keep_the_texts_as_english(apps or state.apps, schema_editor=None)


@pytest.mark.parametrize(
    "name,russian,belarusian",
    [
        (TEXTS["en"]["name"], TEXTS["ru"]["name"], TEXTS["be"]["name"]),
        ("Ministry of Science", "Ministry of Science", None),
    ],
    ids=["shipped-name", "renamed"],
)
def test_migration_keeps_the_existing_texts_as_english(demo_contacts, name, russian, belarusian):
    # The columns as they were before the languages: one text each, written in English.
    Agency.objects.rewrite(False).update(
        name=name, street="Old street, 1", name_en=None, street_en=None
    )
    ContactPoint.objects.rewrite(False).filter(pk=demo_contacts.pk).update(
        label="Front desk", label_en=None
    )
    migrate_texts()
    agency = Agency.objects.get()
    assert (agency.name_en, agency.street_en) == (name, "Old street, 1")
    assert (agency.name_ru, agency.name_be) == (russian, belarusian)
    assert agency.street_ru == "пл. Свободы, 2"  # the columns added hold no English
    assert ContactPoint.objects.get(pk=demo_contacts.pk).label_en == "Front desk"
    agency.validate_constraints()

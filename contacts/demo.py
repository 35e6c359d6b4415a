"""The agency's contacts as the seed page gives them, with the agency's e-mail address, its
press office and an emblem, which the seed does not have."""

import datetime

from django.conf import settings
from django.db import transaction

from . import demo_reception
from .demo_emblem import add_emblem
from .models import Agency, ContactPoint

# Named by `manage.py loaddemo`, which calls load().
CONTENT = "agency contacts"

SEED_PHONE = "+375 (1772) 5-55-72"
# "from 8.00 to 13.00 and from 14.00 to 17.00 on weekdays"
RECEPTION_HOURS = [(datetime.time(8), datetime.time(13)), (datetime.time(14), datetime.time(17))]
WEEKDAYS = range(5)
# The seed's texts (English) in the three languages of the site.
CITY = {"ru": "г. Минск", "be": "г. Мінск", "en": "Minsk"}
STREET = {"ru": "пл. Свободы, 2", "be": "пл. Свабоды, 2", "en": "Svobody square, 2"}
RECEPTION = {"ru": "Приёмная", "be": "Прыёмная", "en": "Reception"}
HOTLINE = {"ru": "Горячая линия", "be": "Гарачая лінія", "en": "Hotline"}
LABELS = {ContactPoint.Kind.RECEPTION: RECEPTION, ContactPoint.Kind.HOTLINE: HOTLINE}
AGENCY_EMAIL = "gknt@gknt.gov.by"
PRESS_OFFICE = {"ru": "Пресс-служба", "be": "Прэс-служба", "en": "Press office"}
PRESS_EMAIL = "press@gknt.gov.by"
# Journalists call after the morning's releases and until the evening's news.
PRESS_HOURS = [(datetime.time(9), datetime.time(13)), (datetime.time(14), datetime.time(18))]


def texts(**fields):
    """The translation fields' values, e.g. label_ru, label_be and label_en."""
    return {
        f"{field}_{lang}": text
        for field, by_lang in fields.items()
        for lang, text in by_lang.items()
    }


@transaction.atomic
def load():
    """The contacts, then the reception of citizens; says what it did, for `loaddemo`."""
    contacts = load_contacts()
    return f"{contacts}; reception of citizens: {demo_reception.load(SEED_PHONE)}"


def load_contacts():
    """Fill in the contacts of an agency that has neither an address nor a contact point; says
    what it did. What staff deleted must not come back with the next run."""
    agency = Agency.get_solo()
    if agency.street and agency.contact_points.exists():
        done = []
        if translate_english_seed_texts(agency):
            done.append("translated into Russian and Belarusian")
        if as_the_seed_alone(agency):
            add_press_office(agency)
            done.append("press office and e-mail address added")
        return "; ".join(done) or "already present"
    if agency.street or agency.contact_points.exists():
        return "left alone: staff changed it"
    agency = load_seed()
    add_press_office(agency)
    add_emblem(agency)
    return "created"


@transaction.atomic
def load_seed():
    """The contacts exactly as the seed page gives them, into an agency with none yet (the
    tests' starting point, `demo_contacts`)."""
    agency = Agency.get_solo()
    # The names are the model's defaults: they are the seed's, and their official translations.
    agency.postcode = "222357"
    for name, value in texts(city=CITY, street=STREET).items():
        setattr(agency, name, value)
    agency.save()
    reception = agency.contact_points.create(
        kind=ContactPoint.Kind.RECEPTION, position=1, **texts(label=RECEPTION)
    )
    reception.phones.create(number=SEED_PHONE)
    add_hours(reception, RECEPTION_HOURS)
    hotline = agency.contact_points.create(
        kind=ContactPoint.Kind.HOTLINE, position=2, **texts(label=HOTLINE)
    )
    hotline.phones.create(number=SEED_PHONE)
    return agency


def add_hours(point, intervals):
    for weekday in WEEKDAYS:
        for opens, closes in intervals:
            point.weekly_hours.create(weekday=weekday, opens=opens, closes=closes)


def as_the_seed_alone(agency):
    """Whether the contacts are still what the demo loaded before it had a press office: no
    e-mail address, the reception and the hotline and nothing else. Once the press office has
    been loaded the agency has its address, so a press office staff deleted stays deleted."""
    kinds = sorted(agency.contact_points.values_list("kind", flat=True))
    return not agency.email and kinds == [ContactPoint.Kind.HOTLINE, ContactPoint.Kind.RECEPTION]


def add_press_office(agency):
    agency.email = AGENCY_EMAIL
    agency.save(update_fields=["email"])
    press = agency.contact_points.create(
        kind=ContactPoint.Kind.PRESS, position=3, email=PRESS_EMAIL, **texts(label=PRESS_OFFICE)
    )
    add_hours(press, PRESS_HOURS)


def translate_english_seed_texts(agency):
    """Give the seed's texts still written in English only (contacts loaded before the site had
    languages, which the migration kept as English) their Russian and Belarusian; a text an
    editor wrote, in any language, stays. Whether any was."""
    records = [(agency, {"city": CITY, "street": STREET})] + [
        (point, {"label": LABELS[point.kind]})
        for point in agency.contact_points.all()
        if point.kind in LABELS
    ]
    translated = False
    for record, fields in records:
        untranslated = {
            name: by_lang
            for name, by_lang in fields.items()
            if only_english(record, name, by_lang["en"])
        }
        if untranslated:
            for name, value in texts(**untranslated).items():
                setattr(record, name, value)
            record.save()
            translated = True
    return translated


def only_english(record, name, english):
    """Whether the record's text `name` is the seed's English one and nothing else."""
    written = {getattr(record, f"{name}_{lang}") or "" for lang, _label in settings.LANGUAGES}
    return written - {""} == {english}

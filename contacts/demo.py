"""The agency's contacts exactly as the seed page gives them."""

import datetime

from django.db import transaction

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


def texts(**fields):
    """The translation fields' values, e.g. label_ru, label_be and label_en."""
    return {
        f"{field}_{lang}": text
        for field, by_lang in fields.items()
        for lang, text in by_lang.items()
    }


@transaction.atomic
def load():
    """Fill in the contacts of an agency that has neither an address nor a contact point; says
    what it did, for `loaddemo`. What staff deleted must not come back with the next run."""
    agency = Agency.get_solo()
    if agency.street and agency.contact_points.exists():
        return "already present"
    if agency.street or agency.contact_points.exists():
        return "left alone: staff changed it"
    # The names are the model's defaults: they are the seed's, and their official translations.
    agency.postcode = "222357"
    for name, value in texts(city=CITY, street=STREET).items():
        setattr(agency, name, value)
    agency.save()
    reception = agency.contact_points.create(
        kind=ContactPoint.Kind.RECEPTION, position=1, **texts(label=RECEPTION)
    )
    reception.phones.create(number=SEED_PHONE)
    for weekday in WEEKDAYS:
        for opens, closes in RECEPTION_HOURS:
            reception.weekly_hours.create(weekday=weekday, opens=opens, closes=closes)
    hotline = agency.contact_points.create(
        kind=ContactPoint.Kind.HOTLINE, position=2, **texts(label=HOTLINE)
    )
    hotline.phones.create(number=SEED_PHONE)
    return "created"

"""The contacts' short texts in Russian, Belarusian and English, on the same records
(django-modeltranslation, which reads this module when the apps are ready).

`agency.name` reads `name_ru`, `name_be` or `name_en` as the active language asks, the Russian
one when that is empty (settings: MODELTRANSLATION_FALLBACK_LANGUAGES). A cached record therefore
serves every language.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import build_localized_fieldname

from .models import (
    Agency,
    AppealsPage,
    ContactPoint,
    DirectLine,
    Official,
    Phone,
    ReceptionSession,
    SpecialDay,
)

# By law the agency's basic information is published in both state languages.
REQUIRED_LANGUAGES = ("ru", "be")

# The agency's names until an editor saves its record (and what the error pages show).
NAMES = {
    "ru": (
        "Государственный комитет по науке и технологиям Республики Беларусь",
        "Государственный комитет по науке и технологиям",
    ),
    "be": (
        "Дзяржаўны камітэт па навуцы і тэхналогіях Рэспублікі Беларусь",
        "Дзяржаўны камітэт па навуцы і тэхналогіях",
    ),
    "en": (
        "State Committee for Science and Technology of the Republic of Belarus",
        "State Committee for Science and Technology",
    ),
}


class ContactsTranslation(TranslationOptions):
    # The database holds the Russian text where the field is required; the other languages may
    # wait for their translator (the admin lists what they lack).
    required_languages = ("ru",)
    # Only an empty text is a missing one. modeltranslation's own test, "equal to the field's
    # default", would show the Russian name to an English reader of the English default name.
    fallback_undefined = ""


@register(Agency)
class AgencyTranslation(ContactsTranslation):
    fields = ("name", "short_name", "city", "street")
    field_options = {
        field: {lang: {"default": names[index]} for lang, names in NAMES.items()}
        for index, field in enumerate(("name", "short_name"))
    }


@register(ContactPoint)
class ContactPointTranslation(ContactsTranslation):
    fields = ("label",)


@register(Phone)
class PhoneTranslation(ContactsTranslation):
    fields = ("note",)


@register(SpecialDay)
class SpecialDayTranslation(ContactsTranslation):
    fields = ("name",)


@register(Official)
class OfficialTranslation(ContactsTranslation):
    fields = ("name", "position", "phone_hours", "place")


@register(ReceptionSession)
class ReceptionSessionTranslation(ContactsTranslation):
    fields = ("place",)


@register(DirectLine)
class DirectLineTranslation(ContactsTranslation):
    fields = ("person", "topic")


@register(AppealsPage)
class AppealsPageTranslation(ContactsTranslation):
    fields = ("body",)


# The basic information that must be published in each of REQUIRED_LANGUAGES.
REQUIRED_TEXTS = {
    Agency: ("name", "short_name", "city", "street"),
    ContactPoint: ("label",),
    SpecialDay: ("name",),
    Official: ("name", "position", "phone_hours", "place"),
    DirectLine: ("person", "topic"),
    AppealsPage: ("body",),
}


def missing_translations(instance):
    """What `instance` lacks of its required texts, as "street address (Belarusian)". A text
    its field allows to leave out (a special day's name) is missing only beside a written one."""
    gaps = []
    for name in REQUIRED_TEXTS[type(instance)]:
        field = instance._meta.get_field(name)
        texts = {
            lang: (getattr(instance, build_localized_fieldname(name, lang)) or "").strip()
            for lang, _label in settings.LANGUAGES
        }
        if field.blank and not any(texts.values()):
            continue
        gaps.extend(
            f"{field.verbose_name} ({get_language_info(lang)['name_translated']})"
            for lang in REQUIRED_LANGUAGES
            if not texts[lang]
        )
    return gaps


def basic_information_gaps(agency):
    """Every required text of the agency, its contact points and their coming special days that
    lacks a language, each named after its record."""
    gaps = missing_translations(agency)
    if agency.pk is None:
        return gaps
    today = timezone.localdate()
    for point in agency.contact_points.prefetch_related("special_days"):
        gaps.extend(f"{point}: {gap}" for gap in missing_translations(point))
        for day in point.special_days.all():
            if day.date >= today:
                gaps.extend(
                    f"{point}, {day.date:%Y-%m-%d}: {gap}" for gap in missing_translations(day)
                )
    return gaps


def missing_translations_message(gaps):
    return _("Not yet written in every required language: %(gaps)s.") % {"gaps": "; ".join(gaps)}

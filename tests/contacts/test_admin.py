import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.html import strip_tags

from contacts.models import Agency, ContactPoint, Phone, SpecialDay, WeeklyHours

pytestmark = pytest.mark.django_db
T = datetime.time


@pytest.fixture
def admin_client_logged(client, admin_user):
    client.force_login(admin_user)
    return client


def inline(prefix, rows, initial=0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{field}": value for field, value in row.items()})
    return data


def in_every_language(**fields):
    """The admin's form fields of translated texts: label_ru, label_be and label_en."""
    return {
        f"{name}_{lang}": value
        for name, value in fields.items()
        for lang, _label in settings.LANGUAGES
    }


def as_stored(record, *fields):
    """The record's translated texts as its admin form shows them (an empty one left empty)."""
    return {
        f"{name}_{lang}": getattr(record, f"{name}_{lang}") or ""
        for name in fields
        for lang, _label in settings.LANGUAGES
    }


def contact_point_form(phones=(), hours=(), **fields):
    return (
        {
            "agency": Agency.get_solo().pk,
            "kind": "press",
            "email": "",
            "position": "3",
        }
        | in_every_language(label="Press office")
        | fields
        | inline("phones", [{"number": number, "position": "0"} for number in phones])
        | inline("weekly_hours", [{"weekday": d, "opens": o, "closes": c} for d, o, c in hours])
        | inline("special_days", [])
    )


def test_admin_saves_contact_point_with_phones_and_hours(admin_client_logged, demo_contacts):
    response = admin_client_logged.post(
        reverse("admin:contacts_contactpoint_add"),
        contact_point_form(
            phones=["8 017 222-22-22"], hours=[(0, "9:00", "12:00"), (0, "13:00", "18:00")]
        ),
    )
    assert response.status_code == 302
    point = ContactPoint.objects.get(kind="press")
    assert [str(p.number) for p in point.phones.all()] == ["+375172222222"]
    assert point.schedule().summary() == "Mon 9.00–12.00, 13.00–18.00"


@pytest.mark.parametrize(
    "phones,hours,message",
    [
        (["12345"], [], "Enter a valid phone number"),
        (["+375 17 222-22-22"], [(0, "9:00", "12:00"), (0, "11:00", "15:00")], "overlap"),
        (
            ["+375 17 222-22-22"],
            [(0, "17:00", "9:00")],
            "opening time must be before the closing time",
        ),
        (
            ["+375 17 222-22-22"],
            [(0, "9:00", "9:00")],
            "opening time must be before the closing time",
        ),
    ],
    ids=["bad-phone", "overlap", "reversed", "empty"],
)
def test_admin_refuses_invalid_contact_point_and_saves_nothing(
    admin_client_logged, demo_contacts, phones, hours, message
):
    before = (ContactPoint.objects.count(), Phone.objects.count(), WeeklyHours.objects.count())
    response = admin_client_logged.post(
        reverse("admin:contacts_contactpoint_add"), contact_point_form(phones=phones, hours=hours)
    )
    assert response.status_code == 200
    assert message in response.text
    assert (
        ContactPoint.objects.count(),
        Phone.objects.count(),
        WeeklyHours.objects.count(),
    ) == before


def test_model_validation_refuses_overlap_with_a_saved_interval(demo_contacts):
    hours = WeeklyHours(contact_point=demo_contacts, weekday=0, opens=T(12), closes=T(15))
    with pytest.raises(ValidationError, match="overlap 8.00–13.00"):
        hours.full_clean()


def test_model_validation_refuses_reversed_interval(demo_contacts):
    with pytest.raises(ValidationError, match="opening time must be before"):
        WeeklyHours(contact_point=demo_contacts, weekday=5, opens=T(18), closes=T(9)).full_clean()


def test_database_refuses_reversed_interval(demo_contacts):
    with pytest.raises(IntegrityError), transaction.atomic():
        WeeklyHours.objects.create(contact_point=demo_contacts, weekday=5, opens=T(18), closes=T(9))


def test_database_refuses_a_second_reception(demo_contacts):
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactPoint.objects.create(agency=Agency.get_solo(), kind="reception", label="Another")


def test_admin_refuses_a_second_reception(admin_client_logged, demo_contacts):
    response = admin_client_logged.post(
        reverse("admin:contacts_contactpoint_add"), contact_point_form(kind="reception")
    )
    assert response.status_code == 200
    assert "only one reception and one hotline" in response.text


def special_day_form(point, kind, hours=()):
    return (
        {
            "contact_point": point.pk,
            "date": "2027-01-07",
            "kind": kind,
        }
        | in_every_language(name="Christmas")
        | inline("hours", [{"opens": o, "closes": c} for o, c in hours])
    )


@pytest.mark.parametrize(
    "kind,hours,message",
    [
        ("holiday", [("8:00", "12:00")], "A public holiday is closed"),
        ("shortened", [], "Give the opening hours of that day"),
        ("working", [("8:00", "13:00"), ("12:00", "17:00")], "overlap"),
    ],
)
def test_admin_refuses_inconsistent_special_day(
    admin_client_logged, demo_contacts, kind, hours, message
):
    response = admin_client_logged.post(
        reverse("admin:contacts_specialday_add"), special_day_form(demo_contacts, kind, hours)
    )
    assert response.status_code == 200
    assert message in response.text
    assert not SpecialDay.objects.exists()


def test_admin_saves_shortened_day_and_site_shows_it_at_once(
    admin_client_logged, demo_contacts, client
):
    client.get(reverse("contacts:index"))  # the directory is now cached
    response = admin_client_logged.post(
        reverse("admin:contacts_specialday_add"),
        special_day_form(demo_contacts, "shortened", [("8:00", "13:00"), ("14:00", "16:00")])
        | {"date": (datetime.date.today() + datetime.timedelta(days=3)).isoformat()},
    )
    assert response.status_code == 302
    page = client.get(reverse("contacts:index"))
    assert "Christmas" in page.text
    assert "8.00–13.00, 14.00–16.00" in strip_tags(page.text)  # each range kept on one line


def test_agency_is_edited_as_a_single_record(admin_client_logged, demo_contacts, client):
    response = admin_client_logged.get(reverse("admin:contacts_agency_change", args=[]))
    assert response.status_code == 200
    data = (
        {"postcode": "220030", "email": "info@example.gov.by", "latitude": "53.9", "longitude": ""}
        | in_every_language(
            name="State Committee for Science and Technology",
            short_name="State Committee for Science and Technology",
            city="Minsk",
            street="Independence avenue, 66",
        )
        | inline("contact_points", [], initial=0)
    )
    refused = admin_client_logged.post(reverse("admin:contacts_agency_change"), data)
    assert "both the latitude and the longitude" in refused.text
    saved = admin_client_logged.post(
        reverse("admin:contacts_agency_change"), data | {"longitude": "27.6"}
    )
    assert saved.status_code == 302
    assert "220030, Minsk, Independence avenue, 66" in client.get(reverse("home")).text
    assert Agency.objects.count() == 1

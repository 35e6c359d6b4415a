"""What a hostile tester tried on the agency's record: its contact points edited together on the
agency's page, and names left empty outside the admin."""

import importlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from contacts.models import Agency, ContactPoint
from tests.contacts.test_admin import as_stored, in_every_language, inline

pytestmark = pytest.mark.django_db

ONE_OF_EACH = "The agency has only one reception and one hotline."


@pytest.fixture
def agency_page(admin_client, demo_contacts):
    """Posts the agency's page with its contact points as they are, changed by row number."""
    agency = Agency.get_solo()
    points = list(agency.contact_points.all())

    def post(changes=None, new_rows=()):
        rows = [
            {
                "id": point.pk,
                "agency": agency.pk,
                "kind": point.kind,
                "email": point.email,
                "position": point.position,
            }
            | as_stored(point, "label")
            | (changes or {}).get(index, {})
            for index, point in enumerate(points)
        ]
        data = (
            {"postcode": agency.postcode, "email": "", "latitude": "", "longitude": ""}
            | as_stored(agency, "name", "short_name", "city", "street")
            | inline("contact_points", [*rows, *new_rows], initial=len(rows))
        )
        return admin_client.post(reverse("admin:contacts_agency_change"), data)

    return post


def kinds():
    return dict(ContactPoint.objects.values_list("label", "kind"))


def test_agency_page_refuses_a_second_reception_as_a_form_error(agency_page):
    new = {"kind": "reception", "email": "", "position": "3"} | in_every_language(
        label="Second reception"
    )
    response = agency_page(new_rows=[new])
    assert response.status_code == 200
    assert ONE_OF_EACH in response.text
    assert kinds() == {"Reception": "reception", "Hotline": "hotline"}


def test_agency_page_refuses_turning_a_row_into_a_second_hotline(agency_page):
    response = agency_page({0: {"kind": "hotline"}})
    assert response.status_code == 200
    assert ONE_OF_EACH in response.text
    assert kinds() == {"Reception": "reception", "Hotline": "hotline"}


def test_agency_page_swaps_the_reception_and_the_hotline_in_one_save(agency_page):
    response = agency_page({0: {"kind": "hotline"}, 1: {"kind": "reception"}})
    assert response.status_code == 302
    assert kinds() == {"Reception": "hotline", "Hotline": "reception"}


@pytest.mark.parametrize(
    "changes,after",
    [
        ({0: {"DELETE": "on"}, 1: {"kind": "reception"}}, {"Hotline": "reception"}),
        ({0: {"kind": "hotline"}, 1: {"DELETE": "on"}}, {"Reception": "hotline"}),
    ],
    ids=["hotline-takes-the-deleted-reception", "reception-takes-the-deleted-hotline"],
)
def test_agency_page_gives_a_deleted_rows_kind_to_another_in_the_same_save(
    agency_page, changes, after
):
    assert agency_page(changes).status_code == 302
    assert kinds() == after


@pytest.mark.parametrize("field", ["name", "short_name"])
@pytest.mark.parametrize("value", ["", "   "])
def test_database_refuses_an_agency_without_a_name(demo_contacts, field, value):
    agency = Agency.get_solo()
    # The Russian name is the one each record must have; the others may wait for a translator.
    setattr(agency, f"{field}_ru", value)
    with pytest.raises(ValidationError, match="both the full name and the short name"):
        agency.validate_constraints()
    with pytest.raises(IntegrityError), transaction.atomic():
        agency.save()


LONG_NAME = "Department of " + "Research and Development " * 7 + "Oversight"


@pytest.mark.parametrize(
    "stored,full,short",
    [
        ("", "State Committee for Science and Technology of the Republic of Belarus", None),
        ("  ", "State Committee for Science and Technology of the Republic of Belarus", None),
        (LONG_NAME, LONG_NAME, "Department of " + "Research and Development " * 3 + "Research"),
        ("A" * 150, "A" * 150, "A" * 100),
        ("Science, " * 11 + "Bureau", "Science, " * 11 + "Bureau", ("Science, " * 11)[:-2]),
    ],
)
def test_migration_cuts_a_long_short_name_at_a_word(stored, full, short):
    migration = importlib.import_module("contacts.migrations.0002_agency_short_name")
    assert migration.names(stored) == (full, short or "State Committee for Science and Technology")

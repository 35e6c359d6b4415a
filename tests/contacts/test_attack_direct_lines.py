"""Direct phone lines, as the attack found them: year 1 or 9999 was accepted, and a line of
next year was listed without its year."""

import datetime

import pytest
from django.urls import reverse

from contacts.models import DirectLine
from tests.contacts.test_admin import in_every_language
from tests.contacts.test_reception import at, page_text

pytestmark = pytest.mark.django_db
D = datetime.date


def line_form(**fields):
    return (
        in_every_language(person="Ivan Ivanov, head of department", topic="Grants")
        | {"official": "", "date": "2026-12-02", "starts": "10:00", "ends": "12:00"}
        | {"phone": "+375 17 200-00-01"}
        | fields
    )


def add_line(client, **fields):
    return client.post(reverse("admin:contacts_directline_add"), line_form(**fields))


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_a_direct_line_in_year_1_or_9999_is_a_form_error(admin_client, demo_contacts, day):
    assert add_line(admin_client, date=day).status_code == 200
    assert not DirectLine.objects.exists()


def test_a_direct_line_far_ahead_is_announced_with_its_year(client, demo_contacts):
    DirectLine.objects.create(
        person_ru="Иванов", person_en="Ivan Ivanov", date=D(2027, 12, 31),
        starts=datetime.time(10), ends=datetime.time(12), phone="+375172000001",
    )  # fmt: skip
    with at(2026, 11, 27):
        page = page_text(client.get(reverse("contacts:reception")))
    assert "Ivan Ivanov" in page
    assert "31 December 2027" in page

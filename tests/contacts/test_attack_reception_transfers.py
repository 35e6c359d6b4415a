"""Transferred working days, as the attack found them: a working Saturday named for a day
already replaced, or for another Saturday, held a session twice or nowhere."""

import datetime

import pytest
from django.urls import reverse

from contacts.models import SpecialDay
from tests.contacts.test_admin import in_every_language, inline

pytestmark = pytest.mark.django_db
D = datetime.date


def working_saturday(point, date, works_for):
    return (
        {"contact_point": point.pk, "date": date.isoformat(), "kind": "working"}
        | {"works_for": works_for.isoformat()}
        | in_every_language(name="Working Saturday")
        | inline("hours", [{"opens": "08:00", "closes": "13:00"}])
    )


def test_two_working_saturdays_for_one_day_are_refused(admin_client, demo_contacts):
    demo_contacts.special_days.create(date=D(2026, 12, 3), kind=SpecialDay.Kind.HOLIDAY)
    first = admin_client.post(
        reverse("admin:contacts_specialday_add"),
        working_saturday(demo_contacts, D(2026, 12, 19), D(2026, 12, 3)),
    )
    assert first.status_code == 302
    second = admin_client.post(
        reverse("admin:contacts_specialday_add"),
        working_saturday(demo_contacts, D(2027, 1, 9), D(2026, 12, 3)),
    )
    assert second.status_code == 200, "the first Thursday's session is now held twice"


def test_a_working_saturday_for_another_saturday_is_refused(admin_client, demo_contacts):
    response = admin_client.post(
        reverse("admin:contacts_specialday_add"),
        working_saturday(demo_contacts, D(2026, 12, 12), D(2026, 12, 19)),
    )
    assert response.status_code == 200

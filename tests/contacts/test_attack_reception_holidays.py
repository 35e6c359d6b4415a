"""Sessions and holidays, as the attack found them: "move it to the next working day" was
accepted on a monthly rule and ignored; year 1 or 9999 was accepted."""

import datetime

import pytest
from django.urls import reverse

from contacts.models import SpecialDay
from tests.contacts.test_reception import at, page_text
from tests.contacts.test_reception_admin import add_official, dated, errors, rule

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_rule_marked_move_is_moved_or_refused(admin_client, client, demo_contacts):
    demo_contacts.special_days.create(date=D(2026, 12, 25), kind=SpecialDay.Kind.HOLIDAY)
    response = add_official(admin_client, rule(4, "week_last") | {"if_holiday": "move"})
    if response.status_code == 200:
        return  # refused: "move" means nothing for a rule, and the editor is told so
    with at(2026, 11, 28):
        page = page_text(client.get(reverse("contacts:reception")))
    # The last Friday of December is Christmas; the editor asked to move it to Monday 28th.
    assert "Monday, 28 December 2026" in page


@pytest.mark.parametrize("day", [D(1, 1, 1), D(9999, 12, 31)])
def test_a_session_in_year_1_or_9999_is_a_form_error(admin_client, demo_contacts, day):
    # README: "a slip of the keyboard (year 1) is a form error" (1990-2999 for the newsroom).
    response = add_official(admin_client, dated(day))
    assert response.status_code == 200
    assert errors(response)

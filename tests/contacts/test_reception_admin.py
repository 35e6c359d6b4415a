"""Editing the reception of citizens in the admin: each refusal is a form error."""

import datetime

import pytest
from django.urls import reverse

from contacts.models import AppealsPage, DirectLine, Official, SpecialDay

from .test_admin import in_every_language, inline

pytestmark = pytest.mark.django_db
D = datetime.date
SESSIONS = "sessions"
BLANK_SESSION = {
    "date": "",
    "if_holiday": "refuse",
    "weekday": "",
    "starts": "10:00",
    "ends": "13:00",
}


def rule(weekday, *weeks, starts="10:00", ends="13:00"):
    return (
        BLANK_SESSION
        | {"weekday": str(weekday), "starts": starts, "ends": ends}
        | {week: "on" for week in weeks}
    )


def dated(day, if_holiday="refuse", starts="10:00", ends="13:00"):
    return BLANK_SESSION | {
        "date": day.isoformat(),
        "if_holiday": if_holiday,
        "starts": starts,
        "ends": ends,
    }


def official_form(*sessions):
    return (
        in_every_language(name="Sergei Petrov", position="Chairman", phone_hours="", place="")
        | {"order": "1", "phone": ""}
        | inline(SESSIONS, sessions)
    )


def add_official(client, *sessions):
    return client.post(reverse("admin:contacts_official_add"), official_form(*sessions))


def errors(response):
    """The error lists the admin shows: the page's, the inline's and its rows'."""
    context = response.context
    found = [str(error) for error in context["errors"]]
    for formset in context["inline_admin_formsets"]:
        found += [str(error) for error in formset.formset.non_form_errors()]
        found += [str(form.errors) for form in formset.formset.forms if form.errors]
    return " ".join(found)


@pytest.fixture
def christmas(demo_contacts):
    demo_contacts.special_days.create(date=D(2026, 12, 25), kind=SpecialDay.Kind.HOLIDAY)
    return D(2026, 12, 25)


def test_an_official_with_a_rule_and_a_dated_session_is_saved(admin_client, demo_contacts):
    response = add_official(admin_client, rule(1, "week_1", "week_3"), dated(D(2026, 12, 3)))
    assert response.status_code == 302
    official = Official.objects.get()
    assert [str(session) for session in official.sessions.all()] == [
        "first and third Tuesday of the month, 10.00–13.00",
        "2026-12-03, 10.00–13.00",
    ]


def test_overlapping_rules_are_a_form_error(admin_client, demo_contacts):
    response = add_official(
        admin_client, rule(1, "week_4"), rule(1, "week_last", starts="12:00", ends="14:00")
    )
    assert response.status_code == 200
    assert (
        "Two sessions overlap on Tuesday, 26 January 2027: 10.00–13.00 and 12.00–14.00."
        in errors(response)
    )
    assert not Official.objects.exists()


def test_a_dated_session_on_a_rules_day_that_overlaps_it_is_a_form_error(
    admin_client, demo_contacts
):
    # 1 December 2026 is the first Tuesday.
    response = add_official(
        admin_client, rule(1, "week_1"), dated(D(2026, 12, 1), starts="12:30", ends="14:00")
    )
    assert "Two sessions overlap on Tuesday, 1 December 2026" in errors(response)


def test_a_session_on_a_holiday_is_refused_when_the_editor_says_so(admin_client, christmas):
    response = add_official(admin_client, dated(christmas))
    assert "Friday, 25 December 2026 is a day off" in errors(response)
    assert not Official.objects.exists()


def test_a_session_on_a_holiday_is_moved_to_the_next_working_day(admin_client, christmas):
    response = add_official(admin_client, dated(christmas, if_holiday="move"))
    assert response.status_code == 302
    assert Official.objects.get().sessions.get().date == D(2026, 12, 28)  # the Monday after


def test_a_session_moved_on_a_transferred_day_off_lands_on_the_next_working_day(
    admin_client, demo_contacts
):
    saturday = demo_contacts.special_days.create(
        date=D(2026, 4, 25), kind=SpecialDay.Kind.WORKING, works_for=D(2026, 4, 20)
    )
    saturday.hours.create(opens=datetime.time(8), closes=datetime.time(13))
    demo_contacts.special_days.create(date=D(2026, 4, 21), kind=SpecialDay.Kind.HOLIDAY)
    add_official(admin_client, dated(D(2026, 4, 20), if_holiday="move"))
    assert Official.objects.get().sessions.get().date == D(2026, 4, 22)


def test_a_session_must_start_before_it_ends(admin_client, demo_contacts):
    response = add_official(admin_client, dated(D(2026, 12, 3), starts="13:00", ends="10:00"))
    assert "The session must start before it ends." in errors(response)


def test_a_session_is_a_date_or_a_rule_not_both_nor_a_rule_without_weeks(
    admin_client, demo_contacts
):
    both = dated(D(2026, 12, 3)) | {"weekday": "1", "week_1": "on"}
    no_weeks = rule(1)
    for session in (both, no_weeks):
        response = add_official(admin_client, session)
        assert "Give either a date, or a weekday with the weeks of the month" in errors(response)


def test_a_direct_line_needs_an_official_or_a_person(admin_client, demo_contacts):
    form = in_every_language(person="", topic="") | {
        "official": "",
        "date": "2026-12-03",
        "starts": "10:00",
        "ends": "12:00",
        "phone": "+375 17 200-00-01",
    }
    response = admin_client.post(reverse("admin:contacts_directline_add"), form)
    assert "Choose the official, or name who answers the calls." in errors(response)
    form |= {"person_ru": "Иванов Иван Иванович, начальник управления"}
    assert admin_client.post(reverse("admin:contacts_directline_add"), form).status_code == 302
    assert DirectLine.objects.get().who.startswith("Иванов")


def test_the_appeals_page_is_edited_in_each_language_and_sanitised(admin_client):
    url = reverse("admin:contacts_appealspage_change")
    editor = admin_client.get(url)
    assert editor.status_code == 200
    assert "sha256-" in editor["Content-Security-Policy"]  # the editor's import map runs
    body = '<p>Порядок<img src=x onerror="alert(1)"></p>'
    response = admin_client.post(url, {"body_ru": body, "body_be": "<p>Парадак</p>", "body_en": ""})
    assert response.status_code == 302
    assert AppealsPage.get_solo().body_ru == "<p>Порядок</p>"

"""The reception of citizens in a real browser, across a holiday and a transferred working
Saturday (time travel: the live server runs in this process), accessible and without sideways
scrolling on a small phone, a phone and a desktop."""

import datetime
import zoneinfo

import pytest
import time_machine

from contacts import demo as contacts_demo
from contacts.models import ContactPoint, DirectLine, Official, SpecialDay

from .conftest import axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
MINSK = zoneinfo.ZoneInfo("Europe/Minsk")
D = datetime.date
T = datetime.time
WIDTHS = (320, 375, 1280)
SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.fixture
def reception(db):
    contacts_demo.load_seed()
    point = ContactPoint.objects.get(kind=ContactPoint.Kind.RECEPTION)
    for day in (D(2026, 4, 20), D(2026, 4, 21), D(2026, 12, 25)):
        point.special_days.create(date=day, kind=SpecialDay.Kind.HOLIDAY, name_en="Holiday")
    saturday = point.special_days.create(
        date=D(2026, 4, 25), kind=SpecialDay.Kind.WORKING, works_for=D(2026, 4, 20)
    )
    saturday.hours.create(opens=T(8), closes=T(13))
    chairman = Official.objects.create(
        name_ru="Петров Сергей Николаевич",
        name_en="Sergei Petrov",
        position_ru="Председатель Государственного комитета по науке и технологиям",
        position_en="Chairman of the State Committee for Science and Technology",
        place_en="room 305",
        phone_hours_en="on working days 8.00–17.00",
    )
    # The third Monday (20 April 2026, a day off) and the last Friday (25 December, Christmas).
    chairman.sessions.create(weekday=0, week_3=True, starts=T(10), ends=T(13))
    chairman.sessions.create(weekday=4, week_last=True, starts=T(9), ends=T(12))
    DirectLine.objects.create(
        official=chairman, date=D(2026, 12, 3), starts=T(10), ends=T(12), phone="+375172000001"
    )


def visit(open_page, site, width, path):
    page = open_page(width)
    page.goto(site + path)
    return page


@pytest.mark.parametrize(
    "moment,shown,skipped",
    [
        (datetime.datetime(2026, 4, 17, 12, tzinfo=MINSK), "Saturday, 25 April 2026", "20 April"),
        (datetime.datetime(2026, 12, 1, 12, tzinfo=MINSK), "Friday, 29 January 2027", "25 Dec"),
    ],
    ids=["transferred-saturday", "holiday"],
)
def test_reception_page_across_a_holiday_and_a_transferred_saturday(
    reception, site, open_page, moment, shown, skipped
):
    with time_machine.travel(moment):
        for width in WIDTHS:
            page = visit(open_page, site, width, "/en/contacts/reception/")
            sessions = page.locator(".official").first.inner_text()
            assert shown in sessions
            assert skipped not in sessions
            assert not page.evaluate(SCROLLS_SIDEWAYS), f"sideways scrolling at {width} px"
            assert axe_violations(page) == []
            screenshot(page, f"reception-{moment:%Y-%m-%d}-{width}")


def test_appeals_page_and_the_home_announcement_fit_and_are_accessible(reception, site, open_page):
    contacts_demo.demo_reception.add_appeals_page()
    with time_machine.travel(datetime.datetime(2026, 12, 3, 9, tzinfo=MINSK)):
        for width in WIDTHS:
            for path in ("/en/contacts/appeals/", "/ru/contacts/appeals/", "/en/"):
                page = visit(open_page, site, width, path)
                assert not page.evaluate(SCROLLS_SIDEWAYS), f"sideways scrolling: {path} {width}"
                assert axe_violations(page) == []
            announcement = page.locator(".direct-lines-today").inner_text()
            assert "Sergei Petrov" in announcement and "10.00–12.00" in announcement
            portal = visit(open_page, site, width, "/en/contacts/appeals/")
            assert portal.locator('a[href="https://обращения.бел/"]').is_visible()


def test_the_main_navigation_is_one_row_that_scrolls_by_itself_on_a_phone(
    reception, site, open_page
):
    for width in (320, 375):
        page = visit(open_page, site, width, "/ru/")
        assert page.locator(".main-nav nav").bounding_box()["height"] <= 48  # one row
        # Home is left out on a phone: the agency's name links to it.
        links = page.locator(".main-nav nav a:visible")
        assert links.count() == 4
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        for index in range(links.count()):  # each in reach, the menu scrolled to it
            links.nth(index).scroll_into_view_if_needed()
            box = links.nth(index).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width

"""The reception of citizens and the appeals page as readers get them: the next sessions by time
travel across holidays, a transferred Saturday and Minsk midnight; the direct line announced on
the home page on its day; navigation, sitemap, JSON-LD and caching."""

import datetime
import json
import re
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from contacts.models import AppealsPage, DirectLine, Official, SpecialDay

pytestmark = pytest.mark.django_db
MINSK = zoneinfo.ZoneInfo("Europe/Minsk")
T = datetime.time
D = datetime.date
PHONE = "+375 17 200-00-01"


def make_official(name="Sergei Petrov", weekday=4, weeks=("week_last",), **fields):
    official = Official.objects.create(
        name_en=name, name_ru=name, position_ru="Председатель", position_en="Chairman", **fields
    )
    official.sessions.create(weekday=weekday, starts=T(9), ends=T(12), **dict.fromkeys(weeks, True))
    return official


def holidays(point, *days):
    for day in days:
        point.special_days.create(date=day, kind=SpecialDay.Kind.HOLIDAY, name_en="Holiday")


def transferred(point, working, day_off):
    """A working Saturday `working` for the day off `day_off`, as the Council of Ministers sets."""
    saturday = point.special_days.create(
        date=working, kind=SpecialDay.Kind.WORKING, works_for=day_off
    )
    saturday.hours.create(opens=T(8), closes=T(13))


def at(year, month, day, hour=0, minute=0, second=0):
    moment = datetime.datetime(year, month, day, hour, minute, second, tzinfo=MINSK)
    return time_machine.travel(moment, tick=False)


def page_text(response):
    """What a reader sees: the text without its tags, each run of white space one space."""
    return " ".join(strip_tags(response.content.decode()).split())


def structured_data(response):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    return [json.loads(script) for script in scripts]


def test_next_sessions_skip_a_holiday(client, demo_contacts):
    holidays(demo_contacts, D(2026, 12, 25))
    make_official()  # the last Friday of the month; 25 December is Christmas
    with at(2026, 12, 1):
        page = page_text(client.get(reverse("contacts:reception")))
    assert "Last Friday of the month, 9.00–12.00" in page
    assert "Friday, 29 January 2027" in page
    assert "25 December" not in page


def test_a_transferred_working_saturday_holds_the_replaced_mondays_session(client, demo_contacts):
    holidays(demo_contacts, D(2026, 4, 20), D(2026, 4, 21))
    transferred(demo_contacts, D(2026, 4, 25), D(2026, 4, 20))
    make_official(weekday=0, weeks=("week_3",))  # 20 April 2026 is the third Monday
    with at(2026, 4, 17):
        page = page_text(client.get(reverse("contacts:reception")))
    assert "Saturday, 25 April 2026, 9.00–12.00" in page
    assert "20 April" not in page


def test_the_next_session_moves_on_when_one_ends_in_minsk_time(client, demo_contacts):
    make_official(weekday=3, weeks=("week_1", "week_3"))
    # 23:30 UTC on 2 December is already Thursday 3 December in Minsk.
    with time_machine.travel(datetime.datetime(2026, 12, 2, 23, 30, tzinfo=datetime.UTC)):
        first = client.get(reverse("contacts:reception"))
    assert "Thursday, 3 December 2026" in page_text(first)
    with at(2026, 12, 3, 11, 59):
        during = page_text(client.get(reverse("contacts:reception")))
    with at(2026, 12, 3, 12, 0, 1):
        over = page_text(client.get(reverse("contacts:reception")))
    assert "Thursday, 3 December 2026" in during
    assert "3 December" not in over
    assert "Thursday, 7 January 2027" in over


def test_pages_answer_in_every_language_and_are_in_the_main_navigation(client, demo_contacts):
    make_official()
    for language in ("ru", "be", "en"):
        with translation.override(language):
            urls = [reverse("contacts:reception"), reverse("contacts:appeals")]
            home = client.get(reverse("home")).text
        nav = home.split('<nav aria-label="', 2)[1].split("</nav>")[0]
        for url in urls:
            assert client.get(url).status_code == 200
            assert f'href="{url}"' in nav
    reception = client.get(reverse("contacts:reception")).text
    assert f'href="{reverse("contacts:reception")}" aria-current="page"' in reception
    assert f'href="{reverse("contacts:index")}" aria-current' not in reception


def test_sitemap_lists_both_pages_in_each_language(client):
    sitemap = client.get("/sitemap.xml").text
    for language in ("ru", "be", "en"):
        for page in ("reception", "appeals"):
            assert f"/{language}/contacts/{page}/</loc>" in sitemap


def test_json_ld_gives_the_sessions_and_direct_lines_as_events(client, demo_contacts):
    official = make_official()
    DirectLine.objects.create(
        official=official, date=D(2026, 12, 3), starts=T(10), ends=T(12), phone=PHONE
    )
    with at(2026, 12, 1):
        (data,) = structured_data(client.get(reverse("contacts:reception")))
    events = data["@graph"]
    assert events[0]["@type"] == "Event"
    assert events[0]["startDate"] == "2026-12-25T09:00:00+03:00"
    assert events[0]["location"]["address"]["postalCode"] == "222357"
    line = events[-1]
    assert line["startDate"] == "2026-12-03T10:00:00+03:00"
    assert line["location"] == {"@type": "VirtualLocation", "url": "tel:+375172000001"}


def test_home_announces_a_direct_line_on_its_day_only_though_cached(client, demo_contacts):
    official = make_official()
    DirectLine.objects.create(
        official=official, date=D(2026, 12, 3), starts=T(10), ends=T(12), phone=PHONE
    )
    heading = "Direct phone line today"
    with at(2026, 12, 2, 23, 50):
        day_before = client.get(reverse("home"))
    with at(2026, 12, 3, 0, 0, 1):
        on_the_day = page_text(client.get(reverse("home")))
    with at(2026, 12, 3, 11, 59):
        still = page_text(client.get(reverse("home")))
    with at(2026, 12, 3, 12, 0, 1):
        after = page_text(client.get(reverse("home")))
    assert heading not in day_before.text
    assert day_before.has_header("Cache-Control")
    assert heading in on_the_day and "+375 (17) 200-00-01" in on_the_day and "10.00–12.00" in still
    assert heading not in after


def test_reception_page_is_cached_no_longer_than_until_a_session_ends(client, demo_contacts):
    make_official()
    with at(2026, 11, 27, 11, 59, 30):
        response = client.get(reverse("contacts:reception"))
    assert response["Cache-Control"] == "public, max-age=29, stale-if-error=28"
    assert response["X-Accel-Expires"] == "1"


def test_appeals_page_links_the_national_portal_and_gives_the_ways_to_appeal(client, demo_contacts):
    page = AppealsPage.get_solo()
    page.body_en = '<p onclick="steal()">Written appeals <script>alert(1)</script>in 15 days.</p>'
    page.save()
    text = client.get(reverse("contacts:appeals")).text
    assert 'href="https://обращения.бел/"' in text
    assert "<p>Written appeals in 15 days.</p>" in text
    assert "222357, " in text  # the address for written appeals
    assert 'href="tel:+375177255572"' in text  # the hotline
    assert "<form" not in text.split("<main", 1)[1].split("</main>")[0]


def test_a_direct_line_needs_someone_to_answer():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        DirectLine.objects.create(date=D(2026, 12, 3), starts=T(10), ends=T(12), phone=PHONE)

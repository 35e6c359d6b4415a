import datetime
import json
import re
import zoneinfo

import pytest
import time_machine
import vobject
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import strip_tags

from contacts.models import Agency, Phone, SpecialDay

pytestmark = pytest.mark.django_db
MINSK = zoneinfo.ZoneInfo("Europe/Minsk")


@pytest.fixture
def page_urls(make_article):
    article = make_article()
    return [
        reverse("home"),
        reverse("news:list"),
        article.get_absolute_url(),
        reverse("contacts:index"),
        "/no-such-page/",
    ]


def test_header_gives_the_number_to_call_and_the_footer_the_full_contacts(
    client, demo_contacts, page_urls
):
    contacts_page = reverse("contacts:index")
    for url in page_urls:
        page = client.get(url).text
        header, below = page.split("</header>", 1)
        assert (
            'Reception: <a href="tel:+375177255572" class="phone">+375 (1772) 5-55-72</a>' in header
        ), url
        assert f'<a class="header-contacts__more" href="{contacts_page}">Office hours</a>' in header
        # Once a page in full: in the footer, or on the contacts page in the page itself.
        assert "222357, Minsk, Svobody square, 2" not in header
        footer = below.split('<footer class="site-footer">')[1]
        if url == contacts_page:
            assert "Svobody square" not in footer
            continue
        assert '<p class="contact-block__address">222357, Minsk, Svobody square, 2</p>' in footer
        # Each interval on one line: a phone never shows "14.00–" above "17.00".
        hours = '<span class="nowrap">8.00–13.00</span>, <span class="nowrap">14.00–17.00</span>'
        assert f"<li>Office hours: Mon–Fri {hours}</li>" in footer
        assert '<li>Hotline: <a href="tel:+375177255572"' in footer


def test_the_footer_gives_the_agencys_e_mail_or_else_the_press_offices(client, demo_contacts):
    def footer():
        return client.get(reverse("home")).text.split('<footer class="site-footer">')[1]

    agency = Agency.get_solo()
    agency.email = ""
    agency.save()
    agency.contact_points.filter(kind="press").delete()
    assert "mailto:" not in footer()
    agency.contact_points.create(kind="press", label="Press office", email="press@example.gov.by")
    assert '<li>E-mail: <a href="mailto:press@example.gov.by">press@example.gov.by</a></li>' in (
        footer()
    )
    agency.email = "info@example.gov.by"
    agency.save()
    assert '<a href="mailto:info@example.gov.by">info@example.gov.by</a>' in footer()
    assert "press@example.gov.by" not in footer()


@pytest.mark.usefixtures("uncached")
def test_header_costs_no_query_once_cached(client, demo_contacts, make_article):
    article = make_article()
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as queries:
        client.get(article.get_absolute_url())
    assert queries.captured_queries
    assert not [q["sql"] for q in queries if "contacts_" in q["sql"]]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("contacts:index")).status_code == 200
    assert len(queries) == 0


def test_header_reads_contacts_in_a_fixed_number_of_queries_when_cold(client, demo_contacts):
    for day in range(1, 20):
        special = demo_contacts.special_days.create(date=datetime.date(2099, 1, day), kind="other")
        special.hours.create(opens=datetime.time(9), closes=datetime.time(12))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("contacts:index"))
    # agency, contact points, phones, weekly hours, special days, their hours
    assert len(queries) == 6


def test_a_save_shows_on_the_site_at_once(client, demo_contacts):
    client.get(reverse("home"))
    phone = demo_contacts.phones.get()
    phone.number = "+375 17 222-22-22"
    phone.save()
    assert "+375 (17) 222-22-22" in client.get(reverse("home")).text
    demo_contacts.weekly_hours.filter(weekday=4).delete()
    assert "Mon–Thu 8.00–13.00, 14.00–17.00" in strip_tags(client.get(reverse("home")).text)


@pytest.mark.parametrize(
    "moment,text",
    [
        (datetime.datetime(2026, 11, 25, 10, 0), "Open now — closes at 13.00"),
        (datetime.datetime(2026, 11, 25, 13, 30), "Lunch break — reopens at 14.00"),
        (datetime.datetime(2026, 11, 27, 17, 0), "Closed — opens Monday at 8.00"),
    ],
)
def test_contacts_page_shows_live_status(client, demo_contacts, moment, text):
    with time_machine.travel(moment.replace(tzinfo=MINSK), tick=False):
        response = client.get(reverse("contacts:index"))
    assert text in response.text


def test_contacts_page_has_weekly_table_and_upcoming_exceptions(client, demo_contacts):
    with time_machine.travel(datetime.datetime(2026, 12, 20, 12, tzinfo=MINSK), tick=False):
        demo_contacts.special_days.create(
            date=datetime.date(2026, 12, 1), kind="holiday", name="Past"
        )
        demo_contacts.special_days.create(
            date=datetime.date(2026, 12, 25), kind="holiday", name="Christmas"
        )
        response = client.get(reverse("contacts:index"))
    text = response.text
    monday = '<span class="nowrap">8.00–13.00</span>, <span class="nowrap">14.00–17.00</span>'
    assert f'<th scope="row">Monday</th><td>{monday}</td>' in text
    assert '<th scope="row">Saturday</th><td>Closed</td>' in text
    assert "<caption>" in text
    assert "Christmas" in text and "Friday, 25 December 2026" in text
    assert "Past" not in text
    assert "Show on the map" in text


def test_changes_shown_are_the_next_two_months_that_change_hours_in_plain_words(
    client, demo_contacts
):
    def special_day(date, kind, name):
        return demo_contacts.special_days.create(date=date, kind=kind, name=name)

    with time_machine.travel(datetime.datetime(2026, 12, 20, 12, tzinfo=MINSK), tick=False):
        special_day(datetime.date(2026, 12, 25), "holiday", "Christmas")
        eve = special_day(datetime.date(2026, 12, 31), "shortened", "New Year's Eve")
        eve.hours.create(opens=datetime.time(8), closes=datetime.time(12))
        special_day(datetime.date(2027, 3, 8), "holiday", "Women's Day")
        special_day(datetime.date(2027, 1, 2), "holiday", "New Year")  # a Saturday: closed anyway
        response = client.get(reverse("contacts:index"))
    [changes] = re.findall(r'<ul class="special-days">(.*?)</ul>', response.text, re.S)
    changes = " ".join(strip_tags(changes).split())
    assert "Friday, 25 December 2026, Christmas: closed" in changes
    assert "(Public holiday" not in changes  # "closed" says it once
    assert "8.00–12.00 (Shortened pre-holiday day)" in changes
    assert "Women" not in changes  # beyond two months: in the JSON-LD only
    assert "2 January" not in changes
    special = structured_data(response)["specialOpeningHoursSpecification"]
    assert "2027-03-08" in [entry["validFrom"] for entry in special]


def test_contacts_page_and_its_json_ld_list_the_same_days_after_midnight(client, demo_contacts):
    for day in (24, 25):
        demo_contacts.special_days.create(date=datetime.date(2026, 12, day), kind="holiday")
    # Half past midnight in Minsk, still 24 December in UTC.
    with time_machine.travel(datetime.datetime(2026, 12, 25, 0, 30, tzinfo=MINSK), tick=False):
        response = client.get(reverse("contacts:index"))
    assert "Friday, 25 December 2026" in response.text
    assert "24 December 2026" not in response.text
    special = structured_data(response)["specialOpeningHoursSpecification"]
    assert [entry["validFrom"] for entry in special] == ["2026-12-25"]


def structured_data(response):
    [payload] = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S
    )
    return json.loads(payload)


def test_contacts_page_json_ld(client, demo_contacts):
    demo_contacts.special_days.create(date=datetime.date(2099, 1, 1), kind=SpecialDay.Kind.HOLIDAY)
    shortened = demo_contacts.special_days.create(date=datetime.date(2099, 1, 6), kind="shortened")
    shortened.hours.create(opens=datetime.time(8), closes=datetime.time(12))
    data = structured_data(client.get(reverse("contacts:index")))

    assert data["@context"] == "https://schema.org"
    assert "GovernmentOrganization" in data["@type"]
    assert data["name"] == "State Committee for Science and Technology of the Republic of Belarus"
    assert data["telephone"] == "+375177255572"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Svobody square, 2",
        "addressLocality": "Minsk",
        "postalCode": "222357",
        "addressCountry": "BY",
    }
    weekdays = [
        f"https://schema.org/{d}" for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    ]
    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": weekdays,
            "opens": "08:00",
            "closes": "13:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": weekdays,
            "opens": "14:00",
            "closes": "17:00",
        },
    ]
    assert data["specialOpeningHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2099-01-01",
            "validThrough": "2099-01-01",
            "opens": "00:00",
            "closes": "00:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2099-01-06",
            "validThrough": "2099-01-06",
            "opens": "08:00",
            "closes": "12:00",
        },
    ]
    assert [p["contactType"] for p in data["contactPoint"]] == ["Reception", "Hotline"]


def test_json_ld_cannot_break_out_of_its_script(client, demo_contacts):
    demo_contacts.label = "</script><script>alert(1)</script>"
    demo_contacts.save()
    response = client.get(reverse("contacts:index"))
    assert "<script>alert(1)" not in response.text
    assert structured_data(response)["contactPoint"][0]["contactType"] == demo_contacts.label


def test_reception_vcard_imports(client, demo_contacts):
    response = client.get(reverse("contacts:vcard", args=[demo_contacts.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="reception.vcf"'
    card = vobject.readOne(response.content.decode())
    assert (
        card.fn.value
        == "State Committee for Science and Technology of the Republic of Belarus: Reception"
    )
    assert card.tel.value == "+375177255572"
    assert card.tel.params["TYPE"] == ["WORK"]
    assert card.adr.value.street == "Svobody square, 2"
    assert card.adr.value.city == "Minsk"
    assert card.adr.value.code == "222357"
    assert card.note.value == "Mon–Fri 8.00–13.00, 14.00–17.00"
    assert card.url.value == "http://testserver/"


def test_vcard_of_missing_contact_point_is_404(client, demo_contacts):
    assert client.get(reverse("contacts:vcard", args=[9999])).status_code == 404


def test_site_without_contacts_still_renders(client):
    for url in (reverse("home"), reverse("contacts:index")):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_a_release_or_restored_database_drops_the_kept_contacts(client, demo_contacts):
    """A restore changes rows without a save: migrate, which follows it, drops the directory."""
    client.get("/en/contacts/")
    phone = demo_contacts.phones.first()
    Phone.objects.filter(pk=phone.pk).update(number="+375170000001")  # no signal, as a restore
    call_command("migrate", verbosity=0)
    assert "+375170000001" in client.get("/en/contacts/").content.decode()

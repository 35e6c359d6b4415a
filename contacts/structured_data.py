"""schema.org description of the agency for search engines (JSON-LD)."""

from django.utils import timezone
from django.utils.translation import gettext as _

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _hours(interval, **extra):
    return {
        "@type": "OpeningHoursSpecification",
        **extra,
        "opens": interval.opens.strftime("%H:%M"),
        "closes": interval.closes.strftime("%H:%M"),
    }


def weekly_specification(schedule):
    return [
        _hours(
            interval,
            dayOfWeek=[f"https://schema.org/{SCHEMA_DAYS[d]}" for d in range(first, last + 1)],
        )
        for first, last, intervals in schedule.weekly_groups()
        for interval in intervals
    ]


def special_specification(schedule, moment):
    specification = []
    for day in schedule.upcoming_special_days(moment):
        dates = {"validFrom": day.isoformat(), "validThrough": day.isoformat()}
        intervals = schedule.special[day]
        specification.extend(_hours(interval, **dates) for interval in intervals)
        if not intervals:
            # schema.org's way to say "closed that day": opens and closes both at 00:00.
            specification.append(
                {"@type": "OpeningHoursSpecification", **dates, "opens": "00:00", "closes": "00:00"}
            )
    return specification


def organization(directory, request):
    agency, reception = directory.agency, directory.reception
    now = timezone.now()
    data = {
        "@context": "https://schema.org",
        # GovernmentOffice (a place) carries the opening hours that an organisation alone cannot.
        "@type": ["GovernmentOrganization", "GovernmentOffice"],
        "name": agency.name,
        "url": request.build_absolute_uri("/"),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": agency.street,
            "addressLocality": agency.city,
            "postalCode": agency.postcode,
            "addressCountry": "BY",
        },
        "contactPoint": [
            {
                "@type": "ContactPoint",
                "contactType": point.label,
                "telephone": [phone.number.as_e164 for phone in point.phones.all()],
            }
            for point in directory.contact_points
        ],
    }
    for point, entry in zip(directory.contact_points, data["contactPoint"], strict=True):
        if point.email:
            entry["email"] = point.email
        if hours := weekly_specification(point.schedule()):
            entry["hoursAvailable"] = hours
    if agency.email:
        data["email"] = agency.email
    if agency.emblem:
        # schema.org's Organization.logo: search engines may show it beside the agency's name.
        data["logo"] = request.build_absolute_uri(agency.emblem.url)
    if agency.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": agency.latitude,
            "longitude": agency.longitude,
        }
    if reception:
        schedule = reception.schedule()
        if phones := reception.phones.all():
            data["telephone"] = phones[0].number.as_e164
        data["openingHoursSpecification"] = weekly_specification(schedule)
        data["specialOpeningHoursSpecification"] = special_specification(schedule, now)
    return data


def _event(name, starts, ends, agency, **extra):
    return {
        "@type": "Event",
        "name": name,
        "startDate": starts.isoformat(),
        "endDate": ends.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "isAccessibleForFree": True,
        "organizer": {"@type": "GovernmentOrganization", "name": agency.name},
        **extra,
    }


def reception_events(agendas, direct_lines, agency):
    """Each official's next reception sessions and the direct lines ahead, as schema.org Events:
    a session at a place, a direct line by telephone (a VirtualLocation with a tel: address)."""
    events = [
        _event(
            _("Reception of citizens: %(name)s, %(position)s")
            % {"name": agenda.official.name, "position": agenda.official.position},
            session.starts,
            session.ends,
            agency,
            eventAttendanceMode="https://schema.org/OfflineEventAttendanceMode",
            location={
                "@type": "Place",
                "name": session.place,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": agency.street,
                    "addressLocality": agency.city,
                    "postalCode": agency.postcode,
                    "addressCountry": "BY",
                },
            },
        )
        for agenda in agendas
        for session in agenda.next_sessions
    ]
    events += [
        _event(
            _("Direct phone line: %(who)s") % {"who": view.line.who},
            view.starts,
            view.ends,
            agency,
            eventAttendanceMode="https://schema.org/OnlineEventAttendanceMode",
            location={"@type": "VirtualLocation", "url": f"tel:{view.line.phone.as_e164}"},
            **({"about": view.line.topic} if view.line.topic else {}),
        )
        for view in direct_lines
    ]
    return {"@context": "https://schema.org", "@graph": events}

"""The reception of citizens as the public pages show it: each official's next sessions, the direct
lines ahead and today's, computed by the office hours' schedule (the agency's reception's holidays
and transferred days), and until when a page that shows them holds.

The records are kept in the "contacts" scope, as the directory is: any save invalidates them.
"""

import datetime
import functools
from dataclasses import dataclass

from django.utils import timezone

from pagecache.generation import SERVER_MAX_AGE, get_or_set, seconds_until

from .directory import CONTACTS, get_directory
from .models import ContactPoint, DirectLine, Official
from .schedule import Schedule

# How many of each official's next sessions the page lists.
NEXT_SESSIONS = 3


@dataclass
class Records:
    officials: list
    direct_lines: list


@dataclass(frozen=True)
class SessionView:
    starts: datetime.datetime
    ends: datetime.datetime
    place: str


@dataclass(frozen=True)
class OfficialAgenda:
    official: Official
    rules: list
    next_sessions: list
    place: str


@dataclass(frozen=True)
class DirectLineView:
    line: DirectLine
    starts: datetime.datetime
    ends: datetime.datetime


def load_records():
    # Yesterday's lines too, for a copy kept across midnight.
    since = timezone.localdate() - datetime.timedelta(days=1)
    return Records(
        officials=list(Official.objects.prefetch_related("sessions")),
        direct_lines=list(DirectLine.objects.filter(date__gte=since).select_related("official")),
    )


def get_records(request=None):
    return get_or_set("reception", load_records, SERVER_MAX_AGE, scope=CONTACTS, request=request)


def agency_calendar(directory):
    """The agency's working days: its reception's hours, holidays and transferred days."""
    reception = directory.reception
    return reception.schedule() if reception else Schedule({}, {})


def whole_agency_calendar():
    """The same, read afresh and with every special day, past ones too: for the admin, where a
    session may be entered for any date."""
    reception = (
        ContactPoint.objects.filter(kind=ContactPoint.Kind.RECEPTION)
        .prefetch_related("weekly_hours", "special_days__hours")
        .first()
    )
    return reception.schedule() if reception else Schedule({}, {})


def agendas(request, moment):
    directory = get_directory(request)
    calendar = agency_calendar(directory)
    result = []
    for official in get_records(request).officials:
        address = directory.agency.address
        place = f"{address}, {official.place}" if official.place else address
        recurring, dated = official.rules_and_sessions()
        occurrences = calendar.sessions(recurring, dated, moment, NEXT_SESSIONS)
        result.append(
            OfficialAgenda(
                official=official,
                rules=[rule.source for rule in recurring],
                next_sessions=[
                    SessionView(each.starts, each.ends, each.source.place or place)
                    for each in occurrences
                ],
                place=place,
            )
        )
    return result


def direct_lines_ahead(request, moment):
    """The direct lines not yet over at `moment`, in order."""
    tz = timezone.get_default_timezone()
    views = [
        DirectLineView(
            line,
            datetime.datetime.combine(line.date, line.starts, tzinfo=tz),
            datetime.datetime.combine(line.date, line.ends, tzinfo=tz),
        )
        for line in get_records(request).direct_lines
    ]
    return sorted((view for view in views if view.ends > moment), key=lambda view: view.starts)


def direct_lines_today(request, moment):
    """The lines the home page announces: today's (Minsk), until each is over."""
    today = moment.astimezone(timezone.get_default_timezone()).date()
    return [view for view in direct_lines_ahead(request, moment) if view.line.date == today]


def _seconds_until_first(moments):
    future = [moment for moment in moments if moment > timezone.now()]
    return seconds_until(min(future)) if future else SERVER_MAX_AGE


def seconds_until_reception_changes(request):
    """The reception page lists what is not yet over: it holds until the first of it ends."""
    now = timezone.now()
    ends = [each.next_sessions[0].ends for each in agendas(request, now) if each.next_sessions]
    ends += [view.ends for view in direct_lines_ahead(request, now)]
    return _seconds_until_first(ends)


def seconds_until_announcements_change(request):
    """Until a direct line's day begins (its announcement appears) or the line ends (it goes)."""
    moments = []
    for view in direct_lines_ahead(request, timezone.now()):
        midnight = datetime.datetime.combine(view.line.date, datetime.time(), view.starts.tzinfo)
        moments += [midnight, view.ends]
    return _seconds_until_first(moments)


def announcing_direct_lines(view):
    """For the home page, which announces the day's direct lines (templatetags/reception_tags):
    its kept copy holds no longer than until an announcement is to appear or go."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if timeout := getattr(response, "page_cache_timeout", None):
            response.page_cache_timeout = min(timeout, seconds_until_announcements_change(request))
        return response

    return wrapped

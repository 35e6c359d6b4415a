"""Opening hours: the one place that answers "is it open at time T, and when does that change"."""

import datetime
import enum
import itertools
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _

# How far ahead to look for the next opening (a long holiday season is well within it).
LOOKAHEAD_DAYS = 60
# How far ahead to look for an official's next reception sessions: a monthly rule's next three.
SESSIONS_LOOKAHEAD_DAYS = 190
# In a rule's weeks of the month: the weekday's last occurrence (the 4th or the 5th).
LAST_WEEK = 5


@dataclass(frozen=True, order=True)
class Interval:
    opens: datetime.time
    closes: datetime.time

    def __str__(self):
        return f"{formats.time_format(self.opens)}–{formats.time_format(self.closes)}"


def find_overlap(intervals):
    """The first pair of intervals that overlap, or None. Touching ends do not overlap."""
    ordered = sorted(intervals)
    for earlier, later in itertools.pairwise(ordered):
        if later.opens < earlier.closes:
            return earlier, later
    return None


def _joined(intervals):
    """Sorted, with touching intervals (8–13 and 13–17) made one: the door never closes at 13."""
    joined = []
    for interval in sorted(intervals):
        if joined and joined[-1].closes == interval.opens:
            interval = Interval(joined.pop().opens, interval.closes)
        joined.append(interval)
    return joined


class State(enum.Enum):
    OPEN = "open"
    BREAK = "break"
    CLOSED = "closed"


@dataclass(frozen=True)
class Status:
    state: State
    # When the state next changes (local time), or None if no opening is scheduled ahead.
    changes_at: datetime.datetime | None
    now: datetime.datetime

    def __str__(self):
        if self.changes_at is None:
            return _("Closed")
        when = self._describe_change()
        if self.state is State.OPEN:
            return _("Open now — closes at %(when)s") % {"when": when}
        if self.state is State.BREAK:
            return _("Lunch break — reopens at %(when)s") % {"when": when}
        return _("Closed — opens %(when)s") % {"when": when}

    def _describe_change(self):
        time = formats.time_format(self.changes_at.time())
        days_ahead = (self.changes_at.date() - self.now.date()).days
        if self.state is not State.CLOSED:
            return time
        if days_ahead == 0:
            return _("today at %(time)s") % {"time": time}
        if days_ahead == 1:
            return _("tomorrow at %(time)s") % {"time": time}
        if days_ahead < 7:
            return _("%(day)s at %(time)s") % {
                "day": WEEKDAYS[self.changes_at.weekday()],
                "time": time,
            }
        return _("on %(date)s at %(time)s") % {
            "date": formats.date_format(self.changes_at, "MONTH_DAY_FORMAT"),
            "time": time,
        }


class Schedule:
    """Weekly hours (weekday 0 = Monday) with dated exceptions that replace a day's hours, in the
    local time of `tz`: by default the site's zone (settings.TIME_ZONE), which is the agency's.

    `transfers` maps a transferred working day (a Saturday) to the day off it is worked for, as
    the Council of Ministers' yearly resolution gives them ("from Monday 20 April to Saturday
    25 April"): that day off is closed even if no exception says so.
    """

    def __init__(self, weekly, special, tz=None, transfers=None):
        self.weekly = {day: _joined(intervals) for day, intervals in weekly.items()}
        self.special = {day: _joined(intervals) for day, intervals in special.items()}
        self.tz = tz or timezone.get_default_timezone()
        self.transfers = dict(transfers or {})
        self._days_off = set(self.transfers.values())

    def intervals_on(self, day):
        if day in self.special:
            return self.special[day]
        if day in self._days_off:
            return []
        return self.weekly.get(day.weekday(), [])

    def is_day_off(self, day):
        """A public holiday, or a day off a working day was transferred from: no session is held."""
        return self.special.get(day) == [] or (day in self._days_off and day not in self.special)

    def counts_as(self, day):
        """The day whose reception sessions `day` holds: a transferred working Saturday works to
        the schedule of the day off it replaces (its weekday, and its week of the month)."""
        return self.transfers.get(day, day)

    def next_working_day(self, day):
        """`day` or the first day after it on which the office is open; None if none is near."""
        for offset in range(LOOKAHEAD_DAYS):
            candidate = day + datetime.timedelta(days=offset)
            if self.intervals_on(candidate):
                return candidate
        return None

    def sessions(self, recurring, dated, moment, count):
        """The next `count` sessions not yet over at `moment`, from recurring rules and dated
        sessions; none is held on a day off."""
        now = moment.astimezone(self.tz)
        found = []
        by_day = {}
        for session in dated:
            by_day.setdefault(session.day, []).append(session)
        for offset in range(SESSIONS_LOOKAHEAD_DAYS):
            day = now.date() + datetime.timedelta(days=offset)
            if self.is_day_off(day):
                continue
            rule_day = self.counts_as(day)
            todays = by_day.get(day, []) + [
                Session(day, rule.interval, rule.source)
                for rule in recurring
                if rule.falls_on(rule_day)
            ]
            for session in sorted(todays, key=lambda session: session.interval):
                occurrence = Occurrence(
                    self._at(day, session.interval.opens),
                    self._at(day, session.interval.closes),
                    session.source,
                )
                if occurrence.ends > now:
                    found.append(occurrence)
            if len(found) >= count:
                break
        return found[:count]

    def status_at(self, moment):
        now = moment.astimezone(self.tz)
        today = now.date()
        intervals = self.intervals_on(today)
        for index, interval in enumerate(intervals):
            if now.time() < interval.opens:
                state = State.BREAK if index else State.CLOSED
                return Status(state, self._at(today, interval.opens), now)
            if now.time() < interval.closes:
                return Status(State.OPEN, self._at(today, interval.closes), now)
        return Status(State.CLOSED, self.next_opening(today + datetime.timedelta(days=1)), now)

    def next_opening(self, from_day):
        for offset in range(LOOKAHEAD_DAYS):
            day = from_day + datetime.timedelta(days=offset)
            if intervals := self.intervals_on(day):
                return self._at(day, intervals[0].opens)
        return None

    def upcoming_special_days(self, moment):
        """The dates of the exceptions still to come: from `moment`'s day on, in this zone."""
        today = moment.astimezone(self.tz).date()
        return sorted(day for day in self.special if day >= today)

    def weekly_groups(self):
        """Runs of weekdays with the same hours, open days only: [(first, last, intervals)]."""
        groups = []
        for weekday in range(7):
            intervals = self.weekly.get(weekday, [])
            if groups and groups[-1][2] == intervals and groups[-1][1] == weekday - 1:
                groups[-1] = (groups[-1][0], weekday, intervals)
            else:
                groups.append((weekday, weekday, intervals))
        return [group for group in groups if group[2]]

    def summary_parts(self):
        """The weekly hours by runs of days, e.g. [("Mon–Fri", [8.00–13.00, 14.00–17.00])]: a page
        keeps each interval on one line."""
        parts = []
        for first, last, intervals in self.weekly_groups():
            days = str(WEEKDAYS_ABBR[first])
            if last != first:
                days += f"–{WEEKDAYS_ABBR[last]}"
            parts.append((days, intervals))
        return parts

    def summary(self):
        """One line, e.g. "Mon–Fri 8.00–13.00, 14.00–17.00"."""
        return "; ".join(
            f"{days} {', '.join(map(str, intervals))}" for days, intervals in self.summary_parts()
        )

    def _at(self, day, time):
        return datetime.datetime.combine(day, time, tzinfo=self.tz)


@dataclass(frozen=True)
class Recurring:
    """A reception rule, e.g. the first and third Tuesday of the month (weeks {1, 3})."""

    weekday: int
    weeks: frozenset
    interval: Interval
    source: object = field(default=None, compare=False)

    def falls_on(self, day):
        if day.weekday() != self.weekday:
            return False
        is_last = (day + datetime.timedelta(days=7)).month != day.month
        return (day.day - 1) // 7 + 1 in self.weeks or (is_last and LAST_WEEK in self.weeks)


@dataclass(frozen=True)
class Session:
    """A dated reception session."""

    day: datetime.date
    interval: Interval
    source: object = field(default=None, compare=False)


@dataclass(frozen=True)
class Occurrence:
    """A session as it is held: when it starts and ends (aware), and the rule or row it is from."""

    starts: datetime.datetime
    ends: datetime.datetime
    source: object = field(default=None, compare=False)


def find_session_clash(recurring, dated, from_day):
    """The first day on which two sessions overlap, with the pair: (day, first, second) or None.
    Rules meet within a year of `from_day` if they ever do; a dated one is checked on its day."""
    days = {session.day for session in dated}
    days.update(from_day + datetime.timedelta(days=offset) for offset in range(371))
    for day in sorted(days):
        intervals = [session.interval for session in dated if session.day == day]
        intervals += [rule.interval for rule in recurring if rule.falls_on(day)]
        if clash := find_overlap(intervals):
            return day, *clash
    return None

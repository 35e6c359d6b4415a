"""Opening hours: the one place that answers "is it open at time T, and when does that change"."""

import datetime
import enum
import itertools
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _

# How far ahead to look for the next opening (a long holiday season is well within it).
LOOKAHEAD_DAYS = 60


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
    local time of `tz`: by default the site's zone (settings.TIME_ZONE), which is the agency's."""

    def __init__(self, weekly, special, tz=None):
        self.weekly = {day: _joined(intervals) for day, intervals in weekly.items()}
        self.special = {day: _joined(intervals) for day, intervals in special.items()}
        self.tz = tz or timezone.get_default_timezone()

    def intervals_on(self, day):
        if day in self.special:
            return self.special[day]
        return self.weekly.get(day.weekday(), [])

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

    def summary(self):
        """One line, e.g. "Mon–Fri 8.00–13.00, 14.00–17.00"."""
        parts = []
        for first, last, intervals in self.weekly_groups():
            days = str(WEEKDAYS_ABBR[first])
            if last != first:
                days += f"–{WEEKDAYS_ABBR[last]}"
            parts.append(f"{days} {', '.join(map(str, intervals))}")
        return "; ".join(parts)

    def _at(self, day, time):
        return datetime.datetime.combine(day, time, tzinfo=self.tz)

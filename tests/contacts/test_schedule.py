import datetime
import zoneinfo

import pytest

from contacts.schedule import Interval, Schedule, State, find_overlap

MINSK = zoneinfo.ZoneInfo("Europe/Minsk")
T = datetime.time
WORKDAY = [Interval(T(8), T(13)), Interval(T(14), T(17))]
RECEPTION = {weekday: WORKDAY for weekday in range(5)}
# 25 November 2026 is a Wednesday.
WEDNESDAY = datetime.date(2026, 11, 25)


def minsk(day, hour, minute=0):
    return datetime.datetime.combine(day, T(hour, minute), tzinfo=MINSK)


@pytest.mark.parametrize(
    "hour,minute,state,changes_at,text",
    [
        (7, 59, State.CLOSED, T(8), "Closed — opens today at 8.00"),
        (8, 0, State.OPEN, T(13), "Open now — closes at 13.00"),
        (12, 59, State.OPEN, T(13), "Open now — closes at 13.00"),
        (13, 0, State.BREAK, T(14), "Lunch break — reopens at 14.00"),
        (13, 59, State.BREAK, T(14), "Lunch break — reopens at 14.00"),
        (14, 0, State.OPEN, T(17), "Open now — closes at 17.00"),
        (16, 59, State.OPEN, T(17), "Open now — closes at 17.00"),
    ],
)
def test_status_at_edge_times_of_a_weekday(hour, minute, state, changes_at, text):
    status = Schedule(RECEPTION, {}).status_at(minsk(WEDNESDAY, hour, minute))
    assert status.state is state
    assert status.changes_at == minsk(WEDNESDAY, changes_at.hour)
    assert str(status) == text


def test_closing_time_opens_tomorrow():
    status = Schedule(RECEPTION, {}).status_at(minsk(WEDNESDAY, 17))
    assert status.state is State.CLOSED
    assert status.changes_at == minsk(WEDNESDAY + datetime.timedelta(days=1), 8)
    assert str(status) == "Closed — opens tomorrow at 8.00"


@pytest.mark.parametrize(
    "day_offset,hour,when",
    [(2, 17, "Monday"), (2, 23, "Monday"), (3, 12, "Monday"), (4, 7, "tomorrow")],
    ids=["friday-17:00", "friday-23:00", "saturday-noon", "sunday-morning"],
)
def test_friday_evening_and_weekend_open_monday(day_offset, hour, when):
    moment = minsk(WEDNESDAY + datetime.timedelta(days=day_offset), hour)
    status = Schedule(RECEPTION, {}).status_at(moment)
    assert status.state is State.CLOSED
    assert status.changes_at == minsk(datetime.date(2026, 11, 30), 8)
    assert str(status) == f"Closed — opens {when} at 8.00"


def test_holiday_is_closed_and_the_day_before_points_past_it():
    # Christmas (25 December 2026) is a Friday: closed until Monday 28 December.
    christmas = datetime.date(2026, 12, 25)
    schedule = Schedule(RECEPTION, {christmas: []})
    status = schedule.status_at(minsk(christmas, 10))
    assert status.state is State.CLOSED
    assert status.changes_at == minsk(datetime.date(2026, 12, 28), 8)
    before = schedule.status_at(minsk(christmas - datetime.timedelta(days=1), 17))
    assert before.changes_at == minsk(datetime.date(2026, 12, 28), 8)


def test_transferred_working_saturday_is_open():
    saturday = datetime.date(2026, 11, 28)
    schedule = Schedule(RECEPTION, {saturday: WORKDAY})
    assert schedule.status_at(minsk(saturday, 10)).state is State.OPEN
    assert schedule.status_at(minsk(saturday, 13, 30)).state is State.BREAK
    friday_evening = schedule.status_at(minsk(saturday - datetime.timedelta(days=1), 18))
    assert str(friday_evening) == "Closed — opens tomorrow at 8.00"


def test_shortened_pre_holiday_day_closes_early():
    schedule = Schedule(RECEPTION, {WEDNESDAY: [Interval(T(8), T(13)), Interval(T(14), T(16))]})
    assert str(schedule.status_at(minsk(WEDNESDAY, 15))) == "Open now — closes at 16.00"
    assert schedule.status_at(minsk(WEDNESDAY, 16)).state is State.CLOSED


def test_status_is_computed_in_minsk_for_a_moment_given_in_utc():
    moment_utc = datetime.datetime(2026, 11, 25, 5, 0, tzinfo=datetime.UTC)  # 08:00 in Minsk
    status = Schedule(RECEPTION, {}).status_at(moment_utc)
    assert status.state is State.OPEN
    assert status.changes_at == minsk(WEDNESDAY, 13)
    just_before = Schedule(RECEPTION, {}).status_at(moment_utc - datetime.timedelta(minutes=1))
    assert just_before.state is State.CLOSED


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Pacific/Kiritimati", "Asia/Tokyo"])
def test_status_is_computed_in_the_zone_of_the_settings(settings, zone):
    settings.TIME_ZONE = zone
    local = zoneinfo.ZoneInfo(zone)
    opening = datetime.datetime.combine(WEDNESDAY, T(8), tzinfo=local)
    status = Schedule(RECEPTION, {}).status_at(opening.astimezone(datetime.UTC))
    assert status.state is State.OPEN
    assert status.changes_at == datetime.datetime.combine(WEDNESDAY, T(13), tzinfo=local)
    just_before = Schedule(RECEPTION, {}).status_at(opening - datetime.timedelta(minutes=1))
    assert just_before.state is State.CLOSED


def test_upcoming_special_days_start_on_the_local_day():
    christmas = datetime.date(2026, 12, 25)
    schedule = Schedule(RECEPTION, {christmas - datetime.timedelta(days=1): [], christmas: []})
    # 21:30 UTC on 24 December is already Christmas in Minsk.
    moment_utc = datetime.datetime(2026, 12, 24, 21, 30, tzinfo=datetime.UTC)
    assert schedule.upcoming_special_days(moment_utc) == [christmas]


def test_nothing_scheduled_is_plainly_closed():
    status = Schedule({}, {}).status_at(minsk(WEDNESDAY, 10))
    assert status.changes_at is None
    assert str(status) == "Closed"


def test_summary_groups_days_with_the_same_hours():
    assert Schedule(RECEPTION, {}).summary() == "Mon–Fri 8.00–13.00, 14.00–17.00"
    weekly = RECEPTION | {4: [Interval(T(8), T(16))], 5: [Interval(T(10), T(14))]}
    assert Schedule(weekly, {}).summary() == (
        "Mon–Thu 8.00–13.00, 14.00–17.00; Fri 8.00–16.00; Sat 10.00–14.00"
    )


def test_touching_intervals_are_one_opening():
    schedule = Schedule({2: [Interval(T(13), T(17)), Interval(T(8), T(13))]}, {})
    assert schedule.weekly[2] == [Interval(T(8), T(17))]
    assert str(schedule.status_at(minsk(WEDNESDAY, 12))) == "Open now — closes at 17.00"


@pytest.mark.parametrize(
    "intervals,overlapping",
    [
        ([Interval(T(8), T(13)), Interval(T(14), T(17))], False),
        ([Interval(T(8), T(13)), Interval(T(13), T(17))], False),
        ([Interval(T(8), T(13)), Interval(T(12), T(17))], True),
        ([Interval(T(14), T(17)), Interval(T(8), T(18))], True),
        ([Interval(T(9), T(10)), Interval(T(8), T(12))], True),
    ],
)
def test_find_overlap(intervals, overlapping):
    assert (find_overlap(intervals) is not None) is overlapping

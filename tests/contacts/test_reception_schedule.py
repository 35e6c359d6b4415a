"""The reception sessions' schedule (contacts/schedule.py): pure, without the database."""

import datetime
import zoneinfo

import pytest

from contacts.schedule import (
    LAST_WEEK,
    Interval,
    Recurring,
    Schedule,
    Session,
    find_session_clash,
)

MINSK = zoneinfo.ZoneInfo("Europe/Minsk")
T = datetime.time
D = datetime.date
WORKDAY = [Interval(T(8), T(13)), Interval(T(14), T(17))]
OFFICE = {weekday: WORKDAY for weekday in range(5)}
MORNING = Interval(T(10), T(13))
TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, MONDAY = 1, 2, 3, 4, 0
# Resolution No. 397 of 2025: Monday 20 April 2026 is worked on Saturday 25 April (Radunitsa is
# Tuesday 21 April).
APRIL_2026 = Schedule(
    OFFICE,
    {D(2026, 4, 20): [], D(2026, 4, 21): [], D(2026, 4, 25): WORKDAY},
    transfers={D(2026, 4, 25): D(2026, 4, 20)},
)
CHRISTMAS_2026 = Schedule(OFFICE, {D(2026, 12, 25): [], D(2027, 1, 1): [], D(2027, 1, 7): []})


def minsk(day, hour=0, minute=0):
    return datetime.datetime.combine(day, T(hour, minute), tzinfo=MINSK)


def starts(occurrences):
    return [occurrence.starts for occurrence in occurrences]


@pytest.mark.parametrize(
    "weeks,expected",
    [
        ({1, 3}, [D(2026, 12, 1), D(2026, 12, 15), D(2027, 1, 5)]),
        ({2, 4}, [D(2026, 12, 8), D(2026, 12, 22), D(2027, 1, 12)]),
        # December 2026 has five Tuesdays: the last is the 29th, not the 4th one.
        ({LAST_WEEK}, [D(2026, 12, 29), D(2027, 1, 26), D(2027, 2, 23)]),
        ({4, LAST_WEEK}, [D(2026, 12, 22), D(2026, 12, 29), D(2027, 1, 26)]),
    ],
)
def test_a_monthly_rule_falls_on_the_weekdays_of_its_weeks(weeks, expected):
    rule = Recurring(TUESDAY, frozenset(weeks), MORNING)
    sessions = Schedule(OFFICE, {}).sessions([rule], [], minsk(D(2026, 11, 30)), 3)
    assert starts(sessions) == [minsk(day, 10) for day in expected]


def test_a_session_on_a_holiday_is_not_held():
    # The last Friday of December 2026 is Christmas: the next is the last Friday of January.
    rule = Recurring(FRIDAY, frozenset({LAST_WEEK}), Interval(T(9), T(12)))
    sessions = CHRISTMAS_2026.sessions([rule], [], minsk(D(2026, 12, 1)), 2)
    assert starts(sessions) == [minsk(D(2027, 1, 29), 9), minsk(D(2027, 2, 26), 9)]


def test_a_dated_session_on_a_holiday_is_not_held_either():
    dated = [Session(D(2027, 1, 7), MORNING), Session(D(2027, 1, 8), MORNING)]
    sessions = CHRISTMAS_2026.sessions([], dated, minsk(D(2027, 1, 6)), 3)
    assert starts(sessions) == [minsk(D(2027, 1, 8), 10)]


def test_a_transferred_working_saturday_holds_the_sessions_of_the_day_it_replaces():
    # 20 April 2026 is the third Monday; its session is held on Saturday 25 April.
    third_monday = Recurring(MONDAY, frozenset({3}), MORNING)
    sessions = APRIL_2026.sessions([third_monday], [], minsk(D(2026, 4, 17)), 2)
    assert starts(sessions) == [minsk(D(2026, 4, 25), 10), minsk(D(2026, 5, 18), 10)]


def test_a_transferred_working_saturday_does_not_hold_another_days_sessions():
    # The Saturday works as Monday 20 April: the fourth Saturday's rule and the last Monday's
    # (27 April) are not moved by it.
    fourth_saturday = Recurring(5, frozenset({4}), MORNING)
    last_monday = Recurring(MONDAY, frozenset({LAST_WEEK}), MORNING)
    sessions = APRIL_2026.sessions([fourth_saturday, last_monday], [], minsk(D(2026, 4, 24)), 2)
    assert starts(sessions) == [minsk(D(2026, 4, 27), 10), minsk(D(2026, 5, 23), 10)]


def test_the_day_off_a_working_day_was_moved_from_is_closed_without_its_own_record():
    schedule = Schedule(
        OFFICE, {D(2026, 4, 25): WORKDAY}, transfers={D(2026, 4, 25): D(2026, 4, 20)}
    )
    assert schedule.intervals_on(D(2026, 4, 20)) == []
    assert schedule.is_day_off(D(2026, 4, 20))
    assert schedule.intervals_on(D(2026, 4, 25)) == WORKDAY


def test_next_working_day_skips_holidays_and_weekends_but_takes_a_working_saturday():
    assert CHRISTMAS_2026.next_working_day(D(2026, 12, 25)) == D(2026, 12, 28)
    assert CHRISTMAS_2026.next_working_day(D(2027, 1, 1)) == D(2027, 1, 4)
    assert APRIL_2026.next_working_day(D(2026, 4, 20)) == D(2026, 4, 22)
    assert APRIL_2026.next_working_day(D(2026, 4, 25)) == D(2026, 4, 25)


def test_sessions_are_counted_in_minsk_time_across_midnight():
    rule = Recurring(THURSDAY, frozenset({1, 3}), MORNING)
    schedule = Schedule(OFFICE, {})
    # 23:30 UTC on Wednesday 2 December is 02:30 on Thursday 3 December in Minsk.
    late = datetime.datetime(2026, 12, 2, 23, 30, tzinfo=datetime.UTC)
    assert starts(schedule.sessions([rule], [], late, 1)) == [minsk(D(2026, 12, 3), 10)]
    during = schedule.sessions([rule], [], minsk(D(2026, 12, 3), 12, 59), 1)
    assert starts(during) == [minsk(D(2026, 12, 3), 10)]
    over = schedule.sessions([rule], [], minsk(D(2026, 12, 3), 13), 1)
    assert starts(over) == [minsk(D(2026, 12, 17), 10)]


def test_overlapping_rules_clash_on_a_month_where_the_fourth_is_the_last():
    fourth = Recurring(TUESDAY, frozenset({4}), MORNING)
    last = Recurring(TUESDAY, frozenset({LAST_WEEK}), Interval(T(12), T(14)))
    day, first, second = find_session_clash([fourth, last], [], D(2026, 12, 1))
    assert day == D(2027, 1, 26)  # December has a fifth Tuesday; January has not
    assert {first, second} == {MORNING, Interval(T(12), T(14))}


def test_a_dated_session_clashes_with_a_rule_on_its_day_and_touching_ends_do_not():
    rule = Recurring(TUESDAY, frozenset({1}), MORNING)
    far = D(2028, 2, 1)  # the first Tuesday of February 2028, beyond a year ahead
    clash = find_session_clash([rule], [Session(far, Interval(T(12), T(15)))], D(2026, 12, 1))
    assert clash[0] == far
    touching = [Session(far, Interval(T(13), T(15)))]
    assert find_session_clash([rule], touching, D(2026, 12, 1)) is None
    assert find_session_clash([rule, Recurring(TUESDAY, frozenset({2}), MORNING)], [], far) is None

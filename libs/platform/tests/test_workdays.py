"""Working days against the holiday calendar: make-up Saturdays count, Golden Week does not."""

from datetime import UTC, date, datetime, timedelta

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from shouhu.platform.workdays import (
    CalendarNotCovered,
    add_working_days,
    covered_years,
    end_of_day,
    is_workday,
    working_days_between,
)

FIRST, LAST = covered_years()
# Days whose count of working days stays inside the calendar's years.
days = st.dates(min_value=date(FIRST, 1, 1), max_value=date(LAST, 10, 31))
counts = st.integers(min_value=0, max_value=40)


def test_make_up_saturdays_count_and_golden_week_does_not():
    assert is_workday(date(2025, 9, 28))  # a Sunday worked for the National Day holiday
    assert is_workday(date(2025, 10, 11))  # a Saturday worked for it
    assert not any(is_workday(date(2025, 10, d)) for d in range(1, 9))
    # From the Friday before: the make-up Sunday, the 29th and 30th, then the 9th of October.
    assert add_working_days(date(2025, 9, 26), 4) == date(2025, 10, 9)
    assert working_days_between(date(2025, 9, 30), date(2025, 10, 8)) == 0
    assert working_days_between(date(2025, 9, 30), date(2025, 10, 11)) == 3


@given(days, counts)
def test_the_due_day_is_the_nth_working_day_after_the_start(start, n):
    due = add_working_days(start, n)
    between = [start + timedelta(days=k) for k in range(1, (due - start).days + 1)]
    worked = [d for d in between if chinese_calendar.is_workday(d)]
    assert len(worked) == n
    assert (n == 0 and due == start) or chinese_calendar.is_workday(due)


@given(days, counts)
def test_counting_back_gives_the_days_added(start, n):
    assert working_days_between(start, add_working_days(start, n)) == n


@given(days, st.integers(min_value=-30, max_value=120))
def test_working_days_between_counts_the_calendar(a, span):
    b = min(a + timedelta(days=span), date(LAST, 12, 31))
    expected = sum(
        1 for k in range(1, (b - a).days + 1) if chinese_calendar.is_workday(a + timedelta(days=k))
    )
    assert working_days_between(a, b) == expected


def test_a_day_the_calendar_does_not_cover_is_refused_clearly():
    beyond = date(LAST + 1, 1, 4)
    with pytest.raises(CalendarNotCovered, match="chinesecalendar"):
        add_working_days(date(LAST, 12, 31), 5)
    with pytest.raises(CalendarNotCovered):
        working_days_between(date(LAST, 12, 30), beyond)
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(LAST, 1, 5), -1)


def test_beyond_the_calendar_weekdays_only_when_asked():
    # 31 December of the last year, then Monday to Friday of the next (holidays not yet known).
    start = date(LAST, 12, 31)
    due = add_working_days(start, 10, weekdays_beyond=True)
    assert due.year == LAST + 1 and due.weekday() < 5
    assert working_days_between(start, due, weekdays_beyond=True) == 10


def test_a_due_day_ends_at_midnight_in_beijing():
    assert end_of_day(date(2025, 10, 9)) == datetime(2025, 10, 9, 15, 59, 59, tzinfo=UTC)

"""Working days (工作日) on the Chinese public-holiday calendar, make-up workdays (调休) included.

The calendar is the `chinesecalendar` package's: the State Council publishes each year's
holidays late in the year before, and the package follows. A day the package does not cover
raises `CalendarNotCovered` unless the caller asks for weekdays beyond it, knowingly.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache

import chinese_calendar

from shouhu.platform.clock import DISTRICT_TZ

# The last moment of a day in Beijing: a due day ends then.
END_OF_DAY = time(23, 59, 59)


class CalendarNotCovered(ValueError):
    """A day outside the years the holiday calendar covers (update `chinesecalendar`)."""

    def __init__(self, day: date) -> None:
        first, last = covered_years()
        super().__init__(
            f"the holiday calendar covers {first} to {last}, not {day.isoformat()}:"
            " update the chinesecalendar package"
        )
        self.day = day


@cache
def covered_years() -> tuple[int, int]:
    """The first and last year the installed calendar knows (read once)."""
    years = {d.year for d in chinese_calendar.holidays} | {
        d.year for d in chinese_calendar.workdays
    }
    return min(years), max(years)


def _covered(day: date) -> bool:
    first, last = covered_years()
    return first <= day.year <= last


def is_workday(day: date, *, weekdays_beyond: bool = False) -> bool:
    """Whether `day` is a working day: Monday to Friday but holidays, plus make-up workdays.

    `weekdays_beyond`: beyond the calendar's years, Monday to Friday (holidays unknown yet).
    """
    if not _covered(day):
        if not weekdays_beyond:
            raise CalendarNotCovered(day)
        return day.weekday() < 5
    return _calendar_workday(day)


@lru_cache(maxsize=4096)
def _calendar_workday(day: date) -> bool:
    # The package looks through every holiday it knows on each call: asked once per day here.
    return bool(chinese_calendar.is_workday(day))


def add_working_days(start: date, days: int, *, weekdays_beyond: bool = False) -> date:
    """The `days`-th working day after `start` (`start` itself when `days` is 0)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    left = days
    while left:
        day += timedelta(days=1)
        if is_workday(day, weekdays_beyond=weekdays_beyond):
            left -= 1
    return day


def working_days_between(a: date, b: date, *, weekdays_beyond: bool = False) -> int:
    """Working days after `a` up to and including `b`; 0 when `b` is not after `a`."""
    count = 0
    day = a
    while day < b:
        day += timedelta(days=1)
        if is_workday(day, weekdays_beyond=weekdays_beyond):
            count += 1
    return count


def end_of_day(day: date) -> datetime:
    """The last second of a Beijing day, in UTC: when a deadline on that day runs out."""
    return datetime.combine(day, END_OF_DAY, tzinfo=DISTRICT_TZ).astimezone(UTC)

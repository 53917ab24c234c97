"""The district's calendar: dates are Beijing dates; and the clock that waits are measured on."""

import os
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

DISTRICT_TZ = ZoneInfo("Asia/Shanghai")
# A file holding seconds to add to the clock, for end-to-end tests and drills of deadlines and
# escalations across processes (never set in a deployment: the chart has no such value).
OFFSET_FILE = "SHOUHU_CLOCK_OFFSET_FILE"


def _offset() -> timedelta:
    path = os.environ.get(OFFSET_FILE)
    if not path:
        return timedelta(0)
    try:
        text = Path(path).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return timedelta(0)
    return timedelta(seconds=float(text or 0))


def now() -> datetime:
    """Now, in UTC (moved by the test clock's offset where one is set)."""
    return datetime.now(UTC) + _offset()


def today() -> date:
    """Today in Beijing."""
    return now().astimezone(DISTRICT_TZ).date()


def monotonic() -> float:
    """Seconds on a clock that never goes back: for waits such as a lockout, not a time of day."""
    return time.monotonic()


def age_on(birth_date: date, on: date) -> int:
    """Whole years of age on a day."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def birthday(birth_date: date, years: int) -> date:
    """The first day of age `years` (born on 29 February: 1 March in a common year)."""
    try:
        return birth_date.replace(year=birth_date.year + years)
    except ValueError:
        return date(birth_date.year + years, 3, 1)


def born_by(on: date, years: int) -> date:
    """The latest birth date of someone aged at least `years` on `on`."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February: one born on 1 March that year is not yet of age
        return date(on.year - years, 2, 28)

"""The district's calendar: dates are Beijing dates."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

DISTRICT_TZ = ZoneInfo("Asia/Shanghai")


def today() -> date:
    """Today in Beijing."""
    return datetime.now(DISTRICT_TZ).date()


def age_on(birth_date: date, on: date) -> int:
    """Whole years of age on a day."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))

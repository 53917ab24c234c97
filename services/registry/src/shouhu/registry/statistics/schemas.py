"""API shapes of statistics."""

from datetime import date

from shouhu.platform.schemas import Camel


class Count(Camel):
    key: str
    count: int


class DivisionCounts(Camel):
    """Counts of children in scope in one division."""

    division_code: str
    division_name: str
    total: int
    left_behind: int
    by_primary_category: list[Count]
    by_group: list[Count]
    by_subtype: list[Count]


class MonthPoint(Camel):
    """Children in scope at the end of a month (the last point: the day asked about)."""

    month: str
    on: date
    total: int
    hardship: int
    left_behind: int
    none: int


class DivisionStatistics(Camel):
    """A division's counts as of a day, each division below it, and the last 12 months."""

    division_code: str
    as_of: date
    counts: DivisionCounts
    children: list[DivisionCounts]
    trend: list[MonthPoint]

"""API shapes of statistics."""

from datetime import date

from pydantic import Field

from shouhu.platform.schemas import Camel


class Count(Camel):
    key: str
    count: int | None = Field(description="Null where suppressed (fewer than 5 children)")
    shown: str = Field(description="The count as shown: the number, or `<5` where suppressed")


class DivisionCounts(Camel):
    """Counts of children in scope in one division."""

    division_code: str
    division_name: str
    total: int | None
    left_behind: int | None
    by_primary_category: list[Count]
    by_group: list[Count]
    by_subtype: list[Count]
    suppressed: list[str] = Field(
        default_factory=list, description="Cells shown as `<5`, e.g. `total`, `byGroup.POVERTY`"
    )


class MonthPoint(Camel):
    """Children in scope at the end of a month (the last point: the day asked about)."""

    month: str
    on: date
    total: int | None
    hardship: int | None
    left_behind: int | None
    none: int | None
    suppressed: list[str] = Field(default_factory=list, description="Cells shown as `<5`")


class DivisionStatistics(Camel):
    """A division's counts as of a day, each division below it, and the last 12 months."""

    division_code: str
    as_of: date
    counts: DivisionCounts
    children: list[DivisionCounts]
    trend: list[MonthPoint]

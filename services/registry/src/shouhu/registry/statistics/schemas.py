"""API shapes of statistics."""

from datetime import date, datetime

from pydantic import Field

from shouhu.platform.schemas import Camel
from shouhu.registry.cases.deadlines import Step


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


class IntakeFigures(Camel):
    """One town's or department's single-window figures over a period."""

    code: str = Field(description="A town's division code, or a department")
    name: str
    applications: int = Field(description="Applications with a task here, submitted in the period")
    open_tasks: int = Field(description="Tasks of the period not yet done, declined or withdrawn")
    overdue_tasks: int = Field(description="Open tasks past their deadline now")
    median_days: float | None = Field(description="Days from submission to done or declined")
    p90_days: float | None


class IntakeStatistics(Camel):
    """The single window's figures (督查考核) by town and by department, over a period."""

    from_date: date
    to_date: date
    as_of: datetime
    by_town: list[IntakeFigures]
    by_department: list[IntakeFigures]


class StepFigures(Camel):
    """One step of the cases of a town or reporter: how long it took and how often too long."""

    step: Step
    name: str
    limit_hours: float = Field(description="The limit; an urgent report's own where it has one")
    urgent_limit_hours: float
    ended: int = Field(description="Cases whose step has ended")
    median_hours: float | None = Field(description="Of the ended steps")
    worst_hours: float | None = Field(description="The longest ended step")
    late: int = Field(description="Ended past the limit, or past it and still running")


class CaseFigures(Camel):
    """The accountability figures (追责) of a town's or a reporter's cases over a period."""

    code: str = Field(description="A town's division code, an institution, `role:<role>`, or `*`")
    name: str
    reports: int
    steps: list[StepFigures]


class CaseStatistics(Camel):
    """The protection cases' clocks over a period: the whole, by town, by who reported."""

    from_date: date
    to_date: date
    as_of: datetime
    deadlines_version: str
    total: CaseFigures
    by_town: list[CaseFigures]
    by_reporter: list[CaseFigures]

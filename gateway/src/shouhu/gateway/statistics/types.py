"""Statistics of a division (counts only, never personal data)."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry

from shouhu.gateway.cases.types import CaseClockStep
from shouhu.gateway.common import Ctx, ExportFile


@strawberry.type(description="A count under a key (a category, group or subtype)")
class Count:
    key: str
    count: int | None = strawberry.field(
        description="Null where suppressed: fewer than 5 children, for roles that read no file"
    )
    shown: str = strawberry.field(description="The count as shown: the number, or `<5`")


@strawberry.type(description="Counts of children in scope in one division")
class DivisionCounts:
    division_code: str
    division_name: str
    total: int | None
    left_behind: int | None = strawberry.field(description="Children flagged left-behind (留守)")
    by_primary_category: list[Count]
    by_group: list[Count]
    by_subtype: list[Count]
    suppressed: list[str] = strawberry.field(
        description="Cells shown as `<5` (null above), e.g. `total`, `byGroup.POVERTY`"
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DivisionCounts:
        return cls(
            division_code=row["divisionCode"],
            division_name=row["divisionName"],
            total=row["total"],
            left_behind=row["leftBehind"],
            by_primary_category=[Count(**c) for c in row["byPrimaryCategory"]],
            by_group=[Count(**c) for c in row["byGroup"]],
            by_subtype=[Count(**c) for c in row["bySubtype"]],
            suppressed=row["suppressed"],
        )


@strawberry.type(description="Children in scope at a month's end, by primary category")
class MonthPoint:
    month: str
    on: datetime.date
    total: int | None
    hardship: int | None
    left_behind: int | None
    none: int | None
    suppressed: list[str] = strawberry.field(description="Cells shown as `<5` (null above)")


@strawberry.type(description="A division's counts as of a day, those below it, and the trend")
class DivisionStatistics:
    division_code: str
    as_of: datetime.date
    counts: DivisionCounts
    children: list[DivisionCounts]
    trend: list[MonthPoint]


@strawberry.type(description="One town's or department's single-window figures over a period")
class IntakeFigures:
    code: str = strawberry.field(description="A town's division code, or a department")
    name: str
    applications: int = strawberry.field(description="Applications with a task here")
    open_tasks: int = strawberry.field(description="Not yet done, declined or withdrawn")
    overdue_tasks: int = strawberry.field(description="Open and past their deadline now")
    median_days: float | None = strawberry.field(description="Days from submission to finish")
    p90_days: float | None = strawberry.field(description="90th percentile of the same")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> IntakeFigures:
        return cls(
            code=row["code"],
            name=row["name"],
            applications=row["applications"],
            open_tasks=row["openTasks"],
            overdue_tasks=row["overdueTasks"],
            median_days=row["medianDays"],
            p90_days=row["p90Days"],
        )


@strawberry.type(description="The single window's figures (督查考核) by town and department")
class IntakeStatistics:
    from_date: datetime.date
    to_date: datetime.date
    as_of: datetime.datetime
    by_town: list[IntakeFigures]
    by_department: list[IntakeFigures]

    @strawberry.field(description="The same figures as a workbook (按镇街, 按部门)")
    async def export(self, info: Ctx) -> ExportFile:
        row = await info.context.registry.intake_statistics_export(
            self.from_date.isoformat(), self.to_date.isoformat()
        )
        return ExportFile.from_row(row)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> IntakeStatistics:
        return cls(
            from_date=datetime.date.fromisoformat(row["fromDate"]),
            to_date=datetime.date.fromisoformat(row["toDate"]),
            as_of=datetime.datetime.fromisoformat(row["asOf"]),
            by_town=[IntakeFigures.from_row(f) for f in row["byTown"]],
            by_department=[IntakeFigures.from_row(f) for f in row["byDepartment"]],
        )


@strawberry.type(description="One step of a town's or reporter's cases: how long, how often late")
class StepFigures:
    step: CaseClockStep
    name: str
    limit_hours: float
    urgent_limit_hours: float = strawberry.field(description="The limit of an urgent report")
    ended: int = strawberry.field(description="Cases whose step has ended")
    median_hours: float | None = strawberry.field(description="Of the ended steps")
    worst_hours: float | None = strawberry.field(description="The longest ended step")
    late: int = strawberry.field(description="Ended past the limit, or past it and still running")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StepFigures:
        return cls(
            step=CaseClockStep(row["step"]),
            name=row["name"],
            limit_hours=row["limitHours"],
            urgent_limit_hours=row["urgentLimitHours"],
            ended=row["ended"],
            median_hours=row["medianHours"],
            worst_hours=row["worstHours"],
            late=row["late"],
        )


@strawberry.type(description="The accountability figures (追责) of a town's or reporter's cases")
class CaseFigures:
    code: str = strawberry.field(
        description="A town's division code, an institution, `role:<role>`, or the district's"
    )
    name: str
    reports: int
    steps: list[StepFigures]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CaseFigures:
        return cls(
            code=row["code"],
            name=row["name"],
            reports=row["reports"],
            steps=[StepFigures.from_row(s) for s in row["steps"]],
        )


@strawberry.type(description="The protection cases' clocks (追责): the whole, by town, by reporter")
class CaseStatistics:
    from_date: datetime.date
    to_date: datetime.date
    as_of: datetime.datetime
    deadlines_version: str
    total: CaseFigures
    by_town: list[CaseFigures]
    by_reporter: list[CaseFigures] = strawberry.field(
        description="By institution, or by the reporter's role where none was named"
    )

    @strawberry.field(description="The same figures as a workbook (按镇街, 按报告主体)")
    async def export(self, info: Ctx) -> ExportFile:
        row = await info.context.registry.case_statistics_export(
            self.from_date.isoformat(), self.to_date.isoformat()
        )
        return ExportFile.from_row(row)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CaseStatistics:
        return cls(
            from_date=datetime.date.fromisoformat(row["fromDate"]),
            to_date=datetime.date.fromisoformat(row["toDate"]),
            as_of=datetime.datetime.fromisoformat(row["asOf"]),
            deadlines_version=row["deadlinesVersion"],
            total=CaseFigures.from_row(row["total"]),
            by_town=[CaseFigures.from_row(f) for f in row["byTown"]],
            by_reporter=[CaseFigures.from_row(f) for f in row["byReporter"]],
        )

"""Queries of statistics."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.statistics.types import (
    CaseStatistics,
    DivisionCounts,
    DivisionStatistics,
    IntakeStatistics,
    MonthPoint,
)


@strawberry.type
class Query:
    @strawberry.field(description="Counts for a division and each division below it, as of a day")
    async def child_statistics(
        self, info: Ctx, division_code: str, as_of: datetime.date | None = None
    ) -> DivisionStatistics:
        row = await info.context.registry.statistics(
            division_code, as_of.isoformat() if as_of else None
        )
        return DivisionStatistics(
            division_code=row["divisionCode"],
            as_of=datetime.date.fromisoformat(row["asOf"]),
            counts=DivisionCounts.from_row(row["counts"]),
            children=[DivisionCounts.from_row(c) for c in row["children"]],
            trend=[
                MonthPoint(
                    month=p["month"],
                    on=datetime.date.fromisoformat(p["on"]),
                    total=p["total"],
                    hardship=p["hardship"],
                    left_behind=p["leftBehind"],
                    none=p["none"],
                    suppressed=p["suppressed"],
                )
                for p in row["trend"]
            ],
        )

    @strawberry.field(
        description="The single window's figures by town and department over a period (督查考核)"
    )
    async def intake_statistics(
        self,
        info: Ctx,
        from_: Annotated[datetime.date, strawberry.argument(name="from")],
        to: datetime.date,
    ) -> IntakeStatistics:
        row = await info.context.registry.intake_statistics(from_.isoformat(), to.isoformat())
        return IntakeStatistics.from_row(row)

    @strawberry.field(
        description="The protection cases' clocks over a period (追责): found → reported → "
        "accepted → 通报 → assessed, the whole, by town and by reporter; the district sees all, "
        "a town its own, the auditor the figures only"
    )
    async def case_statistics(
        self,
        info: Ctx,
        from_: Annotated[datetime.date, strawberry.argument(name="from")],
        to: datetime.date,
    ) -> CaseStatistics:
        row = await info.context.registry.case_statistics(from_.isoformat(), to.isoformat())
        return CaseStatistics.from_row(row)

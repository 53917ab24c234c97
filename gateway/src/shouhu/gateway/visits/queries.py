"""Queries of visits."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx, connection, operation_name
from shouhu.gateway.visits.types import (
    OverdueVisit,
    OverdueVisitConnection,
    OverdueVisitEdge,
    VisitInterval,
)


@strawberry.type
class Query:
    @strawberry.field(description="Active children whose visit is overdue, in the caller's scope")
    async def overdue_visits(
        self,
        info: Ctx,
        division_code: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> OverdueVisitConnection:
        page = await info.context.registry.overdue_visits(
            division_code, first, after, operation_name(info)
        )
        return connection(
            OverdueVisitConnection,
            page,
            OverdueVisitEdge,
            OverdueVisit.from_row,
            division_code=page["divisionCode"],
            total_count=page["totalCount"],
        )

    @strawberry.field(description="How often each primary category is visited")
    async def visit_policy(self, info: Ctx) -> list[VisitInterval]:
        return [VisitInterval.from_row(r) for r in await info.context.registry.visit_policy()]

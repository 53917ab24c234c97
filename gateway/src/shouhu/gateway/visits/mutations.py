"""Mutations of visits."""

from __future__ import annotations

import strawberry

from shouhu.gateway.children.types import PrimaryCategory
from shouhu.gateway.common import Ctx, to_json
from shouhu.gateway.visits.types import Visit, VisitInput, VisitInterval


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Record a visit to a child's family")
    async def record_visit(self, info: Ctx, child_id: strawberry.ID, input: VisitInput) -> Visit:
        return Visit.from_row(await info.context.registry.record_visit(child_id, to_json(input)))

    @strawberry.mutation(description="Set how often a category is visited (district civil affairs)")
    async def set_visit_interval(
        self, info: Ctx, category: PrimaryCategory, interval_days: int
    ) -> VisitInterval:
        row = await info.context.registry.set_visit_interval(category.value, interval_days)
        return VisitInterval.from_row(row)

"""Mutations of support plans."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx, to_json
from shouhu.gateway.plans.types import PlanMeasure, PlanMeasureInput, UpdatePlanMeasureInput


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Add a measure to a child's plan")
    async def add_plan_measure(
        self, info: Ctx, child_id: strawberry.ID, input: PlanMeasureInput
    ) -> PlanMeasure:
        row = await info.context.registry.add_plan_measure(child_id, to_json(input))
        return PlanMeasure.from_row(row)

    @strawberry.mutation(description="Change a measure; stale version: CONFLICT")
    async def update_plan_measure(
        self, info: Ctx, id: strawberry.ID, version: int, input: UpdatePlanMeasureInput
    ) -> PlanMeasure:
        row = await info.context.registry.update_plan_measure(id, version, to_json(input))
        return PlanMeasure.from_row(row)

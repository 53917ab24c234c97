"""Mutations of the workforce."""

from __future__ import annotations

import datetime

import strawberry

from shouhu.gateway.common import Ctx, to_json
from shouhu.gateway.workforce.types import AssignWorkerInput, WorkforceMember


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Give a town or village's post a new holder")
    async def assign_worker(
        self, info: Ctx, division_code: str, input: AssignWorkerInput
    ) -> WorkforceMember:
        row = await info.context.registry.assign_worker(division_code, to_json(input))
        return WorkforceMember.from_row(row)

    @strawberry.mutation(description="End a holder's term (today unless a past day is given)")
    async def end_worker_assignment(
        self, info: Ctx, id: strawberry.ID, until: datetime.date | None = None
    ) -> WorkforceMember:
        row = await info.context.registry.end_worker_assignment(
            id, until.isoformat() if until else None
        )
        return WorkforceMember.from_row(row)

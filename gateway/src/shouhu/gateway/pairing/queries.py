"""Queries of pairing."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.pairing.types import (
    Pairing,
    VolunteerSuggestion,
    suggestions,
)
from shouhu.platform.errors import NotFound


@strawberry.type
class Query:
    @strawberry.field(
        description="Vetted adult volunteers for a child, best first, each with its score and "
        "reasons (skills against the child's needs, nearness, load, continuity)"
    )
    async def suggest_volunteers(
        self, info: Ctx, child_id: strawberry.ID, first: int = 10
    ) -> list[VolunteerSuggestion]:
        return await suggestions(info, child_id, first)

    @strawberry.field(description="A child's pairings, or a volunteer's, latest first")
    async def pairings(
        self,
        info: Ctx,
        child_id: strawberry.ID | None = None,
        volunteer_id: strawberry.ID | None = None,
    ) -> list[Pairing]:
        if child_id:
            rows = await info.context.volunteers.child_pairings(child_id)
        elif volunteer_id:
            rows = await info.context.volunteers.volunteer_pairings(volunteer_id)
        else:
            return []
        return [Pairing.from_row(r) for r in rows]

    @strawberry.field(description="One pairing with its visits")
    async def pairing(self, info: Ctx, id: strawberry.ID) -> Pairing | None:
        try:
            return Pairing.from_row(await info.context.volunteers.pairing(id))
        except NotFound:
            return None

"""Queries of volunteers."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.volunteers.types import Organisation, Volunteer, VolunteerConnection
from shouhu.platform.errors import NotFound


@strawberry.type
class Query:
    @strawberry.field(description="The organisations volunteers serve with, or a division's")
    async def organisations(
        self, info: Ctx, division_code: str | None = None
    ) -> list[Organisation]:
        rows = await info.context.volunteers.organisations(division_code)
        return [Organisation.from_row(r) for r in rows]

    @strawberry.field(description="A volunteer, with their vetting history")
    async def volunteer(self, info: Ctx, id: strawberry.ID) -> Volunteer | None:
        try:
            return Volunteer.from_row(await info.context.volunteers.volunteer(id))
        except NotFound:
            return None

    @strawberry.field(
        description="The volunteers of a division within the caller's, newest first; "
        "`vetted` keeps only those vetted (true) or not (false) today"
    )
    async def volunteers(
        self,
        info: Ctx,
        division_code: str,
        first: int = 20,
        after: str | None = None,
        vetted: bool | None = None,
    ) -> VolunteerConnection:
        page = await info.context.volunteers.volunteers(division_code, first, after, vetted)
        return VolunteerConnection.from_row(page)

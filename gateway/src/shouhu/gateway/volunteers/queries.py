"""Queries of volunteers."""

from __future__ import annotations

import datetime

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.volunteers.types import (
    Activity,
    Organisation,
    ServiceHours,
    Volunteer,
    VolunteerConnection,
)
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

    @strawberry.field(
        description="The activities held in a division within the caller's, or for a division "
        "containing it, from `since` to `until` (days, both kept); latest first"
    )
    async def activities(
        self,
        info: Ctx,
        division_code: str,
        since: datetime.date | None = None,
        until: datetime.date | None = None,
    ) -> list[Activity]:
        rows = await info.context.volunteers.activities(
            division_code,
            since.isoformat() if since else None,
            until.isoformat() if until else None,
        )
        return [Activity.from_row(r) for r in rows]

    @strawberry.field(description="An activity; to a volunteer, one it signed up for")
    async def activity(self, info: Ctx, id: strawberry.ID) -> Activity | None:
        try:
            return Activity.from_row(await info.context.volunteers.activity(id))
        except NotFound:
            return None

    @strawberry.field(
        description="Service hours waiting for the approval of the caller's organisations"
    )
    async def service_hours_to_approve(self, info: Ctx) -> list[ServiceHours]:
        rows = await info.context.volunteers.hours_to_approve()
        return [ServiceHours.from_row(r) for r in rows]

    @strawberry.field(
        description="The signed-in volunteer's own record (role volunteer), with its pairings, "
        "hours, activities and certificate; null until its account is linked to a registration"
    )
    async def my_volunteer(self, info: Ctx) -> Volunteer | None:
        try:
            return Volunteer.from_row(await info.context.volunteers.my_volunteer())
        except NotFound:
            return None

"""Mutations of volunteers."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx, to_json
from shouhu.gateway.volunteers.types import (
    Organisation,
    OrganisationInput,
    VettingInput,
    Volunteer,
    VolunteerInput,
)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Register a volunteer (志愿者注册): the Youth League into any organisation, "
        "another federation into its own; one per identity number"
    )
    async def register_volunteer(self, info: Ctx, input: VolunteerInput) -> Volunteer:
        return Volunteer.from_row(await info.context.volunteers.register(to_json(input)))

    @strawberry.mutation(
        description="Record a check of a volunteer (侵害未成年人违法犯罪信息查询 or training)"
    )
    async def record_vetting(
        self, info: Ctx, volunteer_id: strawberry.ID, input: VettingInput
    ) -> Volunteer:
        row = await info.context.volunteers.record_vetting(volunteer_id, to_json(input))
        return Volunteer.from_row(row)

    @strawberry.mutation(
        description="Add an organisation (组织), acted for by one of the caller's federation roles"
    )
    async def create_organisation(self, info: Ctx, input: OrganisationInput) -> Organisation:
        row = await info.context.volunteers.create_organisation(to_json(input))
        return Organisation.from_row(row)

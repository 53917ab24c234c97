"""Mutations of volunteers."""

from __future__ import annotations

import strawberry
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from shouhu.gateway.common import Ctx, to_json
from shouhu.gateway.ledger.types import ImportMode
from shouhu.gateway.volunteers.types import (
    Organisation,
    OrganisationInput,
    VettingInput,
    Volunteer,
    VolunteerInput,
    VolunteerRosterReport,
)
from shouhu.platform.errors import ValidationFailed

NO_ROSTER = "请上传志愿者名册文件"


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

    @strawberry.mutation(
        description="Disable a volunteer (停用): their account is disabled and its sessions end; "
        "by whoever may register them"
    )
    async def disable_volunteer(self, info: Ctx, id: strawberry.ID, reason: str) -> Volunteer:
        row = await info.context.volunteers.disable(id, {"reason": reason})
        return Volunteer.from_row(row)

    @strawberry.mutation(
        description="Import a roster of volunteers (志愿者名册, XLSX or CSV) into an organisation "
        "(default: the caller's federation's own): each good row a volunteer with an account, "
        "the one-time passwords in the report; mode ALL_OR_NOTHING when not given"
    )
    async def import_volunteers(
        self,
        info: Ctx,
        file: Upload,
        mode: ImportMode | None = None,
        organisation_id: strawberry.ID | None = None,
    ) -> VolunteerRosterReport:
        if not isinstance(file, UploadFile):
            raise ValidationFailed(NO_ROSTER, fields={"file": NO_ROSTER})
        upload = (
            file.filename or "志愿者名册",
            await file.read(),
            file.content_type or "application/octet-stream",
        )
        chosen = (mode or ImportMode.ALL_OR_NOTHING).value
        row = await info.context.volunteers.import_roster(
            chosen, str(organisation_id) if organisation_id else None, upload
        )
        return VolunteerRosterReport.from_row(row)

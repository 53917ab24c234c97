"""Mutations of volunteers."""

from __future__ import annotations

import datetime

import strawberry
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from shouhu.gateway.common import Ctx, to_json
from shouhu.gateway.ledger.types import ImportMode
from shouhu.gateway.volunteers.types import (
    Activity,
    ActivityInput,
    ActivitySignUpInput,
    AttendanceInput,
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
        description="Create an activity (志愿服务活动) of an organisation the caller acts for"
    )
    async def create_activity(self, info: Ctx, input: ActivityInput) -> Activity:
        return Activity.from_row(await info.context.volunteers.create_activity(to_json(input)))

    @strawberry.mutation(
        description="Sign vetted volunteers and a number of children up for an activity"
    )
    async def sign_up_for_activity(
        self, info: Ctx, activity_id: strawberry.ID, input: ActivitySignUpInput
    ) -> Activity:
        row = await info.context.volunteers.sign_up(activity_id, to_json(input))
        return Activity.from_row(row)

    @strawberry.mutation(
        description="Record who came to an activity (on or after its day): the volunteers named "
        "came, the others signed up did not"
    )
    async def record_attendance(
        self, info: Ctx, activity_id: strawberry.ID, input: AttendanceInput
    ) -> Activity:
        row = await info.context.volunteers.record_attendance(activity_id, to_json(input))
        return Activity.from_row(row)

    @strawberry.mutation(
        description="Record hours served on a day (to be approved by the organisation): at an "
        "activity the volunteer attended, or without one for a pairing visit. Refused: a day in "
        "the future, hours not above 0, over 24 on a day in all"
    )
    async def record_service_hours(
        self,
        info: Ctx,
        volunteer_id: strawberry.ID,
        hours: float,
        on: datetime.date,
        activity_id: strawberry.ID | None = None,
        note: str | None = None,
    ) -> Volunteer:
        body = {"activityId": activity_id, "hours": hours, "on": on.isoformat(), "note": note}
        row = await info.context.volunteers.record_hours(volunteer_id, body)
        return Volunteer.from_row(row)

    @strawberry.mutation(
        description="Approve (or, approved false, reject) recorded hours: approved hours count "
        "towards totalHours and starLevel"
    )
    async def approve_service_hours(
        self,
        info: Ctx,
        hours_id: strawberry.ID,
        approved: bool = True,
        note: str | None = None,
    ) -> Volunteer:
        body = {"approved": approved, "note": note}
        row = await info.context.volunteers.decide_hours(hours_id, body)
        return Volunteer.from_row(row)

    @strawberry.mutation(
        description="Disable a volunteer (停用): their account is disabled and its sessions end; "
        "by whoever may register them"
    )
    async def disable_volunteer(self, info: Ctx, id: strawberry.ID, reason: str) -> Volunteer:
        row = await info.context.volunteers.disable(id, {"reason": reason})
        return Volunteer.from_row(row)

    @strawberry.mutation(
        description="Enable a disabled volunteer again (启用): their account is enabled; by "
        "whoever may disable them"
    )
    async def enable_volunteer(self, info: Ctx, id: strawberry.ID) -> Volunteer:
        row = await info.context.volunteers.enable(id)
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

"""Queries and mutations of activities, service hours and the volunteer's own view."""

from __future__ import annotations

import datetime

import strawberry

from shouhu.gateway.common import Ctx, to_json
from shouhu.gateway.volunteers.activity_types import (
    Activity,
    ActivityInput,
    ActivitySignUpInput,
    AttendanceInput,
    ServiceHours,
)
from shouhu.gateway.volunteers.types import Volunteer
from shouhu.platform.errors import NotFound


@strawberry.type
class Query:
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
        description="The signed-in volunteer's own record (role volunteer), with its hours, "
        "activities and certificate; null until its account is linked to a registration"
    )
    async def my_volunteer(self, info: Ctx) -> Volunteer | None:
        # The volunteer's pairings (the child's name, village, age and needs) come with the
        # pairing slice as `Volunteer.pairings`, under the same rule: only its own.
        try:
            return Volunteer.from_row(await info.context.volunteers.my_volunteer())
        except NotFound:
            return None


@strawberry.type
class Mutation:
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

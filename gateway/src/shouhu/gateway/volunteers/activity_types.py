"""Activities (志愿服务活动) and service hours (志愿服务时长): the types."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.common import to_datetime


@strawberry.enum(
    description="What an activity is (活动类型): study help, holiday camp, parents' visit "
    "organised by the union (亲情团聚), health check, ..."
)
class ActivityKind(Enum):
    STUDY_HELP = "STUDY_HELP"
    HOLIDAY_CAMP = "HOLIDAY_CAMP"
    FAMILY_REUNION = "FAMILY_REUNION"
    HEALTH_CHECK = "HEALTH_CHECK"
    PSYCHOLOGICAL_COUNSELLING = "PSYCHOLOGICAL_COUNSELLING"
    SAFETY_EDUCATION = "SAFETY_EDUCATION"
    CULTURE_AND_SPORTS = "CULTURE_AND_SPORTS"
    OTHER = "OTHER"


@strawberry.enum(description="Where a record of hours stands: recorded, approved, rejected")
class ServiceHoursStatus(Enum):
    RECORDED = "RECORDED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


@strawberry.type(description="A volunteer signed up for an activity")
class ActivityVolunteer:
    volunteer_id: strawberry.ID
    name: str
    attended: bool | None = strawberry.field(description="Null until attendance is taken")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ActivityVolunteer:
        return cls(
            volunteer_id=strawberry.ID(row["volunteerId"]),
            name=row["name"],
            attended=row.get("attended"),
        )


@strawberry.type(description="An organisation's activity on a day (志愿服务活动)")
class Activity:
    id: strawberry.ID
    organisation_id: strawberry.ID
    organisation_name: str
    kind: ActivityKind
    kind_name: str
    title: str
    division_code: str
    division_name: str
    on: datetime.date
    capacity: int = strawberry.field(description="Places for children")
    volunteer_capacity: int | None = strawberry.field(description="Null: no limit")
    children_signed_up: int = strawberry.field(
        description="Children are counted here; who they are stays in the registry"
    )
    children_attended: int | None
    volunteers: list[ActivityVolunteer] = strawberry.field(
        description="Those signed up; a volunteer sees only itself"
    )
    attendance_taken: bool
    version: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Activity:
        return cls(
            id=strawberry.ID(row["id"]),
            organisation_id=strawberry.ID(row["organisationId"]),
            organisation_name=row["organisationName"],
            kind=ActivityKind(row["kind"]),
            kind_name=row["kindName"],
            title=row["title"],
            division_code=row["divisionCode"],
            division_name=row["divisionName"],
            on=datetime.date.fromisoformat(row["on"]),
            capacity=row["capacity"],
            volunteer_capacity=row.get("volunteerCapacity"),
            children_signed_up=row["childrenSignedUp"],
            children_attended=row.get("childrenAttended"),
            volunteers=[ActivityVolunteer.from_row(v) for v in row["volunteers"]],
            attendance_taken=row["attendanceTaken"],
            version=row["version"],
        )


@strawberry.type(description="Hours a volunteer served on a day (志愿服务时长)")
class ServiceHours:
    id: strawberry.ID
    volunteer_id: strawberry.ID
    volunteer_name: str
    activity_id: strawberry.ID | None = strawberry.field(description="Null: a pairing visit")
    activity_title: str | None
    organisation_id: strawberry.ID = strawberry.field(description="The organisation approving")
    hours: float
    on: datetime.date
    status: ServiceHoursStatus
    note: str | None
    recorded_by: str
    recorded_at: datetime.datetime
    decided_by: str | None
    decided_at: datetime.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ServiceHours:
        activity_id = row.get("activityId")
        return cls(
            id=strawberry.ID(row["id"]),
            volunteer_id=strawberry.ID(row["volunteerId"]),
            volunteer_name=row["volunteerName"],
            activity_id=strawberry.ID(activity_id) if activity_id else None,
            activity_title=row.get("activityTitle"),
            organisation_id=strawberry.ID(row["organisationId"]),
            hours=row["hours"],
            on=datetime.date.fromisoformat(row["on"]),
            status=ServiceHoursStatus(row["status"]),
            note=row.get("note"),
            recorded_by=row["recordedBy"],
            recorded_at=datetime.datetime.fromisoformat(row["recordedAt"]),
            decided_by=row.get("decidedBy"),
            decided_at=to_datetime(row.get("decidedAt")),
        )


@strawberry.input(description="createActivity")
class ActivityInput:
    kind: ActivityKind
    title: str
    division_code: str = strawberry.field(
        description="A division within the organisation's, or the district"
    )
    on: datetime.date
    capacity: int = strawberry.field(description="Places for children")
    organisation_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="By default the caller's federation's own"
    )
    volunteer_capacity: int | None = strawberry.UNSET


@strawberry.input(description="signUpForActivity: vetted volunteers by id, a number of children")
class ActivitySignUpInput:
    volunteer_ids: list[strawberry.ID] | None = strawberry.UNSET
    children: int | None = strawberry.UNSET


@strawberry.input(description="recordAttendance: the volunteers who came, the children who came")
class AttendanceInput:
    volunteer_ids: list[strawberry.ID]
    children_attended: int | None = strawberry.UNSET

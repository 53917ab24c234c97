"""Types of one-to-one pairing (一对一帮扶): suggestions, pairings, visits."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.common import Ctx, to_date
from shouhu.gateway.volunteers.types import Volunteer, VolunteerSkill


@strawberry.enum(description="Where a pairing stands (结对状态)")
class PairingStatus(Enum):
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    ENDED = "ENDED"


@strawberry.enum(description="How a pairing visit was made")
class PairingVisitMode(Enum):
    HOME = "HOME"
    SCHOOL = "SCHOOL"
    PHONE = "PHONE"
    VIDEO = "VIDEO"
    OTHER = "OTHER"


@strawberry.type(description="A vetted volunteer suggested for a child (推荐志愿者)")
class VolunteerSuggestion:
    volunteer: Volunteer
    score: float = strawberry.field(description="Out of the sum of pairing.yaml's weights")
    reasons: list[str] = strawberry.field(
        description="In Chinese: skills, nearness, load, continuity"
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> VolunteerSuggestion:
        return cls(
            volunteer=Volunteer.from_row(row["volunteer"]),
            score=row["score"],
            reasons=list(row["reasons"]),
        )


@strawberry.type(description="One visit of a pairing")
class PairingVisit:
    id: strawberry.ID
    visited_on: datetime.date
    minutes: int
    mode: PairingVisitMode
    note: str | None
    recorded_by: str
    recorded_at: datetime.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PairingVisit:
        return cls(
            id=strawberry.ID(row["id"]),
            visited_on=datetime.date.fromisoformat(row["visitedOn"]),
            minutes=row["minutes"],
            mode=PairingVisitMode(row["mode"]),
            note=row.get("note"),
            recorded_by=row["recordedBy"],
            recorded_at=datetime.datetime.fromisoformat(row["recordedAt"]),
        )


@strawberry.type(
    description="A volunteer paired with a child (一对一帮扶): the child's name, "
    "village, age and needs only"
)
class Pairing:
    id: strawberry.ID
    volunteer_id: strawberry.ID
    volunteer_name: str
    organisation_id: strawberry.ID
    child_id: strawberry.ID
    child_name: str
    child_age: int
    child_division_code: str
    child_needs: list[VolunteerSkill]
    status: PairingStatus
    started_on: datetime.date
    ended_on: datetime.date | None
    end_reason: str | None
    visits: list[PairingVisit] = strawberry.field(description="The latest first")
    version: int
    created_by: str
    created_at: datetime.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Pairing:
        return cls(
            id=strawberry.ID(row["id"]),
            volunteer_id=strawberry.ID(row["volunteerId"]),
            volunteer_name=row["volunteerName"],
            organisation_id=strawberry.ID(row["organisationId"]),
            child_id=strawberry.ID(row["childId"]),
            child_name=row["childName"],
            child_age=row["childAge"],
            child_division_code=row["childDivisionCode"],
            child_needs=[VolunteerSkill(n) for n in row["childNeeds"]],
            status=PairingStatus(row["status"]),
            started_on=datetime.date.fromisoformat(row["startedOn"]),
            ended_on=to_date(row.get("endedOn")),
            end_reason=row.get("endReason"),
            visits=[PairingVisit.from_row(v) for v in row["visits"]],
            version=row["version"],
            created_by=row["createdBy"],
            created_at=datetime.datetime.fromisoformat(row["createdAt"]),
        )


@strawberry.type(description="A visit of the volunteer's own pairing; the note only of its own")
class OwnPairingVisit:
    id: strawberry.ID
    visited_on: datetime.date
    minutes: int
    mode: PairingVisitMode
    note: str | None = strawberry.field(
        description="Null for a visit logged by another (it may tell of the family)"
    )
    by_volunteer: bool = strawberry.field(description="Logged by the volunteer itself")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> OwnPairingVisit:
        return cls(
            id=strawberry.ID(row["id"]),
            visited_on=datetime.date.fromisoformat(row["visitedOn"]),
            minutes=row["minutes"],
            mode=PairingVisitMode(row["mode"]),
            note=row.get("note"),
            by_volunteer=row["byVolunteer"],
        )


@strawberry.type(
    description="A pairing as its volunteer sees it (item 11): the child's name, village, age "
    "and needs; no identity number, health, case or family detail"
)
class OwnPairing:
    id: strawberry.ID
    child_name: str
    child_age: int
    village_name: str
    needs: list[VolunteerSkill]
    status: PairingStatus
    started_on: datetime.date
    ended_on: datetime.date | None
    visits: list[OwnPairingVisit] = strawberry.field(description="The latest first")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> OwnPairing:
        return cls(
            id=strawberry.ID(row["id"]),
            child_name=row["childName"],
            child_age=row["childAge"],
            village_name=row["villageName"],
            needs=[VolunteerSkill(n) for n in row["needs"]],
            status=PairingStatus(row["status"]),
            started_on=datetime.date.fromisoformat(row["startedOn"]),
            ended_on=to_date(row.get("endedOn")),
            visits=[OwnPairingVisit.from_row(v) for v in row["visits"]],
        )


@strawberry.input(description="recordPairingVisit: one visit")
class PairingVisitInput:
    visited_on: datetime.date = strawberry.field(description="Not in the future")
    minutes: int
    mode: PairingVisitMode | None = strawberry.UNSET
    note: str | None = strawberry.UNSET


async def suggestions(info: Ctx, child_id: str, first: int) -> list[VolunteerSuggestion]:
    got = await info.context.volunteers.suggest(child_id, first)
    return [VolunteerSuggestion.from_row(s) for s in got["suggestions"]]

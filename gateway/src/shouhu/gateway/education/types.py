"""Education (教育): schools, a child's enrolments; aid and the dropout watch come later."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.common import to_date


@strawberry.enum(description="A stage of schooling (学段)")
class SchoolStage(Enum):
    PRESCHOOL = "PRESCHOOL"
    PRIMARY = "PRIMARY"
    JUNIOR_SECONDARY = "JUNIOR_SECONDARY"
    SENIOR_SECONDARY = "SENIOR_SECONDARY"
    VOCATIONAL_SECONDARY = "VOCATIONAL_SECONDARY"
    SPECIAL_EDUCATION = "SPECIAL_EDUCATION"
    HOME_TEACHING = "HOME_TEACHING"


@strawberry.enum(description="Who runs a school (办学类型)")
class SchoolKind(Enum):
    PUBLIC = "PUBLIC"
    PRIVATE = "PRIVATE"
    SPECIAL_EDUCATION = "SPECIAL_EDUCATION"


@strawberry.enum(description="ACTIVE, SUSPENDED (休学) or ENDED (学籍状态)")
class EnrolmentStatus(Enum):
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    ENDED = "ENDED"


@strawberry.enum(description="Why an enrolment ended (学籍终止原因)")
class EnrolmentEndReason(Enum):
    GRADUATED = "GRADUATED"
    TRANSFERRED = "TRANSFERRED"
    MOVED_OUT_OF_DISTRICT = "MOVED_OUT_OF_DISTRICT"
    DROPPED_OUT = "DROPPED_OUT"
    DIED = "DIED"
    OVER_AGE = "OVER_AGE"


@strawberry.type(description="A school of the district (学校名录)")
class School:
    code: str = strawberry.field(description="The national 10-digit school identifier (学校标识码)")
    name: str
    stages: list[SchoolStage]
    town_code: str
    town_name: str
    kind: SchoolKind
    demo: bool = strawberry.field(description="Demo data seeded on first start, not a real school")
    version: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> School:
        return cls(
            code=row["code"],
            name=row["name"],
            stages=[SchoolStage(s) for s in row["stages"]],
            town_code=row["townCode"],
            town_name=row["townName"],
            kind=SchoolKind(row["kind"]),
            demo=row["demo"],
            version=row["version"],
        )


@strawberry.type(description="A child's enrolment at a school (学籍); kept after it ends")
class Enrolment:
    id: strawberry.ID
    child_id: strawberry.ID
    school_code: str
    school_name: str
    stage: SchoolStage
    grade: int
    status: EnrolmentStatus
    since: datetime.date
    suspended_on: datetime.date | None
    ended_on: datetime.date | None
    end_reason: EnrolmentEndReason | None
    transferred_to: strawberry.ID | None = strawberry.field(
        description="The enrolment a transfer opened (转学)"
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Enrolment:
        return cls(
            id=strawberry.ID(row["id"]),
            child_id=strawberry.ID(row["childId"]),
            school_code=row["schoolCode"],
            school_name=row["schoolName"],
            stage=SchoolStage(row["stage"]),
            grade=row["grade"],
            status=EnrolmentStatus(row["status"]),
            since=datetime.date.fromisoformat(row["since"]),
            suspended_on=to_date(row.get("suspendedOn")),
            ended_on=to_date(row.get("endedOn")),
            end_reason=EnrolmentEndReason(row["endReason"]) if row.get("endReason") else None,
            transferred_to=strawberry.ID(row["transferredTo"])
            if row.get("transferredTo")
            else None,
        )


@strawberry.type(description="Education aid for one programme (分类资助); decided in a later slice")
class EducationAid:
    programme: str
    eligible: bool
    reasons: list[str]
    annual_amount_fen: int


@strawberry.type(description="A child of compulsory-school age with no open enrolment (控辍保学)")
class DropoutRisk:
    id: strawberry.ID
    opened_on: datetime.date
    reason: str


@strawberry.type(description="A child's education (教育): enrolments, aid, dropout risk")
class ChildEducation:
    enrolments: list[Enrolment] = strawberry.field(description="Newest first, ended ones kept")
    aid: list[EducationAid] = strawberry.field(description="Empty until aid is decided")
    dropout_risk: DropoutRisk | None = strawberry.field(
        description="Null until the dropout watch runs"
    )

    @classmethod
    def from_row(cls, row: dict[str, Any] | None) -> ChildEducation | None:
        if row is None:
            return None
        return cls(
            enrolments=[Enrolment.from_row(e) for e in row["enrolments"]],
            aid=[],
            dropout_risk=None,
        )


@strawberry.input(description="An enrolment: a school of the reference, stage, grade, first day")
class EnrolmentInput:
    school_code: str = strawberry.field(description="学校标识码, from `schools`")
    school_name: str | None = strawberry.field(
        default=None, description="As the caller knows it; refused when the reference differs"
    )
    stage: SchoolStage
    grade: int
    since: datetime.date = strawberry.field(description="Not before birth, not in the future")


@strawberry.input(description="A school's name, stages, town and kind")
class SchoolFieldsInput:
    name: str
    stages: list[SchoolStage]
    town_code: str
    kind: SchoolKind


@strawberry.input(description="A new school under its national identifier")
class SchoolInput(SchoolFieldsInput):
    code: str

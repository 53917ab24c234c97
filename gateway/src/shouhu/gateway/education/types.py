"""Education (教育): schools, a child's enrolments, the dropout watch (控辍保学); aid later."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.children.types import Child
from shouhu.gateway.common import Ctx, PageInfo, deferred, operation_name, to_date
from shouhu.platform.errors import NotFound


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


@strawberry.enum(description="Why a child is at risk of dropping out (辍学风险原因)")
class DropoutRiskReason(Enum):
    NOT_ENROLLED = "NOT_ENROLLED"
    ENROLMENT_ENDED = "ENROLMENT_ENDED"
    LONG_ABSENCE = "LONG_ABSENCE"


@strawberry.enum(
    description="OPEN; RESOLVED (enrolled, back at school); EXEMPTED (免予入学); CLOSED (out of "
    "compulsory-school age, or out of the registry)"
)
class DropoutRiskStatus(Enum):
    OPEN = "OPEN"
    RESOLVED = "RESOLVED"
    EXEMPTED = "EXEMPTED"
    CLOSED = "CLOSED"


@strawberry.enum(description="How a dropout risk ended")
class DropoutRiskOutcome(Enum):
    ENROLLED = "ENROLLED"
    RETURNED = "RETURNED"
    EXEMPTED = "EXEMPTED"
    AGE_LEFT = "AGE_LEFT"
    CHILD_EXITED = "CHILD_EXITED"


@strawberry.enum(
    description="Why a child need not be at school (免予入学): medical, moved away, other"
)
class ExemptionReason(Enum):
    MEDICAL = "MEDICAL"
    MOVED_AWAY = "MOVED_AWAY"
    OTHER = "OTHER"


@strawberry.type(
    description="A child of compulsory-school age (6 to 15 on the day) with no open enrolment, "
    "or enrolled and long absent (控辍保学)"
)
class DropoutRisk:
    id: strawberry.ID
    child_id: strawberry.ID
    opened_on: datetime.date
    reason: DropoutRiskReason
    status: DropoutRiskStatus
    due_on: datetime.date = strawberry.field(
        description="The last working day for the town's social worker and the department to act"
    )
    overdue: bool = strawberry.field(description="Open past its deadline")
    division_code: str = strawberry.field(description="The child's village while it is open")
    closed_on: datetime.date | None
    outcome: DropoutRiskOutcome | None
    exemption_reason: ExemptionReason | None
    exemption_note: str | None
    exempt_until: datetime.date | None
    closed_by: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DropoutRisk:
        return cls(
            id=strawberry.ID(row["id"]),
            child_id=strawberry.ID(row["childId"]),
            opened_on=datetime.date.fromisoformat(row["openedOn"]),
            reason=DropoutRiskReason(row["reason"]),
            status=DropoutRiskStatus(row["status"]),
            due_on=datetime.date.fromisoformat(row["dueOn"]),
            overdue=row["overdue"],
            division_code=row["residenceDivisionCode"],
            closed_on=to_date(row.get("closedOn")),
            outcome=DropoutRiskOutcome(row["outcome"]) if row.get("outcome") else None,
            exemption_reason=ExemptionReason(row["exemptionReason"])
            if row.get("exemptionReason")
            else None,
            exemption_note=row.get("exemptionNote"),
            exempt_until=to_date(row.get("exemptUntil")),
            closed_by=row.get("closedBy"),
        )

    @strawberry.field(description="The child, as the caller's role may see the file")
    def child(self, info: Ctx) -> Child:
        child_id = str(self.child_id)

        async def loaded() -> Child:
            key = (child_id, "identity", operation_name(info))
            row = await info.context.loaders.child_part.load(key)
            if not row:
                raise NotFound("儿童不存在")
            return Child.from_row(row)

        return deferred(loaded())


@strawberry.type
class DropoutRiskEdge:
    cursor: str
    node: DropoutRisk


@strawberry.type(description="A page of a division's open dropout risks, newest first")
class DropoutRiskConnection:
    edges: list[DropoutRiskEdge]
    page_info: PageInfo

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DropoutRiskConnection:
        return cls(
            edges=[
                DropoutRiskEdge(cursor=e["cursor"], node=DropoutRisk.from_row(e["node"]))
                for e in row["edges"]
            ],
            page_info=PageInfo.from_row(row["pageInfo"]),
        )


@strawberry.type(description="A child's absences since the last return, after a school's report")
class Absences:
    child_id: strawberry.ID
    school_code: str
    days: list[datetime.date] = strawberry.field(description="Absent days, oldest first")
    longest_run: int = strawberry.field(description="Longest run of consecutive school days")
    threshold: int = strawberry.field(description="The run that opens a LONG_ABSENCE risk")
    dropout_risk: DropoutRisk | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Absences:
        risk = row.get("dropoutRisk")
        return cls(
            child_id=strawberry.ID(row["childId"]),
            school_code=row["schoolCode"],
            days=[datetime.date.fromisoformat(d) for d in row["days"]],
            longest_run=row["longestRun"],
            threshold=row["threshold"],
            dropout_risk=DropoutRisk.from_row(risk) if risk else None,
        )


@strawberry.type(description="A child's education (教育): enrolments, aid, dropout risk")
class ChildEducation:
    enrolments: list[Enrolment] = strawberry.field(description="Newest first, ended ones kept")
    aid: list[EducationAid] = strawberry.field(description="Empty until aid is decided")
    dropout_risk: DropoutRisk | None = strawberry.field(
        description="The open dropout risk (控辍保学), or null"
    )

    @classmethod
    def from_row(cls, row: dict[str, Any] | None) -> ChildEducation | None:
        if row is None:
            return None
        return cls(
            enrolments=[Enrolment.from_row(e) for e in row["enrolments"]],
            aid=[],
            dropout_risk=DropoutRisk.from_row(row["dropoutRisk"])
            if row.get("dropoutRisk")
            else None,
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


@strawberry.input(description="An exemption (免予入学): the reason, a note (required for OTHER)")
class ExemptionInput:
    reason: ExemptionReason
    note: str | None = None
    until: datetime.date | None = strawberry.field(
        default=None, description="Until when it holds; none: until the child is enrolled again"
    )


@strawberry.input(
    description="A school's absence report (缺课): from a day, for consecutive school days or "
    "a list of days (one of the two)"
)
class AbsenceInput:
    from_: datetime.date = strawberry.field(name="from")
    consecutive_days: int | None = None
    days: list[datetime.date] | None = None

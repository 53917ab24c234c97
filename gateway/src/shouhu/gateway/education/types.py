"""Education (教育): schools, a child's enrolments, the dropout watch (控辍保学), aid by stage and
its semester ledger."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON

from shouhu.gateway.benefits.types import BigInt, ExportFormat
from shouhu.gateway.children.types import Child
from shouhu.gateway.common import (
    Ctx,
    ExportFile,
    PageInfo,
    connection,
    deferred,
    operation_name,
    selected,
    to_date,
)
from shouhu.gateway.ledger.types import ImportMode, ImportRowError
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
    boarding: bool = strawberry.field(description="寄宿生")
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
            boarding=row.get("boarding", False),
            status=EnrolmentStatus(row["status"]),
            since=datetime.date.fromisoformat(row["since"]),
            suspended_on=to_date(row.get("suspendedOn")),
            ended_on=to_date(row.get("endedOn")),
            end_reason=EnrolmentEndReason(row["endReason"]) if row.get("endReason") else None,
            transferred_to=strawberry.ID(row["transferredTo"])
            if row.get("transferredTo")
            else None,
        )


@strawberry.enum(description="An aid programme of education (资助项目)")
class AidProgrammeCode(Enum):
    PRESCHOOL_AID = "PRESCHOOL_AID"
    BOARDING_LIVING_SUBSIDY = "BOARDING_LIVING_SUBSIDY"
    SENIOR_NATIONAL_GRANT = "SENIOR_NATIONAL_GRANT"
    SENIOR_FEE_WAIVER = "SENIOR_FEE_WAIVER"
    VOCATIONAL_FEE_WAIVER = "VOCATIONAL_FEE_WAIVER"
    VOCATIONAL_NATIONAL_GRANT = "VOCATIONAL_NATIONAL_GRANT"


@strawberry.type(description="Education aid for one programme (分类资助), with the reasons")
class EducationAid:
    programme: AidProgrammeCode
    programme_name: str
    eligible: bool
    reasons: list[str] = strawberry.field(description="In Chinese, why granted or refused")
    annual_amount_fen: int
    decided_on: datetime.date | None = strawberry.field(
        description="Null while the child has no enrolment at an aid stage: judged as read"
    )
    rule_version: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EducationAid:
        return cls(
            programme=AidProgrammeCode(row["programme"]),
            programme_name=row["programmeName"],
            eligible=row["eligible"],
            reasons=list(row["reasons"]),
            annual_amount_fen=row["annualAmountFen"],
            decided_on=to_date(row.get("decidedOn")),
            rule_version=row["ruleVersion"],
        )


@strawberry.type(description="An aid standard the district set (资助标准), kept after replaced")
class AidStandard:
    annual_amount_fen: int
    effective_from: datetime.date
    set_by: str
    set_at: datetime.datetime


@strawberry.type(description="A semester and its share of the annual standard")
class AidSemesterShare:
    code: str
    name: str
    starts: str = strawberry.field(description="Its first day in the year, MM-DD")
    percent: int


@strawberry.type(description="An aid programme (资助项目) with today's standard and its history")
class AidProgramme:
    code: AidProgrammeCode
    name: str
    stages: list[SchoolStage]
    boarding_required: bool
    left_behind_eligible: bool = strawberry.field(
        description="The district's switch: left-behind children qualify too"
    )
    basis: str
    annual_amount_fen: int = strawberry.field(description="Today's standard, in fen a year")
    placeholder: bool = strawberry.field(
        description="True while no standard is set: the rules file's placeholder applies"
    )
    effective_from: datetime.date | None
    semesters: list[AidSemesterShare]
    standards: list[AidStandard] = strawberry.field(description="Newest first")
    rule_version: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AidProgramme:
        return cls(
            code=AidProgrammeCode(row["code"]),
            name=row["name"],
            stages=[SchoolStage(s) for s in row["stages"]],
            boarding_required=row["boardingRequired"],
            left_behind_eligible=row["leftBehindEligible"],
            basis=row["basis"],
            annual_amount_fen=row["annualAmountFen"],
            placeholder=row["placeholder"],
            effective_from=to_date(row.get("effectiveFrom")),
            semesters=[
                AidSemesterShare(
                    code=s["code"], name=s["name"], starts=s["starts"], percent=s["percent"]
                )
                for s in row["semesters"]
            ],
            standards=[
                AidStandard(
                    annual_amount_fen=r["annualAmountFen"],
                    effective_from=datetime.date.fromisoformat(r["effectiveFrom"]),
                    set_by=r["setBy"],
                    set_at=datetime.datetime.fromisoformat(r["setAt"]),
                )
                for r in row["standards"]
            ],
            rule_version=row["ruleVersion"],
        )


@strawberry.type(description="What one town receives of one programme in a semester (汇总)")
class AidTotal:
    town_code: str
    town_name: str
    programme: AidProgrammeCode
    line_count: int
    total_fen: BigInt  # type: ignore[valid-type]


@strawberry.type(description="One child's aid of one programme in a semester (发放明细)")
class AidLine:
    id: strawberry.ID
    semester: str
    child_id: strawberry.ID
    child_name: str
    programme: AidProgrammeCode
    stage: SchoolStage
    amount_fen: int
    residence_division_code: str
    town_code: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AidLine:
        return cls(
            id=strawberry.ID(row["id"]),
            semester=row["semester"],
            child_id=strawberry.ID(row["childId"]),
            child_name=row["childName"],
            programme=AidProgrammeCode(row["programme"]),
            stage=SchoolStage(row["stage"]),
            amount_fen=row["amountFen"],
            residence_division_code=row["residenceDivisionCode"],
            town_code=row["townCode"],
        )


@strawberry.type
class AidLineEdge:
    cursor: str
    node: AidLine


@strawberry.type(description="A page of a semester's lines in the caller's division")
class AidLineConnection:
    edges: list[AidLineEdge]
    page_info: PageInfo
    total_count: int | None = strawberry.field(description="Counted only when asked for")


@strawberry.type(
    description="A semester's aid ledger (学期资助发放台账); computed once, never twice"
)
class AidSemester:
    id: strawberry.ID
    semester: str = strawberry.field(description="2026-AUTUMN (秋季学期) or 2027-SPRING (春季学期)")
    starts_on: datetime.date
    line_count: int
    total_fen: BigInt  # type: ignore[valid-type]
    rule_version: str
    standards: JSON = strawberry.field(description="Each programme's semester amount, in fen")
    created_at: datetime.datetime
    created_by: str
    scope_division_code: str = strawberry.field(description="The division the totals cover")
    totals: list[AidTotal] = strawberry.field(description="Per town and programme, in scope")

    @strawberry.field(description="The children paid, within the caller's division (not auditors)")
    async def lines(
        self,
        info: Ctx,
        first: int = 50,
        after: str | None = None,
        division_code: str | None = None,
        programme: AidProgrammeCode | None = None,
    ) -> AidLineConnection:
        page = await info.context.education.aid_lines(
            self.semester,
            {
                "first": first,
                "after": after,
                "divisionCode": division_code,
                "programme": programme.value if programme else None,
                "withTotal": "totalCount" in selected(info),
            },
        )
        return connection(
            AidLineConnection,
            page,
            AidLineEdge,
            AidLine.from_row,
            total_count=page.get("totalCount"),
        )

    @strawberry.field(description="The lines in the caller's division as CSV or XLSX")
    async def export(self, info: Ctx, format: ExportFormat) -> ExportFile:
        return ExportFile.from_row(
            await info.context.education.aid_export(self.semester, format.value)
        )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AidSemester:
        return cls(
            id=strawberry.ID(row["id"]),
            semester=row["semester"],
            starts_on=datetime.date.fromisoformat(row["startsOn"]),
            line_count=row["lineCount"],
            total_fen=row["totalFen"],
            rule_version=row["ruleVersion"],
            standards=row["standards"],
            created_at=datetime.datetime.fromisoformat(row["createdAt"]),
            created_by=row["createdBy"],
            scope_division_code=row["scopeDivisionCode"],
            totals=[
                AidTotal(
                    town_code=t["townCode"],
                    town_name=t["townName"],
                    programme=AidProgrammeCode(t["programme"]),
                    line_count=t["lineCount"],
                    total_fen=t["totalFen"],
                )
                for t in row["totals"]
            ],
        )


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
        return connection(cls, row, DropoutRiskEdge, DropoutRisk.from_row)


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


@strawberry.enum(description="Where a disabled child is schooled (安置方式)")
class PlacementKind(Enum):
    REGULAR_CLASS = "REGULAR_CLASS"
    SPECIAL_CLASS = "SPECIAL_CLASS"
    SPECIAL_SCHOOL = "SPECIAL_SCHOOL"
    HOME_TEACHING = "HOME_TEACHING"


@strawberry.type(description="A school by its identifier and name")
class SchoolRef:
    code: str
    name: str


@strawberry.type(description="The assessment that decided a placement (残疾儿童入学评估)")
class PlacementAssessment:
    on: datetime.date
    by: str = strawberry.field(description="Who assessed, e.g. the district's committee")
    summary: str


@strawberry.type(
    description="A disabled child's placement (安置): 随班就读, 特教班, 特殊教育学校 or 送教上门"
)
class Placement:
    id: strawberry.ID
    kind: PlacementKind
    school: SchoolRef
    assessment: PlacementAssessment
    since: datetime.date
    ended_on: datetime.date | None = strawberry.field(description="The day a new decision began")
    decided_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Placement:
        a = row["assessment"]
        return cls(
            id=strawberry.ID(row["id"]),
            kind=PlacementKind(row["kind"]),
            school=SchoolRef(code=row["schoolCode"], name=row["schoolName"]),
            assessment=PlacementAssessment(
                on=datetime.date.fromisoformat(a["on"]), by=a["by"], summary=a["summary"]
            ),
            since=datetime.date.fromisoformat(row["since"]),
            ended_on=to_date(row.get("endedOn")),
            decided_by=row["decidedBy"],
        )


@strawberry.type(description="A home teaching session held (送教记录)")
class HomeTeachingSession:
    id: strawberry.ID
    on: datetime.date
    hours: float
    content: str
    counted: bool = strawberry.field(
        description="Long enough (the plan's minimum hours) to count towards the month"
    )
    recorded_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> HomeTeachingSession:
        return cls(
            id=strawberry.ID(row["id"]),
            on=datetime.date.fromisoformat(row["on"]),
            hours=row["hours"],
            content=row["content"],
            counted=row["counted"],
            recorded_by=row["recordedBy"],
        )


@strawberry.type(description="A month that ended short of the plan's schedule (送教不足)")
class MissedMonth:
    month: str = strawberry.field(description="2026-11")
    expected: int
    held: int


@strawberry.type(description="A child's home teaching plan (送教上门计划) and how it is kept")
class HomeTeaching:
    id: strawberry.ID
    child_id: strawberry.ID
    teacher: str = strawberry.field(description="The teacher's name")
    teacher_username: str | None = strawberry.field(
        description="The teacher's school staff account, when they have one"
    )
    school_code: str = strawberry.field(description="The school that sends the teacher")
    school_name: str
    division_code: str = strawberry.field(description="The child's village")
    sessions_per_month: int
    min_hours: float = strawberry.field(description="Hours a session must last to count")
    since: datetime.date
    rule_version: str
    held_this_month: int = strawberry.field(description="Sessions counted this month so far")
    missed_months: list[MissedMonth] = strawberry.field(description="Newest first")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> HomeTeaching:
        return cls(
            id=strawberry.ID(row["id"]),
            child_id=strawberry.ID(row["childId"]),
            teacher=row["teacherName"],
            teacher_username=row.get("teacherUsername"),
            school_code=row["schoolCode"],
            school_name=row["schoolName"],
            division_code=row["residenceDivisionCode"],
            sessions_per_month=row["sessionsPerMonth"],
            min_hours=row["minHours"],
            since=datetime.date.fromisoformat(row["since"]),
            rule_version=row["ruleVersion"],
            held_this_month=row["heldThisMonth"],
            missed_months=[
                MissedMonth(month=m["month"], expected=m["expected"], held=m["held"])
                for m in row["missedMonths"]
            ],
        )

    @strawberry.field(description="The child's last sessions (at most 100), newest first")
    async def sessions(self, info: Ctx, last: int = 10) -> list[HomeTeachingSession]:
        rows = await info.context.education.home_teaching_sessions(str(self.child_id), last)
        return [HomeTeachingSession.from_row(r) for r in rows]

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


@strawberry.type(
    description="A child with an open enrolment at a school (本校学生), as education knows it"
)
class SchoolPupil:
    enrolment: Enrolment
    child_id: strawberry.ID
    child_name: str
    birth_date: datetime.date
    dropout_risk: DropoutRisk | None = strawberry.field(
        description="The open dropout risk (控辍保学), or null"
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SchoolPupil:
        enrolment = Enrolment.from_row(row["enrolment"])
        risk = row.get("dropoutRisk")
        return cls(
            enrolment=enrolment,
            child_id=enrolment.child_id,
            child_name=row["childName"],
            birth_date=datetime.date.fromisoformat(row["birthDate"]),
            dropout_risk=DropoutRisk.from_row(risk) if risk else None,
        )

    @strawberry.field(
        description="The child's education as the caller may read it (a school's staff: their "
        "school's enrolments, placement, home teaching and non-Beijing documents; no aid)"
    )
    def education(self, info: Ctx) -> ChildEducation | None:
        # A school's staff read no file: this is their one way to the child's plan and documents.
        async def batched() -> ChildEducation | None:
            return ChildEducation.from_row(
                await info.context.loaders.education.load(str(self.child_id))
            )

        return deferred(batched())


@strawberry.type
class SchoolPupilEdge:
    cursor: str
    node: SchoolPupil


@strawberry.type(description="A page of a school's pupils, the latest enrolled first")
class SchoolPupilConnection:
    edges: list[SchoolPupilEdge]
    page_info: PageInfo

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> SchoolPupilConnection:
        return connection(cls, row, SchoolPupilEdge, SchoolPupil.from_row)


@strawberry.type(description="A document a non-Beijing child's enrolment needs (非京籍入学材料)")
class EnrolmentDocument:
    code: str = strawberry.field(description="The code of the district's documents file")
    name: str
    required: bool = strawberry.field(description="Asked for the child's stage")
    provided: bool


@strawberry.type(
    description="A child whose hukou is outside Beijing (非京籍) and the documents its enrolment "
    "needs, as last checked"
)
class NonBeijing:
    hukou_division_code: str = strawberry.field(description="户籍地区划代码, not Beijing's (11…)")
    stage: SchoolStage = strawberry.field(
        description="The stage asked for: the open enrolment's, else the one the age fits"
    )
    documents: list[EnrolmentDocument] = strawberry.field(
        description="The stage's documents, then any other provided"
    )
    complete: bool = strawberry.field(description="Every required document provided")
    checked_on: datetime.date | None = strawberry.field(description="The last check, if any")
    checked_by: str | None
    rule_version: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> NonBeijing:
        return cls(
            hukou_division_code=row["hukouDivisionCode"],
            stage=SchoolStage(row["stage"]),
            documents=[
                EnrolmentDocument(
                    code=d["code"], name=d["name"], required=d["required"], provided=d["provided"]
                )
                for d in row["documents"]
            ],
            complete=row["complete"],
            checked_on=to_date(row.get("checkedOn")),
            checked_by=row.get("checkedBy"),
            rule_version=row["ruleVersion"],
        )


@strawberry.type(description="The children with an open enrolment at a stage")
class StageFigures:
    stage: SchoolStage
    enrolled: int


@strawberry.type(description="Education counts of a set of children (all, or non-Beijing)")
class EducationFigures:
    children: int = strawberry.field(description="Children known to education, not exited")
    compulsory_age: int = strawberry.field(description="Of compulsory-school age (义务教育适龄)")
    compulsory_age_enrolled: int = strawberry.field(description="Of them, enrolled")
    enrolled: int = strawberry.field(description="With an open enrolment, any age")
    open_dropout_risks: int = strawberry.field(description="Open dropout risks (控辍保学)")
    home_teaching: int = strawberry.field(description="Open HOME_TEACHING enrolments (送教上门)")
    by_stage: list[StageFigures] = strawberry.field(description="Every stage listed")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EducationFigures:
        return cls(
            children=row["children"],
            compulsory_age=row["compulsoryAge"],
            compulsory_age_enrolled=row["compulsoryAgeEnrolled"],
            enrolled=row["enrolled"],
            open_dropout_risks=row["openDropoutRisks"],
            home_teaching=row["homeTeaching"],
            by_stage=[
                StageFigures(stage=SchoolStage(f["stage"]), enrolled=f["enrolled"])
                for f in row["byStage"]
            ],
        )


@strawberry.type(description="A town's education counts, all children and non-Beijing apart")
class TownEducationFigures:
    town_code: str
    town_name: str
    all_children: EducationFigures
    non_beijing: EducationFigures


@strawberry.type(
    description="A division's education statistics (教育统计) today: every child, non-Beijing "
    "children (非京籍) counted apart, and by town"
)
class EducationStatistics:
    division_code: str
    as_of: datetime.date
    all_children: EducationFigures
    non_beijing: EducationFigures = strawberry.field(
        description="Children whose hukou is recorded outside Beijing"
    )
    by_town: list[TownEducationFigures]
    rule_version: str = strawberry.field(description="The documents file's version")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EducationStatistics:
        return cls(
            division_code=row["divisionCode"],
            as_of=datetime.date.fromisoformat(row["asOf"]),
            all_children=EducationFigures.from_row(row["allChildren"]),
            non_beijing=EducationFigures.from_row(row["nonBeijing"]),
            by_town=[
                TownEducationFigures(
                    town_code=t["townCode"],
                    town_name=t["townName"],
                    all_children=EducationFigures.from_row(t["allChildren"]),
                    non_beijing=EducationFigures.from_row(t["nonBeijing"]),
                )
                for t in row["byTown"]
            ],
            rule_version=row["ruleVersion"],
        )


@strawberry.type(
    description="A child's education (教育): enrolments, aid, dropout risk, a disabled child's "
    "placement and home teaching, non-Beijing documents"
)
class ChildEducation:
    enrolments: list[Enrolment] = strawberry.field(description="Newest first, ended ones kept")
    aid: list[EducationAid] = strawberry.field(
        description="Per programme (分类资助); empty for a school's staff"
    )
    dropout_risk: DropoutRisk | None = strawberry.field(
        description="The open dropout risk (控辍保学), or null"
    )
    placement: Placement | None = strawberry.field(
        description="A disabled child's current placement (安置), or null"
    )
    home_teaching: HomeTeaching | None = strawberry.field(
        description="The current home teaching plan (送教上门), or null"
    )
    non_beijing: NonBeijing | None = strawberry.field(
        description="Hukou outside Beijing (非京籍) and the enrolment documents; null for a "
        "Beijing child or one whose hukou is not recorded"
    )

    @classmethod
    def from_row(cls, row: dict[str, Any] | None) -> ChildEducation | None:
        if row is None:
            return None
        return cls(
            enrolments=[Enrolment.from_row(e) for e in row["enrolments"]],
            aid=[EducationAid.from_row(a) for a in row.get("aid", [])],
            dropout_risk=DropoutRisk.from_row(row["dropoutRisk"])
            if row.get("dropoutRisk")
            else None,
            placement=Placement.from_row(row["placement"]) if row.get("placement") else None,
            home_teaching=HomeTeaching.from_row(row["homeTeaching"])
            if row.get("homeTeaching")
            else None,
            non_beijing=NonBeijing.from_row(row["nonBeijing"]) if row.get("nonBeijing") else None,
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
    boarding: bool = strawberry.field(
        default=False, description="寄宿生 (the boarding living subsidy needs it)"
    )


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


@strawberry.input(description="A programme's annual standard in fen, from a day on")
class AidStandardInput:
    programme: AidProgrammeCode
    annual_amount_fen: int = strawberry.field(description="Fen a year; negative refused")
    effective_from: datetime.date | None = strawberry.field(
        default=None, description="Today when not given"
    )


@strawberry.input(description="The assessment that decided a placement (残疾儿童入学评估)")
class PlacementAssessmentInput:
    on: datetime.date = strawberry.field(description="Not after the placement's first day")
    by: str = strawberry.field(description="Who assessed, e.g. 区残疾儿童入学评估委员会")
    summary: str


@strawberry.input(description="A placement decision: the kind, the school, the assessment")
class PlacementInput:
    kind: PlacementKind
    school_code: str = strawberry.field(
        description="学校标识码; a SPECIAL_SCHOOL placement needs a special education school"
    )
    assessment: PlacementAssessmentInput
    since: datetime.date | None = strawberry.field(default=None, description="Today if not given")


@strawberry.input(
    description="A home teaching plan: the teacher, the sending school, the schedule (the "
    "district's defaults if not given, else within its bounds)"
)
class HomeTeachingPlanInput:
    teacher_name: str
    teacher_username: str | None = strawberry.field(
        default=None, description="A school staff account of the sending school"
    )
    school_code: str | None = strawberry.field(
        default=None, description="The sending school; the placement's if not given"
    )
    sessions_per_month: int | None = None
    min_hours: float | None = None
    since: datetime.date | None = strawberry.field(default=None, description="Today if not given")


@strawberry.input(description="A session held: the day, the hours, what was taught")
class HomeTeachingSessionInput:
    on: datetime.date = strawberry.field(description="Not in the future, not before the plan")
    hours: float
    content: str


@strawberry.input(
    description="A check of a non-Beijing child's enrolment documents: the codes provided (the "
    "complete set; one left out is not provided), the day checked"
)
class EnrolmentDocumentsInput:
    documents: list[str] = strawberry.field(description="Codes of the district's documents file")
    checked_on: datetime.date | None = strawberry.field(
        default=None, description="Today when not given"
    )


@strawberry.type(description="The outcome of one school's roster (花名册导入结果)")
class RosterReport:
    import_id: strawberry.ID | None = strawberry.field(
        description="The recorded import; null when ALL_OR_NOTHING refused the file"
    )
    school_code: str
    file_name: str
    mode: ImportMode
    total_rows: int = strawberry.field(description="Rows with data (blank rows not counted)")
    enrolled_rows: int = strawberry.field(description="New enrolments at the school")
    transferred_rows: int = strawberry.field(
        description="Open enrolments at another school of the district transferred here (转学)"
    )
    unchanged_rows: int = strawberry.field(
        description="Children with an open enrolment at the school already (nothing changed)"
    )
    unmatched_rows: int = strawberry.field(
        description="Identity numbers not filed in the district (未在本区登记), listed in errors"
    )
    rejected_rows: int = strawberry.field(
        description="Malformed rows, or rows the enrolment rules refuse, listed in errors"
    )
    error_count: int = strawberry.field(description="Every error; `errors` lists the first 1000")
    errors: list[ImportRowError]
    duplicate_of_earlier_import: bool = strawberry.field(
        description="The same file for the school was imported before: its report, nothing new"
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> RosterReport:
        return cls(
            import_id=strawberry.ID(row["importId"]) if row.get("importId") else None,
            school_code=row["schoolCode"],
            file_name=row["fileName"],
            mode=ImportMode(row["mode"]),
            total_rows=row["totalRows"],
            enrolled_rows=row["enrolledRows"],
            transferred_rows=row["transferredRows"],
            unchanged_rows=row["unchangedRows"],
            unmatched_rows=row["unmatchedRows"],
            rejected_rows=row["rejectedRows"],
            error_count=row["errorCount"],
            errors=[
                ImportRowError(row=e["row"], column=e["column"], message=e["message"])
                for e in row["errors"]
            ],
            duplicate_of_earlier_import=row["duplicateOfEarlierImport"],
        )

"""Protection cases (强制报告): the report, its steps, the assessment, interventions."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.children.types import Child, RegisterChildInput
from shouhu.gateway.common import (
    Ctx,
    ExportFile,
    PageInfo,
    connection,
    operation_name,
    to_date,
    to_datetime,
)
from shouhu.gateway.divisions.types import Division, named_division
from shouhu.gateway.intakes.types import child_of
from shouhu.gateway.plans.types import PlanMeasureInput
from shouhu.gateway.visits.types import RiskLevel


@strawberry.enum(description="What the reporter found (报告情形)")
class ReportKind(Enum):
    ABUSE = "ABUSE"
    NEGLECT = "NEGLECT"
    ABANDONMENT = "ABANDONMENT"
    MISSING = "MISSING"
    WANDERING = "WANDERING"
    GUARDIAN_UNABLE = "GUARDIAN_UNABLE"
    SELF_HARM_RISK = "SELF_HARM_RISK"
    OTHER = "OTHER"


@strawberry.enum(description="Where a case stands (案件状态)")
class ReportStatus(Enum):
    REPORTED = "REPORTED"
    ACCEPTED = "ACCEPTED"
    REFERRED_TO_TOWN = "REFERRED_TO_TOWN"
    ASSESSED = "ASSESSED"
    CLOSED = "CLOSED"


@strawberry.enum(description="A police response or emergency measure (出警、应急处置措施)")
class ResponseMeasure(Enum):
    SENT_TO_HOSPITAL = "SENT_TO_HOSPITAL"
    PLACED_WITH_RELATIVES = "PLACED_WITH_RELATIVES"
    RESCUE_CENTRE = "RESCUE_CENTRE"
    TEMPORARY_CARE = "TEMPORARY_CARE"
    MISSING_SEARCH_OPENED = "MISSING_SEARCH_OPENED"
    OTHER = "OTHER"


@strawberry.enum(description="Why guardianship is intervened in (监护干预事由)")
class InterventionReason(Enum):
    ADMONITION_FAILED = "ADMONITION_FAILED"
    DUTY_REFUSED_SIX_MONTHS = "DUTY_REFUSED_SIX_MONTHS"
    SERIOUS_HARM = "SERIOUS_HARM"
    GUARDIAN_UNABLE = "GUARDIAN_UNABLE"


@strawberry.enum(
    description="A measure of an intervention: admonition (劝诫), training, temporary "
    "guardianship by civil affairs (临时监护), placement"
)
class InterventionMeasure(Enum):
    ADMONITION = "ADMONITION"
    TRAINING = "TRAINING"
    TEMPORARY_GUARDIANSHIP = "TEMPORARY_GUARDIANSHIP"
    PLACEMENT = "PLACEMENT"


@strawberry.enum
class InterventionStatus(Enum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


@strawberry.enum(description="Why the petition to revoke guardianship is due")
class PetitionReason(Enum):
    SIX_MONTHS = "SIX_MONTHS"
    SERIOUS_HARM = "SERIOUS_HARM"


@strawberry.enum(description="The court's decision on the petition")
class CourtOutcome(Enum):
    REVOKED = "REVOKED"
    NOT_REVOKED = "NOT_REVOKED"
    OTHER = "OTHER"


@strawberry.enum(description="A step of a case's timeline (办理环节)")
class CaseAction(Enum):
    REPORTED = "REPORTED"
    ATTACHMENT_ADDED = "ATTACHMENT_ADDED"
    ACCEPTED = "ACCEPTED"
    RESPONDED = "RESPONDED"
    MISSING_ALERT_OPENED = "MISSING_ALERT_OPENED"
    MISSING_ALERT_CLOSED = "MISSING_ALERT_CLOSED"
    TOWN_NOTIFIED = "TOWN_NOTIFIED"
    ASSESSED = "ASSESSED"
    CHILD_LINKED = "CHILD_LINKED"
    INTERVENTION_OPENED = "INTERVENTION_OPENED"
    INTERVENTION_CLOSED = "INTERVENTION_CLOSED"
    PETITION_DUE = "PETITION_DUE"
    PETITION_FILED = "PETITION_FILED"
    PETITION_DECIDED = "PETITION_DECIDED"
    ESCALATED = "ESCALATED"
    CLOSED = "CLOSED"


@strawberry.enum(
    description="How much of a case the caller sees: all of it, the village supervisor's part, "
    "or the reporter's receipt and status"
)
class ReportView(Enum):
    DETAIL = "DETAIL"
    SUPERVISOR = "SUPERVISOR"
    RECEIPT = "RECEIPT"


@strawberry.type(description="One step of a case: who, when, what")
class CaseStep:
    at: datetime.datetime
    actor: str = strawberry.field(description="A username, or the service that acted")
    action: CaseAction
    note: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CaseStep:
        return cls(
            at=datetime.datetime.fromisoformat(row["at"]),
            actor=row["actor"],
            action=CaseAction(row["action"]),
            note=row.get("note"),
        )


@strawberry.type(description="A police response or emergency measure, with its time and who")
class CaseResponse:
    id: strawberry.ID
    measure: ResponseMeasure
    at: datetime.datetime
    note: str | None
    actor: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CaseResponse:
        return cls(
            id=strawberry.ID(row["id"]),
            measure=ResponseMeasure(row["measure"]),
            at=datetime.datetime.fromisoformat(row["at"]),
            note=row.get("note"),
            actor=row["actor"],
        )


@strawberry.type(description="A photo or document filed with a case (附件)")
class ReportAttachment:
    id: strawberry.ID
    report_id: strawberry.ID
    filename: str
    media_type: str = strawberry.field(description="image/jpeg, image/png or application/pdf")
    size: int = strawberry.field(description="Bytes")
    uploaded_by: str
    uploaded_at: datetime.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ReportAttachment:
        return cls(
            id=strawberry.ID(row["id"]),
            report_id=strawberry.ID(row["caseId"]),
            filename=row["filename"],
            media_type=row["mediaType"],
            size=row["size"],
            uploaded_by=row["uploadedBy"],
            uploaded_at=datetime.datetime.fromisoformat(row["uploadedAt"]),
        )

    @strawberry.field(description="The file itself, base64 (its reading is logged)")
    async def content(self, info: Ctx) -> ExportFile:
        row = await info.context.registry.report_attachment(
            str(self.report_id), str(self.id), operation_name(info)
        )
        return ExportFile.from_row(row)


@strawberry.type(description="The town's assessment (评估): risk and notes per domain, a summary")
class Assessment:
    safety: RiskLevel
    safety_note: str | None
    guardianship: RiskLevel
    guardianship_note: str | None
    health: RiskLevel
    health_note: str | None
    education: RiskLevel | None
    education_note: str | None
    psychology: RiskLevel | None
    psychology_note: str | None
    summary: str
    highest_risk: RiskLevel
    measure_ids: list[strawberry.ID] = strawberry.field(
        description="The measures of the child's plan its needs became"
    )
    assessed_at: datetime.datetime
    assessed_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Assessment:
        def risk(name: str) -> RiskLevel | None:
            return RiskLevel(row[name]) if row.get(name) else None

        return cls(
            safety=RiskLevel(row["safety"]),
            safety_note=row.get("safetyNote"),
            guardianship=RiskLevel(row["guardianship"]),
            guardianship_note=row.get("guardianshipNote"),
            health=RiskLevel(row["health"]),
            health_note=row.get("healthNote"),
            education=risk("education"),
            education_note=row.get("educationNote"),
            psychology=risk("psychology"),
            psychology_note=row.get("psychologyNote"),
            summary=row["summary"],
            highest_risk=RiskLevel(row["highestRisk"]),
            measure_ids=[strawberry.ID(i) for i in row["measureIds"]],
            assessed_at=datetime.datetime.fromisoformat(row["assessedAt"]),
            assessed_by=row["assessedBy"],
        )


@strawberry.type(description="A guardianship intervention (监护干预) and its petition to the court")
class Intervention:
    id: strawberry.ID
    child_id: strawberry.ID
    case_id: strawberry.ID | None = strawberry.field(description="The case, when one is linked")
    reason: InterventionReason
    measures: list[InterventionMeasure]
    status: InterventionStatus
    opened_on: datetime.date
    opened_by: str
    note: str | None
    closed_on: datetime.date | None
    closed_by: str | None
    outcome: str | None
    petition_due_at: datetime.datetime | None = strawberry.field(
        description="When the petition to revoke guardianship was prompted (six months, or "
        "serious harm at once)"
    )
    petition_due_reason: PetitionReason | None
    petition_filed_on: datetime.date | None
    court: str | None
    court_decided_on: datetime.date | None
    court_outcome: CourtOutcome | None
    court_note: str | None
    version: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Intervention:
        return cls(
            id=strawberry.ID(row["id"]),
            child_id=strawberry.ID(row["childId"]),
            case_id=strawberry.ID(row["caseId"]) if row.get("caseId") else None,
            reason=InterventionReason(row["reason"]),
            measures=[InterventionMeasure(m) for m in row["measures"]],
            status=InterventionStatus(row["status"]),
            opened_on=datetime.date.fromisoformat(row["openedOn"]),
            opened_by=row["openedBy"],
            note=row.get("note"),
            closed_on=to_date(row.get("closedOn")),
            closed_by=row.get("closedBy"),
            outcome=row.get("outcome"),
            petition_due_at=to_datetime(row.get("petitionDueAt")),
            petition_due_reason=(
                PetitionReason(row["petitionDueReason"]) if row.get("petitionDueReason") else None
            ),
            petition_filed_on=to_date(row.get("petitionFiledOn")),
            court=row.get("court"),
            court_decided_on=to_date(row.get("courtDecidedOn")),
            court_outcome=CourtOutcome(row["courtOutcome"]) if row.get("courtOutcome") else None,
            court_note=row.get("courtNote"),
            version=row["version"],
        )


@strawberry.enum(description="A step of a case whose time is accounted for (追责时限)")
class CaseClockStep(Enum):
    FOUND_TO_REPORTED = "FOUND_TO_REPORTED"
    REPORTED_TO_ACCEPTED = "REPORTED_TO_ACCEPTED"
    ACCEPTED_TO_NOTIFIED = "ACCEPTED_TO_NOTIFIED"
    NOTIFIED_TO_ASSESSED = "NOTIFIED_TO_ASSESSED"


@strawberry.type(description="One step of a case against its limit: how long it took or has run")
class StepClock:
    step: CaseClockStep
    started_at: datetime.datetime
    ended_at: datetime.datetime | None
    hours: float = strawberry.field(description="To its end, the case's close, or now")
    limit_hours: float
    late: bool
    running: bool = strawberry.field(description="Not yet ended and the case open")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> StepClock:
        return cls(
            step=CaseClockStep(row["step"]),
            started_at=datetime.datetime.fromisoformat(row["startedAt"]),
            ended_at=to_datetime(row.get("endedAt")),
            hours=row["hours"],
            limit_hours=row["limitHours"],
            late=row["late"],
            running=row["running"],
        )


def _listed(row: dict[str, Any], name: str, make: Any) -> Any:
    items = row.get(name)
    return None if items is None else [make(item) for item in items]


@strawberry.type(
    description="A mandatory report (强制报告) and its case, as the caller may see it: every "
    "part for those who see case detail (police, civil affairs, the town's social worker, "
    "judicial); that a case is open and what is asked of them for the village's supervisor; "
    "the receipt and status for the reporter. What is not seen is null and named in `withheld`"
)
class Report:
    id: strawberry.ID
    case_number: str = strawberry.field(description="案件编号, as MTG-BG-2026-000123")
    status: ReportStatus
    reported_at: datetime.datetime
    accepted_at: datetime.datetime | None
    view: ReportView
    withheld: list[str] = strawberry.field(description="The fields not seen, answered null")
    kind: ReportKind | None
    urgent: bool | None
    division_code: str | None = strawberry.field(description="Where it happened")
    town_division_code: str | None
    child_id: strawberry.ID | None
    child_name: str | None = strawberry.field(description="As reported, or the file's")
    child_age: int | None
    occurred_on: datetime.date | None
    found_at: datetime.datetime | None
    description: str | None
    reporter: str | None
    reporter_role: str | None
    institution: str | None
    on_behalf_of_name: str | None = strawberry.field(description="The hotline's caller")
    on_behalf_of_phone: str | None
    accepted_by: str | None
    town_notified_at: datetime.datetime | None
    town_note: str | None
    assessment_due_at: datetime.datetime | None
    assessment_overdue: bool | None
    assessment: Assessment | None
    supervisor_request: str | None = strawberry.field(
        description="What the village supervisor is asked to do"
    )
    missing_alert_open: bool | None
    responses: list[CaseResponse] | None
    attachments: list[ReportAttachment] | None
    interventions: list[Intervention] | None
    closed_at: datetime.datetime | None
    outcome: str | None
    timeline: list[CaseStep] | None = strawberry.field(description="Every step, oldest first")
    clocks: list[StepClock] | None = strawberry.field(
        description="Each step begun against its limit (追责): found → reported → accepted → "
        "通报 → assessed"
    )
    version: int | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Report:
        return cls(
            id=strawberry.ID(row["id"]),
            case_number=row["caseNumber"],
            status=ReportStatus(row["status"]),
            reported_at=datetime.datetime.fromisoformat(row["reportedAt"]),
            accepted_at=to_datetime(row.get("acceptedAt")),
            view=ReportView(row["view"]),
            withheld=row["withheld"],
            kind=ReportKind(row["kind"]) if row.get("kind") else None,
            urgent=row.get("urgent"),
            division_code=row.get("divisionCode"),
            town_division_code=row.get("townDivisionCode"),
            child_id=strawberry.ID(row["childId"]) if row.get("childId") else None,
            child_name=row.get("childName"),
            child_age=row.get("childAge"),
            occurred_on=to_date(row.get("occurredOn")),
            found_at=to_datetime(row.get("foundAt")),
            description=row.get("description"),
            reporter=row.get("reporter"),
            reporter_role=row.get("reporterRole"),
            institution=row.get("institution"),
            on_behalf_of_name=row.get("onBehalfOfName"),
            on_behalf_of_phone=row.get("onBehalfOfPhone"),
            accepted_by=row.get("acceptedBy"),
            town_notified_at=to_datetime(row.get("townNotifiedAt")),
            town_note=row.get("townNote"),
            assessment_due_at=to_datetime(row.get("assessmentDueAt")),
            assessment_overdue=row.get("assessmentOverdue"),
            assessment=Assessment.from_row(row["assessment"]) if row.get("assessment") else None,
            supervisor_request=row.get("supervisorRequest"),
            missing_alert_open=row.get("missingAlertOpen"),
            responses=_listed(row, "responses", CaseResponse.from_row),
            attachments=_listed(row, "attachments", ReportAttachment.from_row),
            interventions=_listed(row, "interventions", Intervention.from_row),
            closed_at=to_datetime(row.get("closedAt")),
            outcome=row.get("outcome"),
            timeline=_listed(row, "timeline", CaseStep.from_row),
            clocks=_listed(row, "clocks", StepClock.from_row),
            version=row.get("version"),
        )

    @strawberry.field(
        description="The child's file, as the caller's role may see it (logged as a read); null "
        "when withheld or not yet known"
    )
    def child(self, info: Ctx) -> Child | None:
        if self.child_id is None:
            return None
        return child_of(info, str(self.child_id))

    @strawberry.field(description="Where it happened")
    def division(self, info: Ctx) -> Division | None:
        return named_division(info, self.division_code) if self.division_code else None


@strawberry.type
class ReportEdge:
    cursor: str
    node: Report


@strawberry.type(description="A page of cases, newest first")
class ReportConnection:
    edges: list[ReportEdge]
    page_info: PageInfo

    @classmethod
    def from_row(cls, page: dict[str, Any]) -> ReportConnection:
        return connection(cls, page, ReportEdge, Report.from_row)


@strawberry.input(description="A member of the public whose call the hotline took (代为报告)")
class OnBehalfOfInput:
    name: str
    phone: str = strawberry.field(
        description="An 11-digit mobile, or a landline with its area code (010-69841234)"
    )


@strawberry.input(
    description="A mandatory report: a known child (childId, if the reporter may read the file) "
    "or one described (childName if known, childAge); where and when, what, how urgent"
)
class ReportInput:
    child_id: strawberry.ID | None = None
    child_name: str | None = None
    child_age: int | None = strawberry.field(default=None, description="Estimated if unknown")
    division_code: str | None = strawberry.field(
        default=None, description="Where it happened: a town or village of the district"
    )
    kind: ReportKind
    occurred_on: datetime.date | None = None
    found_at: datetime.datetime | None = strawberry.field(
        default=None, description="When it was found; now when left out"
    )
    urgent: bool | None = False
    description: str
    institution: str | None = strawberry.field(
        default=None, description="The reporting institution; required of mandated reporters"
    )
    on_behalf_of: OnBehalfOfInput | None = strawberry.field(
        default=None, description="The hotline's caller (window clerks only)"
    )


@strawberry.input(description="A police response or emergency measure")
class ResponseInput:
    measure: ResponseMeasure
    at: datetime.datetime | None = strawberry.field(default=None, description="Now when left out")
    note: str | None = None


@strawberry.input(
    description="The town's assessment: risk and notes per domain, a summary, the needs that "
    "become measures of the child's plan; a new child registered (child) or a file linked "
    "(childId) when the case has none"
)
class AssessmentInput:
    safety: RiskLevel
    safety_note: str | None = None
    guardianship: RiskLevel
    guardianship_note: str | None = None
    health: RiskLevel
    health_note: str | None = None
    education: RiskLevel | None = None
    education_note: str | None = None
    psychology: RiskLevel | None = None
    psychology_note: str | None = None
    summary: str
    needs: list[PlanMeasureInput] | None = None
    child_id: strawberry.ID | None = None
    child: RegisterChildInput | None = None
    supervisor_request: str | None = strawberry.field(
        default=None, description="What the village supervisor is asked to do"
    )


@strawberry.input(description="Which cases; all given must hold")
class ReportFilter:
    status: ReportStatus | None = None
    kind: ReportKind | None = None
    division_code: str | None = strawberry.field(
        default=None, description="Where it happened, within this division"
    )
    child_id: strawberry.ID | None = None
    urgent: bool | None = strawberry.field(
        default=None, description="Reported as urgent (true), or not (false)"
    )

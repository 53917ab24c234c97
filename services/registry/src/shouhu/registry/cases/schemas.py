"""API shapes of protection cases: the report, its steps, the assessment, interventions."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field

from shouhu.platform.schemas import Camel, Day, Input, PageInfo, Said
from shouhu.registry.cases.deadlines import Step
from shouhu.registry.children.schemas import RegisterChild
from shouhu.registry.plans.schemas import AddMeasure
from shouhu.registry.visits.schemas import RiskLevel


class ReportKind(StrEnum):
    """What the reporter found (报告情形)."""

    ABUSE = "ABUSE"
    NEGLECT = "NEGLECT"
    ABANDONMENT = "ABANDONMENT"
    MISSING = "MISSING"
    WANDERING = "WANDERING"
    GUARDIAN_UNABLE = "GUARDIAN_UNABLE"
    SELF_HARM_RISK = "SELF_HARM_RISK"
    OTHER = "OTHER"


class ReportStatus(StrEnum):
    """Where a case stands (案件状态)."""

    REPORTED = "REPORTED"
    ACCEPTED = "ACCEPTED"
    REFERRED_TO_TOWN = "REFERRED_TO_TOWN"
    ASSESSED = "ASSESSED"
    CLOSED = "CLOSED"


class ResponseMeasure(StrEnum):
    """A police response or emergency measure (出警、应急处置措施)."""

    SENT_TO_HOSPITAL = "SENT_TO_HOSPITAL"
    PLACED_WITH_RELATIVES = "PLACED_WITH_RELATIVES"
    RESCUE_CENTRE = "RESCUE_CENTRE"
    TEMPORARY_CARE = "TEMPORARY_CARE"
    MISSING_SEARCH_OPENED = "MISSING_SEARCH_OPENED"
    OTHER = "OTHER"


class InterventionReason(StrEnum):
    """Why guardianship is intervened in (监护干预事由, policy 三(二)5)."""

    ADMONITION_FAILED = "ADMONITION_FAILED"
    DUTY_REFUSED_SIX_MONTHS = "DUTY_REFUSED_SIX_MONTHS"
    SERIOUS_HARM = "SERIOUS_HARM"
    GUARDIAN_UNABLE = "GUARDIAN_UNABLE"


class InterventionMeasure(StrEnum):
    """A measure of an intervention: admonition (劝诫), training, temporary guardianship by civil
    affairs (临时监护), placement (安置)."""

    ADMONITION = "ADMONITION"
    TRAINING = "TRAINING"
    TEMPORARY_GUARDIANSHIP = "TEMPORARY_GUARDIANSHIP"
    PLACEMENT = "PLACEMENT"


class InterventionStatus(StrEnum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class PetitionReason(StrEnum):
    """Why the petition to revoke guardianship is due (申请撤销监护人资格)."""

    SIX_MONTHS = "SIX_MONTHS"
    SERIOUS_HARM = "SERIOUS_HARM"


class CourtOutcome(StrEnum):
    """The court's decision on the petition."""

    REVOKED = "REVOKED"
    NOT_REVOKED = "NOT_REVOKED"
    OTHER = "OTHER"


class CaseAction(StrEnum):
    """A step of a case's timeline (办理环节)."""

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


class ReportView(StrEnum):
    """How much of a case the caller sees: all of it, the village supervisor's part (that a case
    is open and what is asked of them), or the reporter's receipt and status."""

    DETAIL = "DETAIL"
    SUPERVISOR = "SUPERVISOR"
    RECEIPT = "RECEIPT"


Text = Annotated[str, Field(max_length=2000), Said("不能超过2000个字")]
Description = Annotated[str, Field(max_length=5000), Said("不能超过5000个字")]
Name = Annotated[str, Field(max_length=50), Said("不能超过50个字")]
# A caller on the hotline: a mainland mobile, or a landline with its area code (010-69841234):
# people call from both, and a callback needs the whole number.
PHONE = r"^(1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[1-9][0-9]{6,7})$"
Phone = Annotated[
    str, Field(pattern=PHONE), Said("电话应为11位手机号，或带区号的固定电话（如010-69841234）")
]
MAX_NEEDS = 20


class OnBehalfOf(Input):
    """A member of the public whose call the hotline took (代为报告)."""

    name: Name
    phone: Phone


class FileReport(Input):
    """A mandatory report: a known child (`childId`, if the reporter may read the file) or one
    described (`childName` if known, `childAge`); where and when, what, and how urgent."""

    child_id: str | None = Field(default=None, max_length=64)
    child_name: Name | None = None
    child_age: Annotated[int, Field(ge=0, le=17), Said("年龄应在0到17岁之间")] | None = None
    division_code: str | None = Field(default=None, max_length=12)
    kind: ReportKind
    occurred_on: Annotated[date, Day("发生日期")] | None = None
    found_at: datetime | None = None
    urgent: bool = False
    description: Description
    institution: Annotated[str, Field(max_length=100), Said("不能超过100个字")] | None = None
    on_behalf_of: OnBehalfOf | None = None


class RecordResponse(Input):
    """What the police did, and when (default: now)."""

    measure: ResponseMeasure
    at: datetime | None = None
    note: Text | None = None


class CloseMissingAlert(Input):
    note: Text | None = None


class NotifyTown(Input):
    note: Text | None = None


class Assessment(Input):
    """The town's assessment (评估): risk and notes per domain, a summary, the needs that become
    measures of the child's plan; a child not yet registered is registered here (`child`), or
    linked to a file (`childId`)."""

    safety: RiskLevel
    safety_note: Text | None = None
    guardianship: RiskLevel
    guardianship_note: Text | None = None
    health: RiskLevel
    health_note: Text | None = None
    education: RiskLevel | None = None
    education_note: Text | None = None
    psychology: RiskLevel | None = None
    psychology_note: Text | None = None
    summary: Text
    needs: Annotated[
        list[AddMeasure], Field(max_length=MAX_NEEDS), Said(f"需求最多{MAX_NEEDS}项")
    ] = Field(default_factory=list)
    child_id: str | None = Field(default=None, max_length=64)
    child: RegisterChild | None = None
    supervisor_request: Text | None = None


class OpenIntervention(Input):
    """A guardianship intervention of a child, linked to a case when given."""

    reason: InterventionReason
    measures: Annotated[
        list[InterventionMeasure], Field(max_length=len(InterventionMeasure)), Said("措施重复")
    ] = Field(default_factory=list)
    note: Text | None = None
    opened_on: Annotated[date, Day("开始日期")] | None = None
    case_id: str | None = Field(default=None, max_length=64)


class CloseIntervention(Input):
    outcome: Text
    closed_on: Annotated[date, Day("结束日期")] | None = None


class RecordPetition(Input):
    """The petition to the court to revoke guardianship (申请撤销监护人资格)."""

    filed_on: Annotated[date, Day("申请日期")]
    court: Annotated[str, Field(max_length=100), Said("不能超过100个字")]


class RecordCourtDecision(Input):
    decided_on: Annotated[date, Day("判决日期")]
    outcome: CourtOutcome
    note: Text | None = None


class CloseReport(Input):
    outcome: Text


class CaseStepOut(Camel):
    """One step of a case: who, when, what."""

    at: datetime
    actor: str
    action: CaseAction
    note: str | None


class StepClockOut(Camel):
    """One step of a case against its limit (追责时限): how long it took, or has run so far."""

    step: Step
    started_at: datetime
    ended_at: datetime | None
    hours: float = Field(description="To its end, the case's close, or now while it runs")
    limit_hours: float
    late: bool
    running: bool = Field(description="Not yet ended and the case open")


class ResponseOut(Camel):
    id: str
    measure: ResponseMeasure
    at: datetime
    note: str | None
    actor: str


class AttachmentOut(Camel):
    """A file of the case; its content is read on its own (and logged)."""

    id: str
    case_id: str
    filename: str
    media_type: str
    size: int
    uploaded_by: str
    uploaded_at: datetime


class AssessmentOut(Camel):
    """The assessment as recorded, with the plan measures its needs became."""

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
    measure_ids: list[str]
    assessed_at: datetime
    assessed_by: str


class InterventionOut(Camel):
    """A guardianship intervention (监护干预) and its petition, if any."""

    id: str
    child_id: str
    case_id: str | None
    reason: InterventionReason
    measures: list[InterventionMeasure]
    status: InterventionStatus
    opened_on: date
    opened_by: str
    note: str | None
    closed_on: date | None
    closed_by: str | None
    outcome: str | None
    petition_due_at: datetime | None
    petition_due_reason: PetitionReason | None
    petition_filed_on: date | None
    court: str | None
    court_decided_on: date | None
    court_outcome: CourtOutcome | None
    court_note: str | None
    version: int


class ReportOut(Camel):
    """A case as the caller may see it: every part for those who see case detail; the village
    supervisor's part; or the reporter's receipt and status. What is not seen is null and
    named in `withheld`."""

    id: str
    case_number: str
    status: ReportStatus
    reported_at: datetime
    accepted_at: datetime | None
    view: ReportView
    withheld: list[str]
    kind: ReportKind | None = None
    urgent: bool | None = None
    division_code: str | None = None
    town_division_code: str | None = None
    child_id: str | None = None
    child_name: str | None = None
    child_age: int | None = None
    occurred_on: date | None = None
    found_at: datetime | None = None
    description: str | None = None
    reporter: str | None = None
    reporter_role: str | None = None
    institution: str | None = None
    on_behalf_of_name: str | None = None
    on_behalf_of_phone: str | None = None
    accepted_by: str | None = None
    town_notified_at: datetime | None = None
    town_note: str | None = None
    assessment_due_at: datetime | None = None
    assessment_overdue: bool | None = None
    assessment: AssessmentOut | None = None
    supervisor_request: str | None = None
    missing_alert_open: bool | None = None
    responses: list[ResponseOut] | None = None
    attachments: list[AttachmentOut] | None = None
    interventions: list[InterventionOut] | None = None
    closed_at: datetime | None = None
    outcome: str | None = None
    timeline: list[CaseStepOut] | None = None
    clocks: list[StepClockOut] | None = None
    version: int | None = None


class ReportEdge(Camel):
    cursor: str
    node: ReportOut


class ReportPage(Camel):
    """A page of cases, newest first."""

    edges: list[ReportEdge]
    page_info: PageInfo


def assessment_of(data: Assessment) -> dict[str, Any]:
    """The assessment as the case keeps it (the needs live on as plan measures)."""
    return data.model_dump(
        mode="json", by_alias=True, exclude={"needs", "child", "child_id", "supervisor_request"}
    )

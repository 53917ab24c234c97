"""Rules of protection cases (强制报告): filing, the police's acceptance, response and 通报, the
town's assessment, guardianship interventions and the petition to the court, and who sees
what of a case; writes history and outbox rows, never commits."""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from pydantic import BaseModel
from pydantic.alias_generators import to_camel
from sqlalchemy import ColumnElement, or_
from sqlmodel import Session

from shouhu.platform.auth import Principal, Role
from shouhu.platform.clock import DISTRICT_TZ, today
from shouhu.platform.errors import Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.platform.labels import DEPARTMENT_NAMES, REPORT_KIND_NAMES, RESPONSE_MEASURE_NAMES
from shouhu.platform.paging import decode_moment_cursor, encode_moment_cursor
from shouhu.platform.schemas import ExportOut, PageInfo
from shouhu.registry import history, policy
from shouhu.registry.access import service as access
from shouhu.registry.cases import attachments, deadlines, repository
from shouhu.registry.cases.clocks import clocks
from shouhu.registry.cases.events import (
    CASE_ACCEPTED,
    CASE_ASSESSED,
    CASE_CLOSED,
    CASE_REPORTED,
    CASE_RESPONDED,
    INTERVENTION_CLOSED,
    INTERVENTION_OPENED,
    MISSING_ALERT_CLOSED,
    MISSING_ALERT_OPENED,
    PETITION_DECIDED,
    PETITION_DUE,
    PETITION_FILED,
    TOWN_NOTIFIED,
    CaseAccepted,
    CaseAssessed,
    CaseClosed,
    CaseReported,
    CaseResponded,
    InterventionClosed,
    InterventionOpened,
    MissingAlert,
    PetitionDecided,
    PetitionDue,
    PetitionFiled,
    TownNotified,
)
from shouhu.registry.cases.schemas import (
    Assessment,
    AssessmentOut,
    AttachmentOut,
    CaseAction,
    CaseStepOut,
    CloseIntervention,
    CourtOutcome,
    FileReport,
    InterventionMeasure,
    InterventionOut,
    InterventionReason,
    InterventionStatus,
    OpenIntervention,
    PetitionReason,
    RecordCourtDecision,
    RecordPetition,
    RecordResponse,
    ReportEdge,
    ReportKind,
    ReportOut,
    ReportPage,
    ReportStatus,
    ReportView,
    ResponseMeasure,
    ResponseOut,
    assessment_of,
)
from shouhu.registry.children import repository as children_repository
from shouhu.registry.children import service as children
from shouhu.registry.children.schemas import ChildOut, ChildStatus
from shouhu.registry.divisions import repository as divisions
from shouhu.registry.models import (
    CaseAttachment,
    CaseResponse,
    CaseStep,
    Child,
    GuardianshipIntervention,
)
from shouhu.registry.models import ProtectionCase as Case
from shouhu.registry.pages import check_first
from shouhu.registry.plans import service as plans
from shouhu.registry.visits.schemas import RiskLevel

log = logging.getLogger(__name__)
S, A = ReportStatus, CaseAction
SYSTEM = "notifications"
# A moment a caller gives may run ahead of ours by a clock's drift, not more.
SKEW = timedelta(minutes=5)
STATUS_NAMES = {
    S.REPORTED: "待受理",
    S.ACCEPTED: "已受理",
    S.REFERRED_TO_TOWN: "已通报镇街",
    S.ASSESSED: "已评估",
    S.CLOSED: "已结案",
}
RISK_ORDER = (RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH)
RISK_NAMES = {RiskLevel.LOW: "低", RiskLevel.MEDIUM: "中", RiskLevel.HIGH: "高"}
INTERVENTION_NAMES = {
    InterventionMeasure.ADMONITION: "劝诫",
    InterventionMeasure.TRAINING: "家庭教育培训",
    InterventionMeasure.TEMPORARY_GUARDIANSHIP: "民政部门临时监护",
    InterventionMeasure.PLACEMENT: "安置",
}

# What each view shows of a case (ReportOut's fields); the rest is null and named in `withheld`.
RECEIPT_FIELDS = frozenset(
    {"id", "case_number", "status", "reported_at", "accepted_at", "view", "withheld"}
)
SUPERVISOR_FIELDS = RECEIPT_FIELDS | {
    "urgent",
    "child_id",
    "town_notified_at",
    "supervisor_request",
    "closed_at",
}
SHOWN = {
    ReportView.DETAIL: frozenset(ReportOut.model_fields),
    ReportView.SUPERVISOR: SUPERVISOR_FIELDS,
    ReportView.RECEIPT: RECEIPT_FIELDS,
}
WITHHELD = {
    view: sorted(to_camel(name) for name in ReportOut.model_fields if name not in shown)
    for view, shown in SHOWN.items()
}


# ---- who sees what ----------------------------------------------------------------------------


def sees_detail(principal: Principal, case: Case) -> bool:
    """Police, civil affairs, the town's social worker and judicial, of the division where it
    happened (a police station: its town's cases)."""
    return policy.sees(principal, policy.Part.CASES) and principal.sees(case.division_code)


def view_of(principal: Principal, case: Case, child: Child | None) -> ReportView | None:
    """The most the principal sees of the case, or None when it is not theirs to see."""
    if sees_detail(principal, case):
        return ReportView.DETAIL
    if (
        child is not None
        and principal.has_role(*policy.CASE_SUPERVISOR_ROLES)
        and principal.sees(child.residence_division_code)
    ):
        return ReportView.SUPERVISOR
    if case.reporter == principal.username:
        return ReportView.RECEIPT
    return None


def highest(levels: Sequence[RiskLevel | None]) -> RiskLevel:
    return max((level for level in levels if level is not None), key=RISK_ORDER.index)


def is_overdue(case: Case, now: datetime) -> bool:
    """Notified to the town and not yet assessed past the deadline."""
    return (
        case.status == S.REFERRED_TO_TOWN.value
        and case.assessment_due_at is not None
        and case.assessment_due_at < now
    )


# ---- shapes -----------------------------------------------------------------------------------


def _intervention_out(row: GuardianshipIntervention) -> InterventionOut:
    return InterventionOut(
        id=row.id,
        child_id=row.child_id,
        case_id=row.case_id,
        reason=InterventionReason(row.reason),
        measures=[InterventionMeasure(m) for m in row.measures],
        status=InterventionStatus(row.status),
        opened_on=row.opened_on,
        opened_by=row.opened_by,
        note=row.note,
        closed_on=row.closed_on,
        closed_by=row.closed_by,
        outcome=row.outcome,
        petition_due_at=row.petition_due_at,
        petition_due_reason=(
            PetitionReason(row.petition_due_reason) if row.petition_due_reason else None
        ),
        petition_filed_on=row.petition_filed_on,
        court=row.court,
        court_decided_on=row.court_decided_on,
        court_outcome=CourtOutcome(row.court_outcome) if row.court_outcome else None,
        court_note=row.court_note,
        version=row.version,
    )


def _assessment_out(case: Case) -> AssessmentOut | None:
    if case.assessment is None or case.assessed_at is None or case.assessed_by is None:
        return None
    return AssessmentOut.model_validate(
        {
            **case.assessment,
            "highestRisk": case.highest_risk,
            "assessedAt": case.assessed_at,
            "assessedBy": case.assessed_by,
        }
    )


def to_outs(
    session: Session, principal: Principal, rows: Sequence[Case], views: Sequence[ReportView]
) -> list[ReportOut]:
    """Cases as each view shows them; the detail's parts read in one query each, for all."""
    detailed = [row.id for row, view in zip(rows, views, strict=True) if view is ReportView.DETAIL]
    steps: dict[str, list[CaseStepOut]] = {i: [] for i in detailed}
    responses: dict[str, list[ResponseOut]] = {i: [] for i in detailed}
    files: dict[str, list[AttachmentOut]] = {i: [] for i in detailed}
    interventions: dict[str, list[InterventionOut]] = {i: [] for i in detailed}
    if detailed:
        for step in repository.steps_of(session, detailed):
            steps[step.case_id].append(
                CaseStepOut(at=step.at, actor=step.actor, action=A(step.action), note=step.note)
            )
        for response in repository.responses_of(session, detailed):
            responses[response.case_id].append(
                ResponseOut(
                    id=response.id,
                    measure=ResponseMeasure(response.measure),
                    at=response.at,
                    note=response.note,
                    actor=response.actor,
                )
            )
        for row in repository.attachments_of(session, detailed):
            files[row.case_id].append(AttachmentOut.model_validate(row, from_attributes=True))
        for intervention in repository.interventions_of_cases(session, detailed):
            assert intervention.case_id is not None
            interventions[intervention.case_id].append(_intervention_out(intervention))
    now = utcnow()
    limits = deadlines.current()
    outs = []
    for case, view in zip(rows, views, strict=True):
        full = ReportOut(
            id=case.id,
            case_number=case.case_number,
            status=S(case.status),
            reported_at=case.reported_at,
            accepted_at=case.accepted_at,
            view=view,
            withheld=WITHHELD[view],
            kind=ReportKind(case.kind),
            urgent=case.urgent,
            division_code=case.division_code,
            town_division_code=case.town_code,
            child_id=case.child_id,
            child_name=case.child_name,
            child_age=case.child_age,
            occurred_on=case.occurred_on,
            found_at=case.found_at,
            description=case.description,
            reporter=case.reporter,
            reporter_role=case.reporter_role,
            institution=case.institution,
            on_behalf_of_name=case.on_behalf_of_name,
            on_behalf_of_phone=case.on_behalf_of_phone,
            accepted_by=case.accepted_by,
            town_notified_at=case.town_notified_at,
            town_note=case.town_note,
            assessment_due_at=case.assessment_due_at,
            assessment_overdue=is_overdue(case, now),
            assessment=_assessment_out(case),
            supervisor_request=case.supervisor_request,
            missing_alert_open=case.missing_alert_since is not None,
            responses=responses.get(case.id),
            attachments=files.get(case.id),
            interventions=interventions.get(case.id),
            closed_at=case.closed_at,
            outcome=case.outcome,
            timeline=steps.get(case.id),
            clocks=clocks(case, limits, now) if view is ReportView.DETAIL else None,
            version=case.version,
        )
        shown = SHOWN[view]
        outs.append(
            full.model_copy(update={n: None for n in ReportOut.model_fields if n not in shown})
        )
    return outs


# ---- timeline and events ----------------------------------------------------------------------


def _step(
    session: Session,
    case: Case,
    action: CaseAction,
    actor: str,
    note: str | None,
    at: datetime,
    extra: dict[str, str] | None = None,
) -> None:
    """One step on the case's timeline and, when the child is known, on its history."""
    repository.add(
        session, CaseStep(case_id=case.id, at=at, actor=actor, action=action.value, note=note)
    )
    if case.child_id is not None:
        history.record_case_step(
            session,
            child_id=case.child_id,
            actor=actor,
            action=action.value,
            case_id=case.id,
            case_number=case.case_number,
            note=note,
            extra=extra,
        )


def _common(case: Case, actor: str, at: datetime) -> dict[str, Any]:
    """What every event of a case carries."""
    return {
        "case_id": case.id,
        "case_number": case.case_number,
        "kind": case.kind,
        "urgent": case.urgent,
        "division_code": case.division_code,
        "town_division_code": case.town_code,
        "child_id": case.child_id,
        "actor": actor,
        "at": at,
    }


def _emit(session: Session, event_type: str, case: Case, payload: BaseModel) -> None:
    """Keyed by the child's id when known, else the case's: one child's events stay in order."""
    children.emit(session, event_type, case.child_id or case.id, payload)


# ---- filing -----------------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    cleaned = (value or "").strip()
    return cleaned or None


def _place(session: Session, code: str | None, fields: dict[str, str]) -> tuple[str, str] | None:
    """Where it happened, a town or a village of the district, and its town."""
    if not code or not code.strip():
        fields["divisionCode"] = "请填写事发地点（镇街或社区（村）区划代码）"
        return None
    division = divisions.get(session, code.strip())
    if division is None or division.level not in ("TOWN", "VILLAGE"):
        fields["divisionCode"] = "事发地点应为本区的镇街或社区（村）区划代码"
        return None
    town = division.code if division.level == "TOWN" else division.parent_code or ""
    return division.code, town


def _reported_child(
    session: Session, principal: Principal, data: FileReport, fields: dict[str, str]
) -> Child | None:
    """The file a reporter names, if they may read it; else the child as described."""
    if data.child_id is None:
        if data.child_age is None:
            fields["childAge"] = "请填写儿童年龄（可估计）"
        return None
    if not policy.reads_personal_data(principal):
        # A mandated reporter reads no file, and may not learn whether one exists.
        raise Forbidden("报告人不能指定儿童档案，请填写儿童姓名和年龄")
    return children.load(session, principal, data.child_id)


def file_report(
    session: Session, principal: Principal, data: FileReport, *, prefix: str, operation: str
) -> ReportOut:
    """File a mandatory report: the case, its number, its first step and event, in the caller's
    one transaction; the reporter's receipt is returned."""
    policy.require(principal, policy.REPORT_ROLES, "无权提交强制报告")
    if data.on_behalf_of is not None and not principal.has_role(*policy.HOTLINE_ROLES):
        raise Forbidden("仅窗口受理员可代来电群众登记报告")
    fields: dict[str, str] = {}
    description = _text(data.description)
    if description is None:
        fields["description"] = "请描述发现的情况"
    place = _place(session, data.division_code, fields)
    institution = _text(data.institution)
    if principal.has_role(Role.MANDATED_REPORTER) and institution is None:
        fields["institution"] = "请填写报告机构名称"
    caller = _text(data.on_behalf_of.name) if data.on_behalf_of else None
    if data.on_behalf_of is not None and caller is None:
        fields["onBehalfOf.name"] = "请填写来电人姓名"
    now = utcnow()
    found_at = data.found_at or now
    if found_at.tzinfo is None:
        fields["foundAt"] = "发现时间应带时区（如2026-11-30T08:00:00+08:00）"
    elif found_at > now + SKEW:
        fields["foundAt"] = "发现时间不能晚于现在"
    elif (
        data.occurred_on is not None and data.occurred_on > found_at.astimezone(DISTRICT_TZ).date()
    ):
        fields["occurredOn"] = "发生日期不能晚于发现时间"
    child = _reported_child(session, principal, data, fields)
    if fields:
        raise ValidationFailed(fields=fields)
    assert description is not None and place is not None
    day = today()
    number = repository.next_number(session, prefix, day.year)
    role = _reporter_role(principal)
    case = Case(
        id=str(uuid.uuid4()),
        case_number=f"{prefix}-{day.year}-{number:06d}",
        status=S.REPORTED.value,
        kind=data.kind.value,
        urgent=data.urgent,
        division_code=place[0],
        town_code=place[1] or None,
        child_id=child.id if child else None,
        child_name=child.name if child else _text(data.child_name),
        child_age=data.child_age,
        occurred_on=data.occurred_on,
        found_at=found_at,
        description=description,
        reporter=principal.username,
        reporter_role=role,
        reporter_division_code=principal.division_code,
        institution=institution,
        on_behalf_of_name=caller,
        on_behalf_of_phone=data.on_behalf_of.phone if data.on_behalf_of else None,
        deadlines_version=deadlines.current().version,
        reported_at=now,
        version=1,
    )
    repository.add(session, case)
    session.flush()  # the steps refer to it
    said = REPORT_KIND_NAMES[case.kind] + ("（紧急）" if case.urgent else "")
    by = f"，{institution}" if institution else ""
    on_behalf = f"，代来电人{caller}登记" if caller else ""
    _step(session, case, A.REPORTED, principal.username, f"{said}{by}{on_behalf}", now)
    _emit(
        session,
        CASE_REPORTED,
        case,
        CaseReported(
            **_common(case, principal.username, now),
            occurred_on=case.occurred_on,
            found_at=found_at,
            reporter_role=role,
            institution=institution,
        ),
    )
    return _read_back(session, principal, case, operation)


def _reporter_role(principal: Principal) -> str:
    """The role the report is filed under: a mandated reporter's, else the first staff role."""
    if principal.has_role(Role.MANDATED_REPORTER):
        return Role.MANDATED_REPORTER.value
    return sorted(principal.roles & {r.value for r in policy.REPORT_ROLES})[0]


def _view_now(session: Session, principal: Principal, case: Case) -> ReportView:
    child = children_repository.get(session, case.child_id) if case.child_id else None
    view = view_of(principal, case, child)
    assert view is not None  # the reporter, at least
    return view


# ---- acting on a case -------------------------------------------------------------------------


def _case_for(
    session: Session, principal: Principal, case_id: str, roles: frozenset[Role], message: str
) -> Case:
    """A case of the principal's division, locked, for one of `roles`; NOT_FOUND out of scope."""
    policy.require(principal, roles, message)
    case = repository.lock(session, case_id)
    if case is None or not principal.sees(case.division_code):
        raise NotFound("案件不存在")
    return case


def _refuse(message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={"status": message})


def _not_closed(case: Case) -> None:
    if case.status == S.CLOSED.value:
        raise _refuse("案件已结案，不能再办理")


def _accepted(case: Case) -> None:
    _not_closed(case)
    if case.status == S.REPORTED.value:
        raise _refuse("报告尚未受理，请先受理")


def _changed(session: Session, case: Case) -> None:
    case.version += 1
    repository.add(session, case)


def accept(session: Session, principal: Principal, case_id: str, *, operation: str) -> ReportOut:
    """The police of the division accept the report (受理): who and when."""
    case = _case_for(session, principal, case_id, policy.CASE_POLICE_ROLES, "仅公安机关可受理报告")
    _not_closed(case)
    if case.status != S.REPORTED.value:
        raise _refuse("该报告已受理，不能重复受理")
    now = utcnow()
    case.status = S.ACCEPTED.value
    case.accepted_at = now
    case.accepted_by = principal.username
    _changed(session, case)
    _step(session, case, A.ACCEPTED, principal.username, None, now)
    _emit(session, CASE_ACCEPTED, case, CaseAccepted(**_common(case, principal.username, now)))
    return _read_back(session, principal, case, operation)


def record_response(
    session: Session, principal: Principal, case_id: str, data: RecordResponse, *, operation: str
) -> ReportOut:
    """A police response or emergency measure (出警、应急处置), with its time and who; a search
    for a missing child opens the case's missing-child alert."""
    case = _case_for(session, principal, case_id, policy.CASE_POLICE_ROLES, "仅公安机关可记录处置")
    _accepted(case)
    now = utcnow()
    at = data.at or now
    if at.tzinfo is None:
        raise ValidationFailed(fields={"at": "处置时间应带时区（如2026-11-30T08:00:00+08:00）"})
    if at > now + SKEW:
        raise ValidationFailed(fields={"at": "处置时间不能晚于现在"})
    searching = data.measure is ResponseMeasure.MISSING_SEARCH_OPENED
    if searching and case.missing_alert_since is not None:
        raise ValidationFailed(fields={"measure": "失踪儿童查找已在进行中"})
    note = _text(data.note)
    repository.add(
        session,
        CaseResponse(
            id=str(uuid.uuid4()),
            case_id=case.id,
            measure=data.measure.value,
            at=at,
            note=note,
            actor=principal.username,
            recorded_at=now,
        ),
    )
    said = RESPONSE_MEASURE_NAMES[data.measure.value] + (f"：{note}" if note else "")
    _step(session, case, A.RESPONDED, principal.username, said, at)
    common = _common(case, principal.username, at)
    _emit(
        session,
        CASE_RESPONDED,
        case,
        CaseResponded(**common, measure=data.measure.value, note=note),
    )
    if searching:
        case.missing_alert_since = at
        _step(session, case, A.MISSING_ALERT_OPENED, principal.username, note, at)
        _emit(
            session,
            MISSING_ALERT_OPENED,
            case,
            MissingAlert(**common, child_name=case.child_name, note=note),
        )
    _changed(session, case)
    return _read_back(session, principal, case, operation)


def close_missing_alert(
    session: Session, principal: Principal, case_id: str, note: str | None, *, operation: str
) -> ReportOut:
    """The missing child was found: the alert closes."""
    case = _case_for(session, principal, case_id, policy.CASE_POLICE_ROLES, "仅公安机关可结束查找")
    if case.missing_alert_since is None:
        raise _refuse("该案件没有进行中的失踪儿童查找")
    now = utcnow()
    said = _text(note)
    case.missing_alert_since = None
    _changed(session, case)
    _step(session, case, A.MISSING_ALERT_CLOSED, principal.username, said, now)
    _emit(
        session,
        MISSING_ALERT_CLOSED,
        case,
        MissingAlert(
            **_common(case, principal.username, now), child_name=case.child_name, note=said
        ),
    )
    return _read_back(session, principal, case, operation)


def notify_town(
    session: Session, principal: Principal, case_id: str, note: str | None, *, operation: str
) -> ReportOut:
    """The police notify the town (通报): its social worker's assessment is due by the deadline
    of the case clocks (deadlines.yaml)."""
    case = _case_for(session, principal, case_id, policy.CASE_POLICE_ROLES, "仅公安机关可通报镇街")
    _accepted(case)
    if case.status != S.ACCEPTED.value:
        raise _refuse("已通报镇街，不能重复通报")
    now = utcnow()
    due = now + deadlines.current().assessment.of(case.urgent)
    said = _text(note)
    case.status = S.REFERRED_TO_TOWN.value
    case.town_notified_at = now
    case.town_notified_by = principal.username
    case.town_note = said
    case.assessment_due_at = due
    _changed(session, case)
    local = due.astimezone(DISTRICT_TZ).strftime("%Y-%m-%d %H:%M")
    step_note = f"评估期限{local}" + (f"；{said}" if said else "")
    _step(session, case, A.TOWN_NOTIFIED, principal.username, step_note, now)
    _emit(
        session,
        TOWN_NOTIFIED,
        case,
        TownNotified(**_common(case, principal.username, now), assessment_due_at=due, note=said),
    )
    return _read_back(session, principal, case, operation)


# ---- the assessment ---------------------------------------------------------------------------


def _assessed_child(
    session: Session, principal: Principal, case: Case, data: Assessment, fields: dict[str, str]
) -> Child | None:
    """The case's child, a file the assessment links, or None (a new one is checked here)."""
    if data.child_id is not None and data.child is not None:
        fields["childId"] = "请选择已有儿童档案或登记新儿童（二者选一）"
        return None
    if case.child_id is not None:
        if data.child is not None:
            fields["child"] = "该案件已关联儿童档案"
        elif data.child_id is not None and data.child_id != case.child_id:
            fields["childId"] = "该案件已关联其他儿童档案"
        return children_repository.get(session, case.child_id)
    if data.child_id is not None:
        return children.load(session, principal, data.child_id)
    if data.child is not None:
        try:
            children.check_registration(session, principal, data.child)
        except ValidationFailed as exc:
            fields.update({f"child.{name}": message for name, message in exc.fields.items()})
    return None


def record_assessment(
    session: Session,
    principal: Principal,
    case_id: str,
    data: Assessment,
    keys: KeyRing,
    *,
    operation: str,
) -> ReportOut | children.DuplicateFound | children.HeldForReview:
    """The town's assessment (评估) once the town is notified: the child's file opened from it
    when new, its needs as measures of the child's plan, the case ASSESSED; or the duplicate
    that stops it (nothing of the assessment written)."""
    case = _case_for(session, principal, case_id, policy.ASSESS_ROLES, "无权评估案件")
    _not_closed(case)
    if case.status in (S.REPORTED.value, S.ACCEPTED.value):
        raise _refuse("尚未通报镇街，不能评估")
    if case.status == S.ASSESSED.value:
        raise _refuse("该案件已评估")
    fields: dict[str, str] = {}
    summary = _text(data.summary)
    if summary is None:
        fields["summary"] = "请填写评估结论"
    for n, need in enumerate(data.needs):
        if not need.kind.strip():
            fields[f"needs.{n}.kind"] = "措施类型不能为空"
        if not need.description.strip():
            fields[f"needs.{n}.description"] = "措施内容不能为空"
    child = _assessed_child(session, principal, case, data, fields)
    if data.needs and child is None and data.child is None:
        fields["needs"] = "请先登记或关联儿童档案，需求才能列入帮扶计划"
    if data.needs and child is not None and child.status == ChildStatus.EXITED.value:
        fields["needs"] = "已退出的儿童不能新增帮扶措施"
    if fields:
        raise ValidationFailed(fields=fields)
    assert summary is not None
    if child is None and data.child is not None:
        outcome = children.register_child(session, principal, data.child, keys)
        if not isinstance(outcome, ChildOut):
            return outcome  # nothing of the assessment is written
        child = children_repository.get(session, outcome.id)
        assert child is not None
    now = utcnow()
    if child is not None and case.child_id is None:
        case.child_id = child.id
        case.child_name = child.name
        _step(session, case, A.CHILD_LINKED, principal.username, f"关联儿童档案：{child.name}", now)
    measure_ids = (
        [plans.add_measure(session, principal, child.id, need).id for need in data.needs]
        if child is not None
        else []
    )
    risk = highest([data.safety, data.guardianship, data.health, data.education, data.psychology])
    case.status = S.ASSESSED.value
    case.assessment = {**assessment_of(data), "summary": summary, "measureIds": measure_ids}
    case.highest_risk = risk.value
    case.assessed_at = now
    case.assessed_by = principal.username
    case.supervisor_request = _text(data.supervisor_request)
    _changed(session, case)
    departments = "、".join(
        DEPARTMENT_NAMES.get(n.department.value, n.department.value) for n in data.needs
    )
    said = f"最高风险{RISK_NAMES[risk]}；{summary}" + (
        f"；列入帮扶计划：{departments}" if departments else ""
    )
    _step(session, case, A.ASSESSED, principal.username, said, now)
    _emit(
        session,
        CASE_ASSESSED,
        case,
        CaseAssessed(**_common(case, principal.username, now), highest_risk=risk.value),
    )
    return _read_back(session, principal, case, operation)


def close_report(
    session: Session, principal: Principal, case_id: str, outcome: str, *, operation: str
) -> ReportOut:
    """Close the case (结案), with what came of it; not while a search or an intervention of it
    is still open."""
    case = _case_for(session, principal, case_id, policy.CLOSE_CASE_ROLES, "无权结案")
    _not_closed(case)
    text = _text(outcome)
    if text is None:
        raise ValidationFailed(fields={"outcome": "请填写结案情况"})
    if case.missing_alert_since is not None:
        raise _refuse("失踪儿童查找尚未结束，不能结案")
    if any(i.status == "OPEN" for i in repository.interventions_of_cases(session, [case.id])):
        raise _refuse("该案件的监护干预尚未结束，不能结案")
    now = utcnow()
    case.status = S.CLOSED.value
    case.closed_at = now
    case.closed_by = principal.username
    case.outcome = text
    _changed(session, case)
    _step(session, case, A.CLOSED, principal.username, text, now)
    _emit(
        session,
        CASE_CLOSED,
        case,
        CaseClosed(**_common(case, principal.username, now), outcome=text),
    )
    return _read_back(session, principal, case, operation)


# ---- attachments ------------------------------------------------------------------------------


def _file_name(name: str) -> str:
    """The name as given, without any folder, trimmed to the column."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name.strip()
    return (base or "附件")[:200]


def add_attachment(
    session: Session,
    principal: Principal,
    case_id: str,
    filename: str,
    content: bytes,
    *,
    max_bytes: int,
    max_count: int,
) -> AttachmentOut:
    """A photo or document (JPEG, PNG or PDF by its first bytes) filed with the case by its
    reporter or by those who see its detail; at most `max_count`, each at most `max_bytes`."""
    policy.require(principal, policy.REPORT_ROLES, "无权上传附件")
    case = repository.lock(session, case_id)
    if case is None:
        raise NotFound("案件不存在")
    if not (sees_detail(principal, case) or case.reporter == principal.username):
        raise NotFound("案件不存在")
    _not_closed(case)
    if not content:
        raise ValidationFailed(fields={"file": "附件为空"})
    kind = attachments.media_type(content[:8])
    if len(content) > max_bytes:
        limit = max_bytes / (1024 * 1024)
        raise ValidationFailed(fields={"file": f"附件不能超过{limit:g}MB"})
    if kind is None:
        raise ValidationFailed(fields={"file": "附件应为JPEG、PNG图片或PDF文件"})
    if repository.count_attachments(session, case.id) >= max_count:
        raise ValidationFailed(fields={"file": f"每份报告最多{max_count}个附件"})
    now = utcnow()
    row = CaseAttachment(
        id=str(uuid.uuid4()),
        case_id=case.id,
        filename=_file_name(filename),
        media_type=kind,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by=principal.username,
        uploaded_at=now,
    )
    repository.add(session, row)
    _changed(session, case)
    _step(session, case, A.ATTACHMENT_ADDED, principal.username, row.filename, now)
    return AttachmentOut.model_validate(row, from_attributes=True)


def attachment_content(
    session: Session, principal: Principal, case_id: str, attachment_id: str, *, operation: str
) -> ExportOut:
    """An attachment's content, for those who see the case's detail; the read is logged."""
    case = repository.get(session, case_id)
    row = repository.attachment(session, attachment_id)
    if case is None or row is None or row.case_id != case.id or not sees_detail(principal, case):
        raise NotFound("附件不存在")
    _log(session, principal, [case], operation, part="caseAttachment")
    return ExportOut.of(row.filename, row.media_type, row.content)


# ---- guardianship interventions ---------------------------------------------------------------


def _intervention_event(
    intervention: GuardianshipIntervention,
    child: Child,
    case: Case | None,
    actor: str,
    at: datetime,
) -> dict[str, Any]:
    return {
        "intervention_id": intervention.id,
        "child_id": child.id,
        "residence_division_code": child.residence_division_code,
        "case_number": case.case_number if case else None,
        "kind": case.kind if case else None,
        "urgent": case.urgent if case else None,
        "division_code": case.division_code if case else None,
        "town_division_code": case.town_code if case else None,
        "actor": actor,
        "at": at,
    }


def _intervention_step(
    session: Session,
    intervention: GuardianshipIntervention,
    case: Case | None,
    action: CaseAction,
    actor: str,
    note: str | None,
    at: datetime,
) -> None:
    """A step of an intervention: on its case's timeline (and so the child's history), or on
    the child's history alone when no case is linked."""
    extra = {"interventionId": intervention.id}
    if case is not None:
        _step(session, case, action, actor, note, at, extra)
        return
    history.record_case_step(
        session,
        child_id=intervention.child_id,
        actor=actor,
        action=action.value,
        case_id=None,
        case_number=None,
        note=note,
        extra=extra,
    )


def _linked_case(
    session: Session, principal: Principal, case_id: str | None, child: Child
) -> Case | None:
    if case_id is None:
        return None
    case = repository.lock(session, case_id)
    if case is None or not principal.sees(case.division_code):
        raise NotFound("案件不存在")
    if case.child_id != child.id:
        raise ValidationFailed(fields={"caseId": "该案件不是这名儿童的案件"})
    if case.status == S.CLOSED.value:
        raise ValidationFailed(fields={"caseId": "案件已结案"})
    if repository.interventions_of_cases(session, [case.id]):
        # Benefits counts an intervention by its case: one intervention a case.
        raise ValidationFailed(fields={"caseId": "该案件已有监护干预"})
    return case


def open_intervention(
    session: Session, principal: Principal, child_id: str, data: OpenIntervention
) -> InterventionOut:
    """Open a guardianship intervention (监护干预) of a child in the caller's division; serious
    harm makes the petition to the court due at once."""
    policy.require(principal, policy.INTERVENTION_ROLES, "无权开展监护干预")
    child = children.load(session, principal, child_id)
    fields: dict[str, str] = {}
    if child.status == ChildStatus.EXITED.value:
        fields["childId"] = "该儿童已退出保障范围"
    elif repository.open_intervention_of(session, child.id) is not None:
        fields["childId"] = "该儿童已有进行中的监护干预"
    if len(set(data.measures)) != len(data.measures):
        fields["measures"] = "措施不能重复"
    if fields:
        raise ValidationFailed(fields=fields)
    case = _linked_case(session, principal, data.case_id, child)
    now = utcnow()
    intervention = GuardianshipIntervention(
        id=str(uuid.uuid4()),
        child_id=child.id,
        case_id=case.id if case else None,
        reason=data.reason.value,
        measures=[m.value for m in data.measures],
        status=InterventionStatus.OPEN.value,
        opened_on=data.opened_on or today(),
        opened_by=principal.username,
        note=_text(data.note),
        version=1,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, intervention)
    session.flush()
    measures = "、".join(INTERVENTION_NAMES[m] for m in data.measures) or "未定"
    said = f"措施：{measures}" + (f"；{intervention.note}" if intervention.note else "")
    _intervention_step(
        session, intervention, case, A.INTERVENTION_OPENED, principal.username, said, now
    )
    common = _intervention_event(intervention, child, case, principal.username, now)
    children.emit(
        session,
        INTERVENTION_OPENED,
        child.id,
        InterventionOpened(
            **common,
            case_id=case.id if case else intervention.id,
            reason=intervention.reason,
            opened_on=intervention.opened_on,
            measures=intervention.measures,
        ),
    )
    if data.reason is InterventionReason.SERIOUS_HARM:
        _petition_due(session, intervention, child, case, PetitionReason.SERIOUS_HARM, now)
    return _intervention_out(intervention)


def _petition_due(
    session: Session,
    intervention: GuardianshipIntervention,
    child: Child,
    case: Case | None,
    reason: PetitionReason,
    at: datetime,
) -> None:
    """Prompt the petition to revoke guardianship (申请撤销监护人资格), once."""
    intervention.petition_due_at = at
    intervention.petition_due_reason = reason.value
    repository.add(session, intervention)
    why = "监护干预已满六个月" if reason is PetitionReason.SIX_MONTHS else "监护人严重侵害儿童"
    _intervention_step(
        session, intervention, case, A.PETITION_DUE, "system", f"{why}，应申请撤销监护人资格", at
    )
    children.emit(
        session,
        PETITION_DUE,
        child.id,
        PetitionDue(
            **_intervention_event(intervention, child, case, "system", at),
            case_id=case.id if case else None,
            intervention_reason=intervention.reason,
            reason=reason.value,
            opened_on=intervention.opened_on,
        ),
    )


def _intervention_for(
    session: Session,
    principal: Principal,
    intervention_id: str,
    roles: frozenset[Role],
    message: str,
) -> tuple[GuardianshipIntervention, Child, Case | None]:
    """An intervention of a child the principal may act for, locked, with its case."""
    policy.require(principal, roles, message)
    intervention = repository.lock_intervention(session, intervention_id)
    if intervention is None:
        raise NotFound("监护干预不存在")
    try:
        child = children.load(session, principal, intervention.child_id)
    except NotFound as exc:
        raise NotFound("监护干预不存在") from exc
    case = repository.get(session, intervention.case_id) if intervention.case_id else None
    return intervention, child, case


def _no_earlier(day: date, than: date, field: str, message: str) -> None:
    if day < than:
        raise ValidationFailed(fields={field: message})


def close_intervention(
    session: Session, principal: Principal, intervention_id: str, data: CloseIntervention
) -> InterventionOut:
    """End an open intervention, with its outcome; temporary living support ends with it."""
    intervention, child, case = _intervention_for(
        session, principal, intervention_id, policy.INTERVENTION_ROLES, "无权结束监护干预"
    )
    if intervention.status != InterventionStatus.OPEN.value:
        raise _refuse("该监护干预已结束，不能再结束")
    outcome = _text(data.outcome)
    if outcome is None:
        raise ValidationFailed(fields={"outcome": "请填写干预结果"})
    closed_on = data.closed_on or today()
    _no_earlier(closed_on, intervention.opened_on, "closedOn", "结束日期不能早于开始日期")
    now = utcnow()
    intervention.status = InterventionStatus.CLOSED.value
    intervention.closed_on = closed_on
    intervention.closed_by = principal.username
    intervention.outcome = outcome
    intervention.version += 1
    intervention.updated_at = now
    repository.add(session, intervention)
    _intervention_step(
        session, intervention, case, A.INTERVENTION_CLOSED, principal.username, outcome, now
    )
    children.emit(
        session,
        INTERVENTION_CLOSED,
        child.id,
        InterventionClosed(
            **_intervention_event(intervention, child, case, principal.username, now),
            case_id=case.id if case else intervention.id,
            reason=intervention.reason,
            closed_on=closed_on,
            outcome=outcome,
        ),
    )
    return _intervention_out(intervention)


def record_petition(
    session: Session, principal: Principal, intervention_id: str, data: RecordPetition
) -> InterventionOut:
    """The petition to the court to revoke guardianship was filed."""
    intervention, child, case = _intervention_for(
        session, principal, intervention_id, policy.INTERVENTION_ROLES, "无权记录撤销监护申请"
    )
    if intervention.petition_filed_on is not None:
        raise _refuse("已向法院提出申请")
    court = _text(data.court)
    if court is None:
        raise ValidationFailed(fields={"court": "请填写受理法院"})
    _no_earlier(data.filed_on, intervention.opened_on, "filedOn", "申请日期不能早于干预开始日期")
    now = utcnow()
    intervention.petition_filed_on = data.filed_on
    intervention.court = court
    intervention.version += 1
    intervention.updated_at = now
    repository.add(session, intervention)
    said = f"{data.filed_on.isoformat()}向{court}申请撤销监护人资格"
    _intervention_step(session, intervention, case, A.PETITION_FILED, principal.username, said, now)
    children.emit(
        session,
        PETITION_FILED,
        child.id,
        PetitionFiled(
            **_intervention_event(intervention, child, case, principal.username, now),
            case_id=case.id if case else None,
            intervention_reason=intervention.reason,
            filed_on=data.filed_on,
            court=court,
        ),
    )
    return _intervention_out(intervention)


COURT_NAMES = {
    CourtOutcome.REVOKED: "撤销监护人资格",
    CourtOutcome.NOT_REVOKED: "驳回申请",
    CourtOutcome.OTHER: "其他",
}


def record_court_decision(
    session: Session, principal: Principal, intervention_id: str, data: RecordCourtDecision
) -> InterventionOut:
    """The court's decision on the petition, and its date."""
    intervention, child, case = _intervention_for(
        session, principal, intervention_id, policy.COURT_ROLES, "无权记录法院判决"
    )
    if intervention.petition_filed_on is None:
        raise _refuse("尚未向法院提出申请")
    if intervention.court_decided_on is not None:
        raise _refuse("已记录法院判决")
    _no_earlier(
        data.decided_on, intervention.petition_filed_on, "decidedOn", "判决日期不能早于申请日期"
    )
    now = utcnow()
    note = _text(data.note)
    intervention.court_decided_on = data.decided_on
    intervention.court_outcome = data.outcome.value
    intervention.court_note = note
    intervention.version += 1
    intervention.updated_at = now
    repository.add(session, intervention)
    said = f"{data.decided_on.isoformat()}法院判决：{COURT_NAMES[data.outcome]}" + (
        f"；{note}" if note else ""
    )
    _intervention_step(
        session, intervention, case, A.PETITION_DECIDED, principal.username, said, now
    )
    children.emit(
        session,
        PETITION_DECIDED,
        child.id,
        PetitionDecided(
            **_intervention_event(intervention, child, case, principal.username, now),
            case_id=case.id if case else None,
            intervention_reason=intervention.reason,
            decided_on=data.decided_on,
            outcome=data.outcome.value,
            note=note,
        ),
    )
    return _intervention_out(intervention)


def interventions(
    session: Session, principal: Principal, child_id: str, *, operation: str
) -> list[InterventionOut]:
    """A child's interventions, oldest first, for those who see case detail; the read logged."""
    policy.require_part(principal, frozenset({policy.Part.CASES}), "无权查看监护干预")
    child = children.load(session, principal, child_id)
    if not principal.sees(child.residence_division_code):  # a police station: its town's
        raise NotFound("儿童档案不存在")
    access.log_reads(session, principal, [child.id], parts={"cases"}, operation=operation)
    return [_intervention_out(row) for row in repository.interventions_of_child(session, child.id)]


def prompt_petitions(session: Session, opened_by: date, limit: int) -> int:
    """Prompt the petition of every open intervention opened on or before `opened_by` not yet
    prompted, up to `limit`; how many were prompted."""
    prompted = 0
    now = utcnow()
    for intervention in repository.petitions_due(session, opened_by, limit):
        if not repository.mark_petition_due(
            session, intervention.id, now, PetitionReason.SIX_MONTHS.value
        ):
            continue  # another worker prompted it
        session.refresh(intervention)
        child = children_repository.get(session, intervention.child_id)
        assert child is not None
        case = repository.get(session, intervention.case_id) if intervention.case_id else None
        _petition_due(session, intervention, child, case, PetitionReason.SIX_MONTHS, now)
        prompted += 1
    return prompted


# ---- on behalf of other services --------------------------------------------------------------


def record_escalation(session: Session, case_id: str, recipient: str, rung: int) -> bool:
    """A case's notification went up the ladder (notifications): a step of its timeline."""
    case = repository.get(session, case_id)
    if case is None:
        log.warning("escalation of case %s, which the registry does not know", case_id)
        return False
    _step(session, case, A.ESCALATED, SYSTEM, f"已提醒{recipient}（第{rung}级）", utcnow())
    return True


# ---- reading ----------------------------------------------------------------------------------


def _log(
    session: Session, principal: Principal, rows: Sequence[Case], operation: str, *, part: str
) -> None:
    """Each read of a case's detail, under its child's file, or the case's own id while the
    child is unknown (so `accessLog` of either tells who read it)."""
    access.log_reads(
        session, principal, [c.child_id or c.id for c in rows], parts={part}, operation=operation
    )


def _read_back(session: Session, principal: Principal, case: Case, operation: str) -> ReportOut:
    """The case as the actor now sees it (a read of its detail, logged)."""
    session.flush()
    view = _view_now(session, principal, case)
    if view is ReportView.DETAIL:
        _log(session, principal, [case], operation, part="cases")
    return to_outs(session, principal, [case], [view])[0]


def get_report(
    session: Session, principal: Principal, case_id: str, *, operation: str
) -> ReportOut:
    """A case as the caller may see it; NOT_FOUND when it is not theirs to see."""
    policy.require(principal, policy.REPORT_ROLES, "无权查看报告")
    case = repository.get(session, case_id)
    if case is None:
        raise NotFound("报告不存在")
    child = children_repository.get(session, case.child_id) if case.child_id else None
    view = view_of(principal, case, child)
    if view is None:
        raise NotFound("报告不存在")
    if view is ReportView.DETAIL:
        _log(session, principal, [case], operation, part="cases")
    return to_outs(session, principal, [case], [view])[0]


def _scope(principal: Principal) -> ColumnElement[bool]:
    """The cases a principal may list: their own reports, and those of their division they see
    in detail (or, for a village supervisor, of their village's children)."""
    own = repository.reported_by(principal.username)
    if policy.sees(principal, policy.Part.CASES):
        return or_(own, repository.in_division(principal.division_code))
    if principal.has_role(*policy.CASE_SUPERVISOR_ROLES):
        return or_(own, repository.of_children_in(principal.division_code))
    return own


def list_reports(
    session: Session,
    principal: Principal,
    *,
    status: ReportStatus | None,
    kind: ReportKind | None,
    division_code: str | None,
    child_id: str | None,
    first: int,
    after: str | None,
    operation: str,
    urgent: bool | None = None,
) -> ReportPage:
    """Cases the caller may see, newest first, each as their view shows it; detail reads logged."""
    policy.require(principal, policy.REPORT_ROLES, "无权查看报告")
    check_first(first)
    rows = repository.cases(
        session,
        scope=_scope(principal),
        status=status.value if status else None,
        kind=kind.value if kind else None,
        division_code=division_code,
        child_id=child_id,
        after=decode_moment_cursor("case", after),
        limit=first + 1,
        urgent=urgent,
    )
    page = list(rows[:first])
    known = repository.children_of(session, sorted({c.child_id for c in page if c.child_id}))
    views = [view_of(principal, c, known.get(c.child_id or "")) for c in page]
    shown = [(c, v) for c, v in zip(page, views, strict=True) if v is not None]
    _log(
        session, principal, [c for c, v in shown if v is ReportView.DETAIL], operation, part="cases"
    )
    outs = to_outs(session, principal, [c for c, _ in shown], [v for _, v in shown])
    edges = [
        ReportEdge(cursor=_cursor(c), node=out) for (c, _), out in zip(shown, outs, strict=True)
    ]
    return ReportPage(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > first,
            end_cursor=_cursor(page[-1]) if page else None,
        ),
    )


def _cursor(case: Case) -> str:
    return encode_moment_cursor("case", case.reported_at, case.id)

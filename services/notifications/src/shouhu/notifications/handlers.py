"""What notifies whom: the events that make notifications (the table in docs/notifications.md)."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session

from shouhu.notifications.notify import clear_deadline, notify, plan_deadline
from shouhu.notifications.recipients import cards
from shouhu.notifications.recipients.handlers import HANDLERS as WORKFORCE_HANDLERS
from shouhu.notifications.recipients.service import To
from shouhu.notifications.rules import Channel, rules
from shouhu.platform.auth import Role
from shouhu.platform.clock import DISTRICT_TZ
from shouhu.platform.divisions import name as division_name
from shouhu.platform.events import Envelope
from shouhu.platform.labels import DEPARTMENT_NAMES, NEED_NAMES
from shouhu.platform.worker import EventHandler

CHILD_REGISTERED = "registry.child.registered"
CHILD_UPDATED = "registry.child.updated"
VISIT_RECORDED = "registry.visit.recorded"
ENTITLEMENT_CHANGED = "benefits.entitlement.changed"
OVERDUE_DIGEST = "registry.visits.overdue_digest"
INTAKE_SUBMITTED = "registry.intake.submitted"
TASK_CREATED = "registry.intake.task_created"
TASK_ACCEPTED = "registry.intake.task_accepted"
MATERIALS_REQUESTED = "registry.intake.materials_requested"
MATERIALS_RECEIVED = "registry.intake.materials_received"
TASK_COMPLETED = "registry.intake.task_completed"
TASK_DECLINED = "registry.intake.task_declined"
INTAKE_COMPLETED = "registry.intake.completed"
INTAKE_WITHDRAWN = "registry.intake.withdrawn"
BENEFITS = "benefits"  # the actor of tasks benefits answers by itself


def on_child_registered(session: Session, envelope: Envelope) -> None:
    """The village's child welfare supervisor (儿童福利督导员) hears of a new file."""
    data = envelope.data
    cards.keep(session, data["childId"], data["name"], data["residenceDivisionCode"])
    notify(
        session,
        To.post(Role.VILLAGE_SUPERVISOR.value, data["residenceDivisionCode"]),
        kind="CHILD_REGISTERED",
        variables={
            "childName": data["name"],
            "birthDate": data["birthDate"],
            "divisionName": division_name(data["residenceDivisionCode"]),
        },
        child_id=data["childId"],
        source_event_id=envelope.id,
    )


def on_child_updated(session: Session, envelope: Envelope) -> None:
    """Keep the name and village the texts use."""
    data = envelope.data
    cards.keep(session, data["childId"], data["name"], data["residenceDivisionCode"])


def on_visit_recorded(session: Session, envelope: Envelope) -> None:
    """A high-risk family: the town's child social worker, at once, until acknowledged."""
    data = envelope.data
    if not data.get("highRisk"):
        return
    notify(
        session,
        To.post(Role.TOWN_SOCIAL_WORKER.value, data["townDivisionCode"]),
        kind="VISIT_HIGH_RISK",
        variables={
            "childName": cards.name_of(session, data["childId"]),
            "divisionName": division_name(data["residenceDivisionCode"]),
            "visitDate": data["visitedOn"],
        },
        child_id=data["childId"],
        subject_ref=data["visitId"],
        source_event_id=envelope.id,
    )


def _month(day: str | None) -> str:
    return f"{date.fromisoformat(day):%Y年%m月}" if day else ""


def on_entitlement_changed(session: Session, envelope: Envelope) -> None:
    """An entitlement that starts or ends paying: the village's supervisor (no amount: the
    share could tell health detail the supervisor may not see)."""
    data = envelope.data
    kinds = {"STARTED": "ENTITLEMENT_STARTED", "ENDED": "ENTITLEMENT_ENDED"}
    if data["change"] not in kinds:
        return
    applicant = cards.applicant_of(session, data["childId"])
    if applicant:
        started = data["change"] == "STARTED"
        notify(
            session,
            To.contact(applicant),
            kind="APPLICANT_BENEFIT",
            variables={
                "childName": cards.name_of(session, data["childId"]),
                "programmeName": data["programmeName"],
                "month": _month(data["startsOn"] if started else data.get("endsOn")),
                "change": "开始发放" if started else "停止发放",
            },
            child_id=data["childId"],
            subject_ref=data["entitlementId"],
            source_event_id=envelope.id,
        )
    notify(
        session,
        To.post(Role.VILLAGE_SUPERVISOR.value, data["residenceDivisionCode"]),
        kind=kinds[data["change"]],
        variables={
            "childName": cards.name_of(session, data["childId"]),
            "programmeName": data["programmeName"],
            "startMonth": _month(data["startsOn"]),
            "endMonth": _month(data.get("endsOn")),
            "reason": data["reason"],
        },
        child_id=data["childId"],
        subject_ref=data["entitlementId"],
        source_event_id=envelope.id,
    )


def on_overdue_digest(session: Session, envelope: Envelope) -> None:
    """The week's overdue visits: each village's supervisor, and the town's worker in sum."""
    data = envelope.data
    villages = data["villages"]
    for village in villages:
        notify(
            session,
            To.post(Role.VILLAGE_SUPERVISOR.value, village["villageDivisionCode"]),
            kind="VISITS_OVERDUE_DIGEST",
            variables={
                "divisionName": division_name(village["villageDivisionCode"]),
                "overdueCount": village["overdueCount"],
                "oldestDays": village["oldestDays"],
            },
            subject_ref=f"{data['week']}:{village['villageDivisionCode']}",
            source_event_id=envelope.id,
        )
    if villages:
        notify(
            session,
            To.post(Role.TOWN_SOCIAL_WORKER.value, data["townDivisionCode"]),
            kind="VISITS_OVERDUE_DIGEST",
            variables={
                "divisionName": division_name(data["townDivisionCode"]),
                "overdueCount": sum(v["overdueCount"] for v in villages),
                "oldestDays": max(v["oldestDays"] for v in villages),
            },
            subject_ref=f"{data['week']}:{data['townDivisionCode']}",
            source_event_id=envelope.id,
        )


# ---- the single window (一门受理): the applicant, the clerk, the departments' boards ----------


def _task_ref(task_id: str) -> str:
    """How a task's notifications and deadline are named (the registry's timeline reads it)."""
    return f"intake-task:{task_id}"


def on_intake_submitted(session: Session, envelope: Envelope) -> None:
    """The applicant's SMS with the receipt number; their mobile kept for later news."""
    data = envelope.data
    cards.keep(
        session, data["childId"], data["childName"], data["divisionCode"], data["applicantPhone"]
    )
    notify(
        session,
        To.contact(data["applicantPhone"]),
        kind="INTAKE_RECEIVED",
        variables={
            "receiptNumber": data["receiptNumber"],
            "childName": data["childName"],
            "needCount": len(data["needs"]),
        },
        child_id=data["childId"],
        subject_ref=f"intake:{data['intakeId']}",
        source_event_id=envelope.id,
    )


def _board(data: dict[str, object]) -> To:
    post = rules().department_post(str(data["department"]))
    return To.post(post.role, post.division(str(data["divisionCode"])))


def _plan(session: Session, data: dict[str, object]) -> None:
    """The task's deadline on its department's board: reminded before and at it, then up."""
    if not data["dueAt"]:
        clear_deadline(session, _task_ref(str(data["taskId"])))
        return
    plan_deadline(
        session,
        _task_ref(str(data["taskId"])),
        deadline="INTAKE_TASK",
        due_at=datetime.fromisoformat(str(data["dueAt"])),
        to=_board(data),
        variables={
            "subject": f"{data['receiptNumber']}{NEED_NAMES.get(str(data['need']), data['need'])}",
            "childName": cards.name_of(session, str(data["childId"])),
        },
        child_id=str(data["childId"]),
    )


def on_task_created(session: Session, envelope: Envelope) -> None:
    """The department's board hears of its new task, and its deadline starts."""
    data = envelope.data
    due = datetime.fromisoformat(data["dueAt"])
    notify(
        session,
        _board(data),
        kind="TASK_ASSIGNED",
        variables={
            "receiptNumber": data["receiptNumber"],
            "needName": NEED_NAMES.get(data["need"], data["need"]),
            "childName": cards.name_of(session, data["childId"]),
            "divisionName": division_name(data["divisionCode"]),
            "dueDate": f"{due.astimezone(DISTRICT_TZ):%Y年%m月%d日}",
        },
        child_id=data["childId"],
        subject_ref=_task_ref(data["taskId"]),
        source_event_id=envelope.id,
    )
    _plan(session, data)


def on_task_moved(session: Session, envelope: Envelope) -> None:
    """Accepted, or materials received: the deadline as it now stands."""
    _plan(session, envelope.data)


def on_materials_requested(session: Session, envelope: Envelope) -> None:
    """The clock pauses; the clerk is told what is missing, the applicant to bring it."""
    data = envelope.data
    clear_deadline(session, _task_ref(data["taskId"]))
    department = DEPARTMENT_NAMES.get(data["department"], data["department"])
    variables = {
        "receiptNumber": data["receiptNumber"],
        "departmentName": department,
        "needName": NEED_NAMES.get(data["need"], data["need"]),
        "childName": cards.name_of(session, data["childId"]),
        "note": data["note"] or "",
    }
    for to, channel in (
        (To.person(data["clerk"]), Channel.INAPP),
        (To.contact(data["applicantPhone"]), Channel.SMS),
    ):
        notify(
            session,
            to,
            kind="MATERIALS_REQUESTED",
            variables=variables,
            child_id=data["childId"],
            subject_ref=_task_ref(data["taskId"]),
            source_event_id=envelope.id,
            channels=[channel],
        )


def on_task_finished(session: Session, envelope: Envelope) -> None:
    """Done or declined: its deadline is met; one benefits decided is told to the clerk."""
    data = envelope.data
    clear_deadline(session, _task_ref(data["taskId"]))
    if data["actor"] != BENEFITS:
        return
    at = datetime.fromisoformat(data["at"]).astimezone(DISTRICT_TZ)
    notify(
        session,
        To.person(data["clerk"]),
        kind="BENEFITS_DECIDED",
        variables={
            "childName": cards.name_of(session, data["childId"]),
            "decidedOn": f"{at:%Y年%m月%d日}",
            "summary": data["note"] or "",
        },
        child_id=data["childId"],
        subject_ref=_task_ref(data["taskId"]),
        source_event_id=envelope.id,
    )


def on_intake_completed(session: Session, envelope: Envelope) -> None:
    """Every task done or declined: the clerk and the applicant are told."""
    data = envelope.data
    results = {"DONE": "已办结", "DECLINED": "不予办理"}
    summary = "，".join(
        f"{NEED_NAMES.get(t['need'], t['need'])}{results.get(t['status'], t['status'])}"
        for t in data["tasks"]
    )
    variables = {
        "receiptNumber": data["receiptNumber"],
        "childName": cards.name_of(session, data["childId"]),
        "summary": summary,
    }
    for to, channel in (
        (To.person(data["clerk"]), Channel.INAPP),
        (To.contact(data["applicantPhone"]), Channel.SMS),
    ):
        notify(
            session,
            to,
            kind="INTAKE_COMPLETED",
            variables=variables,
            child_id=data["childId"],
            subject_ref=f"intake:{data['intakeId']}",
            source_event_id=envelope.id,
            channels=[channel],
        )


def on_intake_withdrawn(session: Session, envelope: Envelope) -> None:
    """Withdrawn: no task of it has a deadline any more."""
    for task in envelope.data["tasks"]:
        clear_deadline(session, _task_ref(task["taskId"]))


REGISTRY_HANDLERS: dict[str, EventHandler] = {
    INTAKE_SUBMITTED: on_intake_submitted,
    TASK_CREATED: on_task_created,
    TASK_ACCEPTED: on_task_moved,
    MATERIALS_REQUESTED: on_materials_requested,
    MATERIALS_RECEIVED: on_task_moved,
    TASK_COMPLETED: on_task_finished,
    TASK_DECLINED: on_task_finished,
    INTAKE_COMPLETED: on_intake_completed,
    INTAKE_WITHDRAWN: on_intake_withdrawn,
    CHILD_REGISTERED: on_child_registered,
    CHILD_UPDATED: on_child_updated,
    VISIT_RECORDED: on_visit_recorded,
    OVERDUE_DIGEST: on_overdue_digest,
    **WORKFORCE_HANDLERS,
}
BENEFITS_HANDLERS: dict[str, EventHandler] = {ENTITLEMENT_CHANGED: on_entitlement_changed}

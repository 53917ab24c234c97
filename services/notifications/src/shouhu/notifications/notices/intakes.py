"""The single window's notices (一门受理): the applicant, the clerk, the departments' boards."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from shouhu.notifications.notify import clear_deadline, notify, plan_deadline
from shouhu.notifications.recipients import cards
from shouhu.notifications.recipients.service import To
from shouhu.notifications.rules import Channel, rules
from shouhu.platform.clock import DISTRICT_TZ
from shouhu.platform.divisions import name as division_name
from shouhu.platform.events import Envelope
from shouhu.platform.labels import DEPARTMENT_NAMES, NEED_NAMES
from shouhu.platform.worker import EventHandler

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
    _clerk_and_applicant(
        session, envelope, "MATERIALS_REQUESTED", variables, _task_ref(data["taskId"])
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
    _clerk_and_applicant(
        session, envelope, "INTAKE_COMPLETED", variables, f"intake:{data['intakeId']}"
    )


def _clerk_and_applicant(
    session: Session,
    envelope: Envelope,
    kind: str,
    variables: dict[str, object],
    subject_ref: str,
) -> None:
    """The clerk who took the application in the app; the applicant by SMS."""
    data = envelope.data
    for to, channel in (
        (To.person(data["clerk"]), Channel.INAPP),
        (To.contact(data["applicantPhone"]), Channel.SMS),
    ):
        notify(
            session,
            to,
            kind=kind,
            variables=variables,
            child_id=data["childId"],
            subject_ref=subject_ref,
            source_event_id=envelope.id,
            channels=[channel],
        )


def on_intake_withdrawn(session: Session, envelope: Envelope) -> None:
    """Withdrawn: no task of it has a deadline any more."""
    for task in envelope.data["tasks"]:
        clear_deadline(session, _task_ref(task["taskId"]))


HANDLERS: dict[str, EventHandler] = {
    INTAKE_SUBMITTED: on_intake_submitted,
    TASK_CREATED: on_task_created,
    TASK_ACCEPTED: on_task_moved,
    MATERIALS_REQUESTED: on_materials_requested,
    MATERIALS_RECEIVED: on_task_moved,
    TASK_COMPLETED: on_task_finished,
    TASK_DECLINED: on_task_finished,
    INTAKE_COMPLETED: on_intake_completed,
    INTAKE_WITHDRAWN: on_intake_withdrawn,
}

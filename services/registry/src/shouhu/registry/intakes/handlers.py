"""Events of other services that move the single window's tasks and timeline."""

from __future__ import annotations

import logging

from sqlmodel import Session

from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler
from shouhu.registry.intakes import service

log = logging.getLogger(__name__)

# Services that finish tasks of the departments they act for (routing.yaml `services`).
TASK_UPDATED = {f"{name}.task.updated": name for name in ("benefits", "education", "volunteers")}
ESCALATED = "notifications.escalated"
# What an escalation's `subjectRef` names when it is about a task's deadline.
TASK_REF = "intake-task:"


def on_task_updated(session: Session, envelope: Envelope) -> None:
    """A department's service finished a task (DONE or DECLINED) on the department's behalf;
    a task finished already is left as it is (the inbox keeps redeliveries out)."""
    data = envelope.data
    service.finish_for_service(
        session,
        service=TASK_UPDATED[envelope.type],
        task_id=str(data.get("taskId", "")),
        status=str(data.get("status", "")),
        outcome=str(data.get("outcome") or ""),
        actor=str(data.get("actor") or envelope.source),
    )


def on_escalated(session: Session, envelope: Envelope) -> None:
    """A task's deadline went up the ladder: an ESCALATED step on its application's timeline."""
    ref = envelope.data.get("subjectRef") or ""
    if not ref.startswith(TASK_REF):
        return  # an escalation of something else: a visit, a report
    service.record_escalation(
        session,
        ref.removeprefix(TASK_REF),
        recipient=str(envelope.data.get("recipient", "")),
        rung=int(envelope.data.get("rung", 0)),
    )


TASK_HANDLERS: dict[str, EventHandler] = {event: on_task_updated for event in TASK_UPDATED}
NOTIFICATION_HANDLERS: dict[str, EventHandler] = {ESCALATED: on_escalated}

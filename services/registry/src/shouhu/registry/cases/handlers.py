"""Events of other services that add to a case's timeline."""

from __future__ import annotations

from sqlmodel import Session

from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler
from shouhu.registry.cases import service

ESCALATED = "notifications.escalated"
# What an escalation's `subjectRef` names when it is about a case (its notifications' ladder).
CASE_REF = "case:"


def on_escalated(session: Session, envelope: Envelope) -> None:
    """A case's notification went up the ladder: an ESCALATED step on its timeline."""
    ref = envelope.data.get("subjectRef") or ""
    if not ref.startswith(CASE_REF):
        return  # an escalation of something else: a task, a visit
    service.record_escalation(
        session,
        ref.removeprefix(CASE_REF),
        recipient=str(envelope.data.get("recipient", "")),
        rung=int(envelope.data.get("rung", 0)),
    )


NOTIFICATION_HANDLERS: dict[str, EventHandler] = {ESCALATED: on_escalated}

"""Events that change a child's facts as aid sees them: decided again in the same transaction.

Run after the projection's own handlers (`shouhu.platform.worker.combined`, in app.py), so the
decision reads the projection as the event left it; the inbox makes a redelivery change nothing.
"""

from __future__ import annotations

from sqlmodel import Session

from shouhu.education.aid import service
from shouhu.platform.clock import today
from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler


def on_child_changed(session: Session, envelope: Envelope) -> None:
    """A child's classifications, residence or status changed: its aid is decided again."""
    service.decide(session, [envelope.data["childId"]], today(), envelope.type)


HANDLERS: dict[str, EventHandler] = {
    "registry.child.updated": on_child_changed,
    "registry.child.classified": on_child_changed,
    "registry.child.exited": on_child_changed,
}

"""Events education consumes: the registry's children, into the projection.

Each handler changes the projection in the consumer's one transaction; the inbox makes a
redelivered event change nothing. After the projection is updated, in the same transaction, the
dropout watch judges the child again (a registration or a move into the district of a child of
compulsory-school age out of school opens a risk; an exit closes one).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from shouhu.education.children import service
from shouhu.education.dropout import service as dropout
from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler

CHILD_REGISTERED = "registry.child.registered"
CHILD_UPDATED = "registry.child.updated"
CHILD_CLASSIFIED = "registry.child.classified"
CHILD_EXITED = "registry.child.exited"


def _identity(session: Session, envelope: Envelope) -> None:
    data = envelope.data
    service.record_child(
        session,
        data["childId"],
        name=data["name"],
        birth_date=date.fromisoformat(data["birthDate"]),
        residence=data["residenceDivisionCode"],
        town=data["townDivisionCode"],
        # An event written before v1 grew the field says nothing of the hukou: keep what the
        # projection knows (a rebuild's); a null present in the payload clears it.
        hukou=data.get("hukouDivisionCode", service.UNSAID),
    )


def on_child_registered(session: Session, envelope: Envelope) -> None:
    """A new file: the child is known to education from now on."""
    _identity(session, envelope)
    dropout.judge(session, envelope.data["childId"])


def on_child_updated(session: Session, envelope: Envelope) -> None:
    """Name, birth date or residence may have changed (a move into the district too)."""
    _identity(session, envelope)
    dropout.judge(session, envelope.data["childId"])


def on_child_classified(session: Session, envelope: Envelope) -> None:
    """The complete active set of classifications, the primary category and left-behind."""
    data = envelope.data
    service.record_classifications(
        session,
        data["childId"],
        birth_date=date.fromisoformat(data["birthDate"]),
        residence=data["residenceDivisionCode"],
        town=data["townDivisionCode"],
        classifications=[
            {
                "group": c["group"],
                "subtype": c["subtype"],
                "since": c["since"],
                "until": c.get("until"),
            }
            for c in data["classifications"]
        ],
        primary_category=data["primaryCategory"],
        left_behind=data["leftBehind"],
    )


def on_child_exited(session: Session, envelope: Envelope) -> None:
    """The child left the registry's scope (18, moved away, died)."""
    data = envelope.data
    service.record_exit(
        session,
        data["childId"],
        date.fromisoformat(data["exitedOn"]),
        data["residenceDivisionCode"],
    )
    dropout.judge(session, data["childId"])


HANDLERS: dict[str, EventHandler] = {
    CHILD_REGISTERED: on_child_registered,
    CHILD_UPDATED: on_child_updated,
    CHILD_CLASSIFIED: on_child_classified,
    CHILD_EXITED: on_child_exited,
}

"""Events benefits consumes: the registry's children and cases, and its own work queue.

Each handler updates the projection and re-decides in the consumer's one transaction; the inbox
makes a redelivered event change nothing. The day of a decision is the day (in Beijing) the
event happened, so a replay decides as the original did.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from shouhu.benefits.decisions import service
from shouhu.benefits.decisions.events import REDECISION_REQUESTED, RedecisionRequested
from shouhu.platform.clock import DISTRICT_TZ
from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler

CHILD_REGISTERED = "registry.child.registered"
CHILD_UPDATED = "registry.child.updated"
CHILD_CLASSIFIED = "registry.child.classified"
CHILD_EXITED = "registry.child.exited"
GUARDIANSHIP_CHANGED = "registry.child.guardianship_changed"
# Published by the registry's protection cases once they exist (accepted now; docs/benefits.md).
INTERVENTION_OPENED = "registry.case.intervention_opened"
INTERVENTION_CLOSED = "registry.case.intervention_closed"


def day_of(envelope: Envelope) -> date:
    """The district's day on which the event happened."""
    return envelope.time.astimezone(DISTRICT_TZ).date()


def _identity(session: Session, envelope: Envelope, *, with_name: bool) -> None:
    data = envelope.data
    service.record_child(
        session,
        data["childId"],
        name=data["name"] if with_name else None,
        birth_date=date.fromisoformat(data["birthDate"]),
        residence=data["residenceDivisionCode"],
        town=data["townDivisionCode"],
    )
    service.redecide(session, [data["childId"]], day_of(envelope), envelope.type)


def on_child_registered(session: Session, envelope: Envelope) -> None:
    """A new file: decided at once (nothing is granted before a classification)."""
    _identity(session, envelope, with_name=True)


def on_child_updated(session: Session, envelope: Envelope) -> None:
    """Birth date or residence may have changed: age and division count."""
    _identity(session, envelope, with_name=True)


def on_child_classified(session: Session, envelope: Envelope) -> None:
    """The complete active set of classifications: the main trigger of decisions."""
    data = envelope.data
    service.record_child(
        session,
        data["childId"],
        name=None,
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
    )
    service.redecide(session, [data["childId"]], day_of(envelope), envelope.type)


def on_child_exited(session: Session, envelope: Envelope) -> None:
    """Every entitlement ends at the end of the month of the exit."""
    data = envelope.data
    exited_on = date.fromisoformat(data["exitedOn"])
    if service.record_exit(session, data["childId"], exited_on, data["residenceDivisionCode"]):
        service.redecide(session, [data["childId"]], day_of(envelope), envelope.type)


def on_guardianship_changed(session: Session, envelope: Envelope) -> None:
    """Whether a capable guardian cares for the child (the guardianship allowance pilot)."""
    data = envelope.data
    present = any(g["isGuardian"] and g["capacity"] != "NONE" for g in data["guardians"])
    if service.record_guardians(session, data["childId"], present):
        service.redecide(session, [data["childId"]], day_of(envelope), envelope.type)


def on_intervention_opened(session: Session, envelope: Envelope) -> None:
    """A guardianship intervention opened (temporary living support)."""
    data = envelope.data
    service.record_intervention(
        session,
        data["childId"],
        data["caseId"],
        opened_on=date.fromisoformat(data["openedOn"]),
        closed_on=None,
    )
    service.redecide(session, [data["childId"]], day_of(envelope), envelope.type)


def on_intervention_closed(session: Session, envelope: Envelope) -> None:
    """A guardianship intervention closed."""
    data = envelope.data
    service.record_intervention(
        session,
        data["childId"],
        data["caseId"],
        opened_on=None,
        closed_on=date.fromisoformat(data["closedOn"]),
    )
    service.redecide(session, [data["childId"]], day_of(envelope), envelope.type)


def on_redecision_requested(session: Session, envelope: Envelope) -> None:
    """One range of children of a requested re-decision."""
    service.redecide_range(session, RedecisionRequested.model_validate(envelope.data))


HANDLERS: dict[str, EventHandler] = {
    CHILD_REGISTERED: on_child_registered,
    CHILD_UPDATED: on_child_updated,
    CHILD_CLASSIFIED: on_child_classified,
    CHILD_EXITED: on_child_exited,
    GUARDIANSHIP_CHANGED: on_guardianship_changed,
    INTERVENTION_OPENED: on_intervention_opened,
    INTERVENTION_CLOSED: on_intervention_closed,
    REDECISION_REQUESTED: on_redecision_requested,
}

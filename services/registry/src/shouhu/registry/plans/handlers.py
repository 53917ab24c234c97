"""Events of other services that add or update measures of a child's support plan."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from shouhu.platform.events import Envelope
from shouhu.registry.plans import service
from shouhu.registry.plans.schemas import Department, MeasureStatus

ENTITLEMENT_CHANGED = "benefits.entitlement.changed"
AID_DECIDED = "education.aid.decided"
PAIRING_CHANGED = (
    "volunteers.pairing.started",
    "volunteers.pairing.suspended",
    "volunteers.pairing.ended",
)


def on_entitlement_changed(session: Session, envelope: Envelope) -> None:
    """A benefit granted, changed or ended shows on the plan as civil affairs' measure (一策)."""
    measure = envelope.data["planMeasure"]
    due = measure.get("dueDate")
    service.upsert_measure_from_event(
        session,
        envelope.data["childId"],
        measure["sourceRef"],
        department=Department(measure["department"]),
        kind=measure["kind"],
        description=measure["description"],
        status=MeasureStatus(measure["status"]),
        due_date=date.fromisoformat(due) if due else None,
        owner=None,
        actor=envelope.source,
        restricted=bool(measure.get("restricted", False)),
    )


def on_aid_decided(session: Session, envelope: Envelope) -> None:
    """Education's aid granted or stopped shows on the plan as the education department's
    measures, one per programme (`planMeasures`: only the programmes whose outcome changed)."""
    for measure in envelope.data["planMeasures"]:
        service.upsert_measure_from_event(
            session,
            envelope.data["childId"],
            measure["sourceRef"],
            department=Department(measure["department"]),
            kind=measure["kind"],
            description=measure["description"],
            status=MeasureStatus(measure["status"]),
            due_date=None,
            owner=None,
            actor=envelope.source,
        )


def on_pairing_changed(session: Session, envelope: Envelope) -> None:
    """A volunteer paired with the child (一对一帮扶), the pairing suspended or ended: the mass
    organisations' measure on the plan, one per pairing."""
    measure = envelope.data["planMeasure"]
    service.upsert_measure_from_event(
        session,
        envelope.data["childId"],
        measure["sourceRef"],
        department=Department(measure["department"]),
        kind=measure["kind"],
        description=measure["description"],
        status=MeasureStatus(measure["status"]),
        due_date=None,
        owner=None,
        actor=envelope.source,
    )


HANDLERS = {ENTITLEMENT_CHANGED: on_entitlement_changed}
# Education's events the plans take (on the education topic's consumer, beside the tasks').
EDUCATION_HANDLERS = {AID_DECIDED: on_aid_decided}
# Volunteers' pairings the plans take (on the same consumer as education's).
VOLUNTEERS_HANDLERS = {event: on_pairing_changed for event in PAIRING_CHANGED}

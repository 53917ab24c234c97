"""Events of other services that add or update measures of a child's support plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from shouhu.platform.events import Envelope
from shouhu.registry.plans import service
from shouhu.registry.plans.schemas import Department, MeasureStatus

ENTITLEMENT_CHANGED = "benefits.entitlement.changed"
AID_DECIDED = "education.aid.decided"
PAIRING_CHANGED = (
    "volunteers.pairing.started",
    "volunteers.pairing.suspended",
    "volunteers.pairing.resumed",
    "volunteers.pairing.ended",
)
FAMILY_LINKED = "volunteers.caring_family.linked"
FAMILY_UNLINKED = "volunteers.caring_family.unlinked"


def _upsert(session: Session, child_id: str, measure: dict[str, Any], actor: str) -> None:
    """One `planMeasure` of an event, added or updated by its `sourceRef` (a redelivery changes
    nothing); `dueDate` and `restricted` where the publisher gives them."""
    due = measure.get("dueDate")
    service.upsert_measure_from_event(
        session,
        child_id,
        measure["sourceRef"],
        department=Department(measure["department"]),
        kind=measure["kind"],
        description=measure["description"],
        status=MeasureStatus(measure["status"]),
        due_date=date.fromisoformat(due) if due else None,
        owner=None,
        actor=actor,
        restricted=bool(measure.get("restricted", False)),
    )


def on_plan_measure(session: Session, envelope: Envelope) -> None:
    """An event carrying one measure (一策): a benefit granted, changed or ended (civil affairs);
    a volunteer paired with the child, the pairing suspended, resumed or ended (the mass
    organisations);
    a caring family linked or unlinked (civil affairs), one measure per link."""
    _upsert(session, envelope.data["childId"], envelope.data["planMeasure"], envelope.source)


def on_aid_decided(session: Session, envelope: Envelope) -> None:
    """Education's aid granted or stopped shows on the plan as the education department's
    measures, one per programme (`planMeasures`: only the programmes whose outcome changed)."""
    for measure in envelope.data["planMeasures"]:
        _upsert(session, envelope.data["childId"], measure, envelope.source)


HANDLERS = {ENTITLEMENT_CHANGED: on_plan_measure}
# Education's events the plans take (on the education topic's consumer, beside the tasks').
EDUCATION_HANDLERS = {AID_DECIDED: on_aid_decided}
# Volunteers' pairings and caring families the plans take (on the same consumer as education's).
VOLUNTEERS_HANDLERS = {
    event: on_plan_measure for event in (*PAIRING_CHANGED, FAMILY_LINKED, FAMILY_UNLINKED)
}

"""Events of other services that add or update measures of a child's support plan."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from shouhu.platform.events import Envelope
from shouhu.registry.plans import service
from shouhu.registry.plans.schemas import Department, MeasureStatus

ENTITLEMENT_CHANGED = "benefits.entitlement.changed"


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


HANDLERS = {ENTITLEMENT_CHANGED: on_entitlement_changed}

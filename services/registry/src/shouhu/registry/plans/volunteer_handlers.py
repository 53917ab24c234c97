"""Volunteers' events that add or end measures of a child's support plan: a caring family."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from shouhu.platform.events import Envelope
from shouhu.registry.plans import service
from shouhu.registry.plans.schemas import Department, MeasureStatus

FAMILY_LINKED = "volunteers.caring_family.linked"
FAMILY_UNLINKED = "volunteers.caring_family.unlinked"


def on_caring_family(session: Session, envelope: Envelope) -> None:
    """A caring family linked (in progress) or unlinked (done) shows on the plan as civil
    affairs' measure, one per link (`planMeasure.sourceRef`)."""
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
    )


# On the consumer of the education and volunteers topics, beside the tasks' and education's.
VOLUNTEERS_HANDLERS = {FAMILY_LINKED: on_caring_family, FAMILY_UNLINKED: on_caring_family}

"""Events volunteers consumes: the registry's children, into the projection (the inbox makes a
redelivered event change nothing), and the support plan's measures as needs."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler
from shouhu.volunteers.children import service
from shouhu.volunteers.needs import service as needs
from shouhu.volunteers.needs.schemas import NeedSource
from shouhu.volunteers.pairing.rules import load

CHILD_REGISTERED = "registry.child.registered"
CHILD_UPDATED = "registry.child.updated"
CHILD_EXITED = "registry.child.exited"
MEASURE_ADDED = "registry.plan.measure_added"
ACTOR = "volunteers"


def on_child(session: Session, envelope: Envelope) -> None:
    """A new file, or its name, birth date or residence changed."""
    data = envelope.data
    service.record_child(
        session,
        data["childId"],
        name=data["name"],
        birth_date=date.fromisoformat(data["birthDate"]),
        residence=data["residenceDivisionCode"],
        town=data["townDivisionCode"],
    )


def on_child_exited(session: Session, envelope: Envelope) -> None:
    """The child left the registry's scope (18, moved away, died): no new pairing."""
    data = envelope.data
    service.record_exit(session, data["childId"], data["residenceDivisionCode"])


def on_measure_added(session: Session, envelope: Envelope) -> None:
    """A support plan measure whose kind names a need (学业辅导, 心理疏导, ...): the child's needs
    for suggestions, and an open need for each skill where the plan's department asks it."""
    data = envelope.data
    skills = load().needs_of(None, data.get("kind"))
    service.add_needs(session, data["childId"], skills)
    if not needs.raises_plan_need(str(data.get("department")), data.get("sourceRef")):
        return
    for skill in skills:
        needs.raise_from_event(
            session,
            child_id=data["childId"],
            division_code=data["residenceDivisionCode"],
            source=NeedSource.PLAN,
            source_ref=f"plan-measure:{data['measureId']}:{skill}",
            skill=skill,
            description=f"帮扶计划措施：{data.get('kind')}",
            actor=ACTOR,
        )


HANDLERS: dict[str, EventHandler] = {
    CHILD_REGISTERED: on_child,
    CHILD_UPDATED: on_child,
    CHILD_EXITED: on_child_exited,
    MEASURE_ADDED: on_measure_added,
}

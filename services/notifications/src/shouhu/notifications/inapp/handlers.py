"""Events that leave notifications."""

from sqlmodel import Session

from shouhu.notifications.inapp import service
from shouhu.platform.auth import Role
from shouhu.platform.events import Envelope

CHILD_REGISTERED = "registry.child.registered"


def on_child_registered(session: Session, envelope: Envelope) -> None:
    """Tell the village's child welfare supervisor (儿童福利督导员) of a new file."""
    data = envelope.data
    service.notify_post(
        session,
        role=Role.VILLAGE_SUPERVISOR.value,
        division=data["residenceDivisionCode"],
        kind="CHILD_REGISTERED",
        title="新登记儿童",
        body=f"本村（社区）新登记儿童{data['name']}（{data['birthDate']}出生），请及时走访建档。",
        child_id=data["childId"],
        source_event_id=envelope.id,
    )


HANDLERS = {CHILD_REGISTERED: on_child_registered}

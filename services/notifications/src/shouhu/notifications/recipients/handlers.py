"""Events of the registry's workforce that keep the posts' holders current."""

from sqlmodel import Session

from shouhu.notifications.recipients import service
from shouhu.notifications.recipients.schemas import AssignmentEnded, WorkerAssigned
from shouhu.platform.events import Envelope

WORKER_ASSIGNED = "registry.workforce.assigned"
ASSIGNMENT_ENDED = "registry.workforce.ended"


def on_worker_assigned(session: Session, envelope: Envelope) -> None:
    service.assigned(session, WorkerAssigned.model_validate(envelope.data))


def on_assignment_ended(session: Session, envelope: Envelope) -> None:
    service.ended(session, AssignmentEnded.model_validate(envelope.data))


HANDLERS = {WORKER_ASSIGNED: on_worker_assigned, ASSIGNMENT_ENDED: on_assignment_ended}

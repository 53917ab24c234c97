"""Events of the registry's single window that pairing takes: every task tells what a child
needs; the Youth League's VOLUNTEER_PAIRING task is kept until a pairing starts."""

from __future__ import annotations

from pydantic import ConfigDict
from sqlmodel import Session

from shouhu.platform.events import Envelope
from shouhu.platform.schemas import Camel
from shouhu.platform.worker import EventHandler
from shouhu.volunteers.children import service as children
from shouhu.volunteers.pairing import service
from shouhu.volunteers.pairing.rules import load

TASK_CREATED = "registry.intake.task_created"
NEED = "VOLUNTEER_PAIRING"
DEPARTMENT = "YOUTH_LEAGUE"


class TaskCreated(Camel):
    """The fields of `registry.intake.task_created` pairing uses (the rest it ignores)."""

    model_config = ConfigDict(extra="ignore")

    task_id: str
    intake_id: str
    child_id: str
    department: str
    need: str
    note: str | None = None


def on_task_created(session: Session, envelope: Envelope) -> None:
    """A need taken at the window: what the child needs; the pairing task is ours to answer."""
    task = TaskCreated.model_validate(envelope.data)
    needs = load().needs_of(task.need, task.note)
    if task.department == DEPARTMENT and task.need == NEED:
        service.take_task(
            session,
            task_id=task.task_id,
            intake_id=task.intake_id,
            child_id=task.child_id,
            needs=needs,
        )
    else:
        children.add_needs(session, task.child_id, needs)


HANDLERS: dict[str, EventHandler] = {TASK_CREATED: on_task_created}

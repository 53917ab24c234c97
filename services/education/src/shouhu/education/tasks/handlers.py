"""Events of the registry's single window that education answers."""

from __future__ import annotations

from sqlmodel import Session

from shouhu.education.tasks import service
from shouhu.education.tasks.schemas import TaskCreated
from shouhu.platform.clock import today
from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler

TASK_CREATED = "registry.intake.task_created"


def on_task_created(session: Session, envelope: Envelope) -> None:
    """The education department's aid task: decided and completed at once."""
    task = TaskCreated.model_validate(envelope.data)
    service.answer(session, task, today(), envelope.type)


HANDLERS: dict[str, EventHandler] = {TASK_CREATED: on_task_created}

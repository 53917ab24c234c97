"""Events of the registry's single window that benefits answers."""

from __future__ import annotations

from sqlmodel import Session

from shouhu.benefits.decisions.handlers import day_of
from shouhu.benefits.tasks import service
from shouhu.benefits.tasks.schemas import TaskCreated
from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler

TASK_CREATED = "registry.intake.task_created"


def on_task_created(session: Session, envelope: Envelope) -> None:
    """Civil affairs' living-allowance or guardianship task: decided and completed at once."""
    task = TaskCreated.model_validate(envelope.data)
    service.answer(session, task, day_of(envelope), envelope.type)


HANDLERS: dict[str, EventHandler] = {TASK_CREATED: on_task_created}

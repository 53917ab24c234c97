"""Benefits' answers to department tasks on the benefits topic (documented in docs/benefits.md)."""

from __future__ import annotations

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

TASK_UPDATED = "benefits.task.updated"


class TaskUpdated(Camel):
    """`benefits.task.updated` v1: benefits decided a single-window task (DONE or DECLINED)."""

    task_id: str
    intake_id: str
    child_id: str
    status: str
    outcome: str
    actor: str


EVENTS: dict[tuple[str, int], type[BaseModel]] = {(TASK_UPDATED, 1): TaskUpdated}

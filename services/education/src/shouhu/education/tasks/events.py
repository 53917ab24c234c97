"""Education's answers to department tasks on the education topic (docs/events-education.md)."""

from __future__ import annotations

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

TASK_UPDATED = "education.task.updated"


class TaskUpdated(Camel):
    """`education.task.updated` v1: education decided a single-window task (DONE or DECLINED),
    in the shape of `benefits.task.updated` (the registry reads both alike)."""

    task_id: str
    intake_id: str
    child_id: str
    status: str
    outcome: str
    actor: str


EVENTS: dict[tuple[str, int], type[BaseModel]] = {(TASK_UPDATED, 1): TaskUpdated}

"""What education reads of the registry's task events."""

from __future__ import annotations

from pydantic import ConfigDict

from shouhu.platform.schemas import Camel


class TaskCreated(Camel):
    """The fields of `registry.intake.task_created` that education uses (the rest it ignores)."""

    model_config = ConfigDict(extra="ignore")

    task_id: str
    intake_id: str
    child_id: str
    department: str
    need: str

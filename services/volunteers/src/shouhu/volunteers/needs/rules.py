"""The needs file (needs.yaml): which needs events raise, and of what kind."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field

from shouhu.volunteers.needs.schemas import ResourceKind
from shouhu.volunteers.volunteers.schemas import VolunteerSkill

FILE = Path(__file__).with_name("needs.yaml")


class NeedRules(BaseModel):
    """The whole file."""

    model_config = ConfigDict(extra="forbid")

    version: str = Field(min_length=1)
    kinds: dict[VolunteerSkill, ResourceKind]
    plan_departments: list[str] = Field(min_length=1)

    def kind_of(self, skill: str | None) -> ResourceKind:
        """The kind of need a skill calls for; OTHER when the file names none."""
        return (
            self.kinds.get(VolunteerSkill(skill), ResourceKind.OTHER)
            if skill
            else (ResourceKind.OTHER)
        )


@cache
def load() -> NeedRules:
    """The file, checked; a broken one stops the service at start."""
    return NeedRules.model_validate(yaml.safe_load(FILE.read_text(encoding="utf-8")))

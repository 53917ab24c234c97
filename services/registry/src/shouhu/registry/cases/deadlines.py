"""The clocks of a protection case as data (强制报告时限), read once per file."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

DEADLINES_FILE = "deadlines.yaml"


class Step(StrEnum):
    """A step of a case whose time is accounted for (追责)."""

    FOUND_TO_REPORTED = "FOUND_TO_REPORTED"
    REPORTED_TO_ACCEPTED = "REPORTED_TO_ACCEPTED"
    ACCEPTED_TO_NOTIFIED = "ACCEPTED_TO_NOTIFIED"
    NOTIFIED_TO_ASSESSED = "NOTIFIED_TO_ASSESSED"


class _Data(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class Limit(_Data):
    """So many hours, fewer for an urgent report where given."""

    hours: int = Field(ge=1, le=24 * 90)
    urgent_hours: int | None = Field(default=None, ge=1, le=24 * 90)

    def of(self, urgent: bool) -> timedelta:
        hours = self.urgent_hours if urgent and self.urgent_hours else self.hours
        return timedelta(hours=hours)


class Deadlines(_Data):
    """The assessment's deadline, each step's accountability limit, the petition's months."""

    version: str = Field(min_length=1, max_length=40)
    assessment: Limit
    steps: dict[Step, Limit]
    petition_after_months: int = Field(ge=1, le=60)

    @model_validator(mode="after")
    def _every_step_limited(self) -> Deadlines:
        missing = set(Step) - set(self.steps)
        if missing:
            raise ValueError(f"steps without a limit: {', '.join(sorted(missing))}")
        return self


def _read(path: str) -> str:
    if path:
        return Path(path).read_text(encoding="utf-8")
    return (resources.files("shouhu.registry.cases") / DEADLINES_FILE).read_text(encoding="utf-8")


@cache
def load(path: str = "") -> Deadlines:
    """The deadlines of `path`, or the default beside this module; read once per path."""
    return Deadlines.model_validate(yaml.safe_load(_read(path)))


_current: list[str] = [""]


def use(path: str) -> Deadlines:
    """Give new cases the deadlines of the file at `path` (empty: the default); checked at start."""
    deadlines = load(path)
    _current[0] = path
    return deadlines


def current() -> Deadlines:
    return load(_current[0])

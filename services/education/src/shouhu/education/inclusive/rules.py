"""Home teaching's schedule as the district sets it (`home-teaching.yaml`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, model_validator


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bounded(Strict):
    """A default and the bounds a plan may set within, both included."""

    default: float = Field(gt=0)
    min: float = Field(gt=0)
    max: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> Bounded:
        if not self.min <= self.default <= self.max:
            raise ValueError("default outside min..max")
        return self

    def holds(self, value: float) -> bool:
        return self.min <= value <= self.max


class HomeTeaching(Strict):
    """The whole file: its version, sessions a month, hours a session, hours a day."""

    version: str
    sessions_per_month: Bounded
    min_hours: Bounded
    max_hours_per_day: float = Field(gt=0)

    @model_validator(mode="after")
    def _whole_sessions(self) -> HomeTeaching:
        s = self.sessions_per_month
        if any(v != int(v) for v in (s.default, s.min, s.max)):
            raise ValueError("sessions_per_month: whole numbers")
        if self.min_hours.max > self.max_hours_per_day:
            raise ValueError("min_hours.max above max_hours_per_day")
        return self


@cache
def load() -> HomeTeaching:
    """The file, checked; a broken one stops the service at start."""
    source = resources.files("shouhu.education.inclusive") / "home-teaching.yaml"
    return HomeTeaching.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))

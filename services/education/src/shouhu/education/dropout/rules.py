"""The dropout watch's rules as the district sets them (`watch.yaml`)."""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, model_validator

from shouhu.platform.clock import born_by
from shouhu.platform.workdays import add_working_days


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CompulsoryAge(Strict):
    """Compulsory-school age: `from_years` to `to_years` on the day, both included."""

    from_years: int = Field(ge=0)
    to_years: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> CompulsoryAge:
        if self.to_years < self.from_years:
            raise ValueError("compulsory_age: to_years before from_years")
        return self


class Watch(Strict):
    """The whole file: its version, the ages, the deadline, the long absence."""

    version: str
    compulsory_age: CompulsoryAge
    deadline_working_days: int = Field(ge=1)
    long_absence_school_days: int = Field(ge=1)

    def born_between(self, on: date) -> tuple[date, date]:
        """(after, up to): a child born after the first and up to the second is of
        compulsory-school age on `on`; set-based, as the sweep asks it."""
        return born_by(on, self.compulsory_age.to_years + 1), born_by(
            on, self.compulsory_age.from_years
        )

    def of_age(self, birth_date: date, on: date) -> bool:
        after, up_to = self.born_between(on)
        return after < birth_date <= up_to

    def due_on(self, opened_on: date) -> date:
        """The last day to act on a risk opened on `opened_on`."""
        return add_working_days(opened_on, self.deadline_working_days, weekdays_beyond=True)


@cache
def load() -> Watch:
    """The watch file, checked; a broken one stops the service at start."""
    source = resources.files("shouhu.education.dropout") / "watch.yaml"
    return Watch.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))

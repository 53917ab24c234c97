"""The stages' ages and grades as the district sets them (`stages.yaml`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, Field

from shouhu.education.schools.schemas import SchoolStage


class Stage(BaseModel):
    """A stage of schooling: its name, the ages that fit it, its number of grades."""

    name: str
    min_age: int = Field(ge=0)
    max_age: int = Field(ge=0)
    grades: int = Field(ge=1)


class Stages(BaseModel):
    """The whole file: its version, the tolerance in years, every stage."""

    version: str
    tolerance_years: int = Field(ge=0)
    stages: dict[SchoolStage, Stage]

    def of(self, stage: SchoolStage) -> Stage:
        return self.stages[stage]

    def fits(self, stage: SchoolStage, age: int) -> bool:
        """Whether a child of `age` on the first day may be at the stage, within the tolerance."""
        s = self.stages[stage]
        return s.min_age - self.tolerance_years <= age <= s.max_age + self.tolerance_years


@cache
def load() -> Stages:
    """The stages file, checked: every stage of API.md present."""
    source = resources.files("shouhu.education.enrolments") / "stages.yaml"
    stages = Stages.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))
    missing = set(SchoolStage) - set(stages.stages)
    if missing:
        raise ValueError(f"stages.yaml lacks {sorted(missing)}")
    return stages

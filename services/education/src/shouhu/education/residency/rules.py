"""Who is a non-Beijing child and what its enrolment needs, as the district sets it
(`documents.yaml`)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, model_validator

from shouhu.education.enrolments import stages as stage_rules
from shouhu.education.schools.schemas import SchoolStage

# The stages a child's age points to when it has no open enrolment, youngest first.
BY_AGE = (
    SchoolStage.PRESCHOOL,
    SchoolStage.PRIMARY,
    SchoolStage.JUNIOR_SECONDARY,
    SchoolStage.SENIOR_SECONDARY,
)


class Documents(BaseModel):
    """The whole file: its version, Beijing's hukou prefixes, the documents, each stage's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    beijing_prefixes: tuple[str, ...] = Field(min_length=1)
    documents: dict[str, str] = Field(min_length=1)
    stages: dict[SchoolStage, tuple[str, ...]]

    @model_validator(mode="after")
    def _whole(self) -> Documents:
        missing = set(SchoolStage) - set(self.stages)
        if missing:
            raise ValueError(f"documents.yaml lacks the stages {sorted(missing)}")
        for stage, codes in self.stages.items():
            unknown = set(codes) - set(self.documents)
            if unknown:
                raise ValueError(f"documents.yaml: {stage} asks unknown {sorted(unknown)}")
        if any(not p.isdigit() for p in self.beijing_prefixes):
            raise ValueError("documents.yaml: beijing_prefixes are digits")
        return self

    def non_beijing(self, hukou: str | None) -> bool:
        """A hukou recorded and not Beijing's; unknown (None) is not counted as either."""
        if not hukou:
            return False
        return not hukou.startswith(self.beijing_prefixes)

    def required(self, stage: SchoolStage) -> tuple[str, ...]:
        return self.stages[stage]

    def name(self, code: str) -> str:
        return self.documents[code]


def stage_by_age(age: int) -> SchoolStage:
    """The stage a child's age fits (stages.yaml's ages, no tolerance); the nearest at the ends."""
    stages = stage_rules.load()
    for stage in BY_AGE:
        if age <= stages.of(stage).max_age:
            return stage
    return BY_AGE[-1]


@cache
def load() -> Documents:
    """The documents file, checked; a broken one stops the service at start."""
    source = resources.files("shouhu.education.residency") / "documents.yaml"
    return Documents.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))

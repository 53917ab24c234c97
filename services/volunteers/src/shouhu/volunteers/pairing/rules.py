"""The pairing file (pairing.yaml): the load limit, the suggestions' weights, the needs learned."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field

from shouhu.volunteers.volunteers.schemas import VolunteerSkill

FILE = Path(__file__).with_name("pairing.yaml")


class Weights(BaseModel):
    """Points of each part of a suggestion's score."""

    model_config = ConfigDict(extra="forbid")

    skills: float = Field(ge=0)
    village: float = Field(ge=0)
    town: float = Field(ge=0)
    district: float = Field(ge=0)
    load: float = Field(ge=0)
    continuity: float = Field(ge=0)


class Needs(BaseModel):
    """Single-window needs and words → the skills a child needs."""

    model_config = ConfigDict(extra="forbid")

    intake: dict[str, list[VolunteerSkill]]
    words: dict[str, VolunteerSkill]


class PairingRules(BaseModel):
    """The whole file."""

    model_config = ConfigDict(extra="forbid")

    version: str = Field(min_length=1)
    max_children_per_volunteer: int = Field(ge=1, le=50)
    weights: Weights
    needs: Needs

    def needs_of(self, need: str | None, text: str | None) -> list[str]:
        """The skills a single-window need and a free text (a note, a measure's kind) call for."""
        found = [s.value for s in self.needs.intake.get(need or "", [])]
        found += [s.value for word, s in self.needs.words.items() if text and word in text]
        return list(dict.fromkeys(found))


@cache
def load() -> PairingRules:
    """The file, checked; a broken one stops the service at start."""
    return PairingRules.model_validate(yaml.safe_load(FILE.read_text(encoding="utf-8")))

"""The hours' rules as the district sets them (`stars.yaml`), and the day's limit."""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from importlib import resources
from itertools import pairwise

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field, field_validator

# Hours served on one day by one volunteer, over every record not rejected.
DAY_LIMIT = 24.0
MAX_STARS = 5


class StarRules(BaseModel):
    """The whole file: its version and the hours at which each star is reached."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = Field(min_length=1, max_length=40)
    thresholds: tuple[float, ...] = Field(min_length=MAX_STARS, max_length=MAX_STARS)

    @field_validator("thresholds")
    @classmethod
    def _rising(cls, values: tuple[float, ...]) -> tuple[float, ...]:
        if values[0] <= 0 or any(b <= a for a, b in pairwise(values)):
            raise ValueError("thresholds must be positive and rising")
        return values

    def star_level(self, total_hours: float) -> int:
        """0 to 5: how many thresholds the cumulative hours have reached."""
        return bisect_right(self.thresholds, total_hours)

    def next_threshold(self, total_hours: float) -> float | None:
        """The hours at which the next star is reached; None with every star."""
        level = self.star_level(total_hours)
        return self.thresholds[level] if level < MAX_STARS else None


@cache
def load() -> StarRules:
    """The stars file, checked; a broken one stops the service at start."""
    source = resources.files("shouhu.volunteers.hours") / "stars.yaml"
    return StarRules.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))

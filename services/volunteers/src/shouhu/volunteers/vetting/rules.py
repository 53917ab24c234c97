"""Vetting's rules as the district sets them (`vetting.yaml`)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from importlib import resources

import yaml  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RecordCheck(Strict):
    """How long a passed record check (侵害未成年人违法犯罪信息查询) holds, and the reminder."""

    valid_months: int = Field(ge=1, le=60)
    reminder_days: int = Field(ge=0, le=365)


class VettingRules(Strict):
    """The whole file: its version and the record check's period."""

    version: str = Field(min_length=1, max_length=40)
    record_check: RecordCheck

    def valid_until(self, checked_on: date) -> date:
        """The last day a check made on `checked_on` is current."""
        return add_months(checked_on, self.record_check.valid_months) - timedelta(days=1)

    def remind_on(self, valid_until: date) -> date:
        """The day the organisation is reminded of a check ending on `valid_until`."""
        return valid_until - timedelta(days=self.record_check.reminder_days)


def add_months(day: date, months: int) -> date:
    """The same day `months` on; the month's last day where it has no such day (31 Jan → 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@cache
def load() -> VettingRules:
    """The vetting file, checked; a broken one stops the service at start."""
    source = resources.files("shouhu.volunteers.vetting") / "vetting.yaml"
    return VettingRules.model_validate(yaml.safe_load(source.read_text(encoding="utf-8")))

"""API shapes of visits and of the visit policy."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.schemas import Camel, Day, Input, Said
from shouhu.registry.classifications.taxonomy import PrimaryCategory


class RiskLevel(StrEnum):
    """The risk the visitor saw (风险等级)."""

    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"


class RecordVisit(Input):
    """One visit to the family; without `nextDue`, the category's interval decides."""

    visited_on: Annotated[date, Day("走访日期")]
    seen: str = Field(max_length=500)
    findings: str = Field(max_length=4000)
    risk_level: RiskLevel
    next_due: Annotated[date, Day("下次走访日期", ahead=True)] | None = None


class VisitOut(Camel):
    id: str
    child_id: str
    visited_on: date
    visitor: str
    visitor_role: str
    seen: str
    findings: str
    risk_level: RiskLevel
    next_due: date
    created_at: datetime


class VisitIntervalOut(Camel):
    """How often a child of a primary category is visited (走访周期)."""

    primary_category: PrimaryCategory
    interval_days: int


# Bounds of an interval the district may set, in days.
MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS = 1, 730


class SetVisitInterval(Input):
    """How often a category is visited, in days."""

    interval_days: Annotated[
        int,
        Field(ge=MIN_INTERVAL_DAYS, le=MAX_INTERVAL_DAYS),
        Said(f"走访周期应在{MIN_INTERVAL_DAYS}到{MAX_INTERVAL_DAYS}天之间"),
    ]

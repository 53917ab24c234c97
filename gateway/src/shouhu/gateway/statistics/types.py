"""Statistics of a division (counts only, never personal data)."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry


@strawberry.type(description="A count under a key (a category, group or subtype)")
class Count:
    key: str
    count: int


@strawberry.type(description="Counts of children in scope in one division")
class DivisionCounts:
    division_code: str
    division_name: str
    total: int
    left_behind: int = strawberry.field(description="Children flagged left-behind (留守)")
    by_primary_category: list[Count]
    by_group: list[Count]
    by_subtype: list[Count]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DivisionCounts:
        return cls(
            division_code=row["divisionCode"],
            division_name=row["divisionName"],
            total=row["total"],
            left_behind=row["leftBehind"],
            by_primary_category=[Count(**c) for c in row["byPrimaryCategory"]],
            by_group=[Count(**c) for c in row["byGroup"]],
            by_subtype=[Count(**c) for c in row["bySubtype"]],
        )


@strawberry.type(description="Children in scope at a month's end, by primary category")
class MonthPoint:
    month: str
    on: datetime.date
    total: int
    hardship: int
    left_behind: int
    none: int


@strawberry.type(description="A division's counts as of a day, those below it, and the trend")
class DivisionStatistics:
    division_code: str
    as_of: datetime.date
    counts: DivisionCounts
    children: list[DivisionCounts]
    trend: list[MonthPoint]

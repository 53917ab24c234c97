"""Statistics of a division (counts only, never personal data)."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry


@strawberry.type(description="A count under a key (a category, group or subtype)")
class Count:
    key: str
    count: int | None = strawberry.field(
        description="Null where suppressed: fewer than 5 children, for roles that read no file"
    )
    shown: str = strawberry.field(description="The count as shown: the number, or `<5`")


@strawberry.type(description="Counts of children in scope in one division")
class DivisionCounts:
    division_code: str
    division_name: str
    total: int | None
    left_behind: int | None = strawberry.field(description="Children flagged left-behind (留守)")
    by_primary_category: list[Count]
    by_group: list[Count]
    by_subtype: list[Count]
    suppressed: list[str] = strawberry.field(
        description="Cells shown as `<5` (null above), e.g. `total`, `byGroup.POVERTY`"
    )

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
            suppressed=row["suppressed"],
        )


@strawberry.type(description="Children in scope at a month's end, by primary category")
class MonthPoint:
    month: str
    on: datetime.date
    total: int | None
    hardship: int | None
    left_behind: int | None
    none: int | None
    suppressed: list[str] = strawberry.field(description="Cells shown as `<5` (null above)")


@strawberry.type(description="A division's counts as of a day, those below it, and the trend")
class DivisionStatistics:
    division_code: str
    as_of: datetime.date
    counts: DivisionCounts
    children: list[DivisionCounts]
    trend: list[MonthPoint]

"""Rules of statistics: counts only, never personal data; within the principal's division."""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import NotFound, ValidationFailed
from shouhu.registry import policy
from shouhu.registry.classifications.taxonomy import (
    ClassificationGroup,
    ClassificationSubtype,
    PrimaryCategory,
)
from shouhu.registry.divisions import repository as divisions
from shouhu.registry.models import Division
from shouhu.registry.statistics import repository
from shouhu.registry.statistics.schemas import Count, DivisionCounts, DivisionStatistics, MonthPoint

TREND_MONTHS = 12


class _Tally:
    """Counts of one division, folded from period combinations."""

    def __init__(self) -> None:
        self.total = 0
        self.left_behind = 0
        self.primary: Counter[str] = Counter()
        self.groups: Counter[str] = Counter()
        self.subtypes: Counter[str] = Counter()

    def add(self, primary: str, left_behind: bool, groups: str, subtypes: str, n: int) -> None:
        self.total += n
        self.left_behind += n if left_behind else 0
        self.primary[primary] += n
        for group in filter(None, groups.split(",")):
            self.groups[group] += n
        for subtype in filter(None, subtypes.split(",")):
            self.subtypes[subtype] += n

    def out(self, division: Division, hidden: frozenset[str]) -> DivisionCounts:
        return DivisionCounts(
            division_code=division.code,
            division_name=division.name,
            total=self.total,
            left_behind=self.left_behind,
            by_primary_category=_counts(self.primary, [c.value for c in PrimaryCategory]),
            by_group=_counts(self.groups, [g.value for g in ClassificationGroup]),
            by_subtype=_counts(
                self.subtypes, [s.value for s in ClassificationSubtype if s.value not in hidden]
            ),
        )


def _counts(counter: Counter[str], keys: Iterable[str]) -> list[Count]:
    return [Count(key=key, count=counter.get(key, 0)) for key in keys]


EARLIEST = date(1900, 1, 1)  # no record of this network is older


def month_ends(as_of: date, months: int = TREND_MONTHS) -> list[date]:
    """The last day of each of the `months` months ending with `as_of` (itself the last point)."""
    points = [as_of]
    year, month = as_of.year, as_of.month
    for _ in range(months - 1):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        points.append(date(year, month, calendar.monthrange(year, month)[1]))
    return sorted(points)


def statistics(
    session: Session, principal: Principal, division_code: str, as_of: date | None
) -> DivisionStatistics:
    """Counts by primary category, group and subtype, below the division too, and the trend."""
    policy.require(principal, policy.STATISTICS_ROLES, "无权查看统计")
    division = divisions.get(session, division_code)
    if division is None or not policy.sees_division(principal, division_code):
        raise NotFound("区划不存在")
    day = as_of or today()
    if day > today():
        raise ValidationFailed(fields={"asOf": "统计日期不能晚于今天"})
    if day < EARLIEST:  # the trend reaches a year back; day one of year one has no year before
        raise ValidationFailed(fields={"asOf": f"统计日期不能早于{EARLIEST.year}年"})
    hidden = frozenset() if policy.sees_health_details(principal) else policy.HIDDEN_SUBTYPES
    below = {d.code: d for d in divisions.children_of(session, division_code)}
    points = month_ends(day)
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    whole = _Tally()
    by_point: list[Counter[str]] = [Counter() for _ in points]
    for key, primary, left_behind, groups, subtypes, *counts in repository.tallies(
        session, division_code, points
    ):
        # The last point is the day asked about.
        whole.add(primary, left_behind, groups, subtypes, counts[-1])
        tallies[key].add(primary, left_behind, groups, subtypes, counts[-1])
        for index, n in enumerate(counts):
            by_point[index][primary] += n
    return DivisionStatistics(
        division_code=division_code,
        as_of=day,
        counts=whole.out(division, hidden),
        children=[tallies[code].out(d, hidden) for code, d in below.items()],
        trend=[
            MonthPoint(
                month=f"{p.year:04d}-{p.month:02d}",
                on=p,
                total=sum(counts.values()),
                hardship=counts[PrimaryCategory.HARDSHIP.value],
                left_behind=counts[PrimaryCategory.LEFT_BEHIND.value],
                none=counts[PrimaryCategory.NONE.value],
            )
            for p, counts in zip(points, by_point, strict=True)
        ],
    )

"""Category periods: the stretches of days over which a child's categories stayed the same."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from shouhu.registry.classifications.taxonomy import Categories, ClassificationSubtype, derive


@dataclass(frozen=True)
class Interval:
    """A classification in force from `since` until `until` (exclusive; None: open)."""

    subtype: ClassificationSubtype
    since: date
    until: date | None


@dataclass(frozen=True)
class Period:
    """Days `[start, end)` with one set of categories."""

    start: date
    end: date | None
    categories: Categories


def active_on(intervals: Sequence[Interval], day: date) -> list[ClassificationSubtype]:
    """The subtypes in force on a day."""
    return [i.subtype for i in intervals if i.since <= day and (i.until is None or i.until > day)]


def periods(
    intervals: Sequence[Interval], in_scope_from: date, in_scope_until: date | None
) -> list[Period]:
    """Split the child's days in scope into periods of constant categories, merged when equal."""
    if in_scope_until is not None and in_scope_until <= in_scope_from:
        return []
    cuts = {in_scope_from}
    for interval in intervals:
        for day in (interval.since, interval.until):
            if (
                day is not None
                and day > in_scope_from
                and (in_scope_until is None or day < in_scope_until)
            ):
                cuts.add(day)
    starts = sorted(cuts)
    result: list[Period] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else in_scope_until
        categories = derive(active_on(intervals, start))
        if result and result[-1].categories == categories:
            result[-1] = Period(result[-1].start, end, categories)
        else:
            result.append(Period(start, end, categories))
    return result

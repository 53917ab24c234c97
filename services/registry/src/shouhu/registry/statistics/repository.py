"""SQL of statistics: one scan of the category periods."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, case, func, or_, select
from sqlmodel import Session, col

from shouhu.registry.models import CategoryPeriod


def _within(prefix: str) -> list[ColumnElement[bool]]:
    if len(prefix) == 12:
        return [col(CategoryPeriod.residence_division_code) == prefix]
    if len(prefix) == 9:
        return [col(CategoryPeriod.town_code) == prefix]
    return []


def _covers(day: date) -> ColumnElement[bool]:
    return and_(
        col(CategoryPeriod.from_date) <= day,
        or_(col(CategoryPeriod.to_date).is_(None), col(CategoryPeriod.to_date) > day),
    )


def tallies(session: Session, prefix: str, days: Sequence[date]) -> Sequence[Row[Any]]:
    """Per (division below, primary, left-behind, groups, subtypes): children in scope on each day.

    One pass over the periods counts every day at once; the days come in ascending order.
    """
    below = (
        col(CategoryPeriod.town_code)
        if len(prefix) == 6
        else col(CategoryPeriod.residence_division_code)
    )
    keys = (
        below,
        col(CategoryPeriod.primary_category),
        col(CategoryPeriod.left_behind),
        col(CategoryPeriod.groups),
        col(CategoryPeriod.subtypes),
    )
    counts = [func.sum(case((_covers(day), 1), else_=0)) for day in days]
    query = (
        select(*keys, *counts)
        .where(
            *_within(prefix),
            col(CategoryPeriod.from_date) <= days[-1],
            or_(col(CategoryPeriod.to_date).is_(None), col(CategoryPeriod.to_date) > days[0]),
        )
        .group_by(*keys)
    )
    return session.execute(query).all()

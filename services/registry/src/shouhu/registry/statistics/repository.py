"""SQL of statistics: scans of the category periods."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, func, or_, select
from sqlmodel import Session, col

from shouhu.registry.models import CategoryPeriod


def _within(prefix: str) -> list[ColumnElement[bool]]:
    if len(prefix) == 12:
        return [col(CategoryPeriod.residence_division_code) == prefix]
    if len(prefix) == 9:
        return [col(CategoryPeriod.town_code) == prefix]
    return []


def combinations_on(session: Session, prefix: str, day: date) -> Sequence[Row[Any]]:
    """(division below, primary, left-behind, groups, subtypes, count) of periods covering a day."""
    below = (
        col(CategoryPeriod.town_code)
        if len(prefix) == 6
        else col(CategoryPeriod.residence_division_code)
    )
    query = (
        select(
            below,
            col(CategoryPeriod.primary_category),
            col(CategoryPeriod.left_behind),
            col(CategoryPeriod.groups),
            col(CategoryPeriod.subtypes),
            func.count(),
        )
        .where(
            *_within(prefix),
            col(CategoryPeriod.from_date) <= day,
            or_(col(CategoryPeriod.to_date).is_(None), col(CategoryPeriod.to_date) > day),
        )
        .group_by(
            below,
            col(CategoryPeriod.primary_category),
            col(CategoryPeriod.left_behind),
            col(CategoryPeriod.groups),
            col(CategoryPeriod.subtypes),
        )
    )
    return session.execute(query).all()


def starts_until(session: Session, prefix: str, last: date) -> Sequence[Row[Any]]:
    """(primary, day, count) of periods starting on or before `last`."""
    query = (
        select(col(CategoryPeriod.primary_category), col(CategoryPeriod.from_date), func.count())
        .where(*_within(prefix), col(CategoryPeriod.from_date) <= last)
        .group_by(col(CategoryPeriod.primary_category), col(CategoryPeriod.from_date))
    )
    return session.execute(query).all()


def ends_until(session: Session, prefix: str, last: date) -> Sequence[Row[Any]]:
    """(primary, day, count) of periods ending on or before `last`."""
    query = (
        select(col(CategoryPeriod.primary_category), col(CategoryPeriod.to_date), func.count())
        .where(
            *_within(prefix),
            col(CategoryPeriod.to_date).is_not(None),
            col(CategoryPeriod.to_date) <= last,
        )
        .group_by(col(CategoryPeriod.primary_category), col(CategoryPeriod.to_date))
    )
    return session.execute(query).all()

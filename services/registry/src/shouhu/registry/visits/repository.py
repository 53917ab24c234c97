"""SQL of visits and of the visit policy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, false, or_
from sqlmodel import Session, col, select

from shouhu.registry.models import Child, Visit, VisitPolicy


def add(session: Session, row: object) -> None:
    session.add(row)


def visits_of_many(session: Session, child_ids: Sequence[str]) -> Sequence[Visit]:
    """The visits of many children, each child's newest first."""
    return session.exec(
        select(Visit)
        .where(col(Visit.child_id).in_(child_ids))
        .order_by(col(Visit.child_id), col(Visit.visited_on).desc(), col(Visit.created_at).desc())
    ).all()


def latest_of_many(session: Session, child_ids: Sequence[str]) -> dict[str, Visit]:
    """The latest visit of each child that has one."""
    rows = session.exec(
        select(Visit)
        .where(col(Visit.child_id).in_(child_ids))
        .order_by(col(Visit.child_id), col(Visit.visited_on).desc(), col(Visit.created_at).desc())
    ).all()
    latest: dict[str, Visit] = {}
    for row in rows:
        latest.setdefault(row.child_id, row)
    return latest


def intervals(session: Session) -> Sequence[VisitPolicy]:
    return session.exec(select(VisitPolicy).order_by(col(VisitPolicy.primary_category))).all()


def interval(session: Session, primary_category: str) -> VisitPolicy | None:
    return session.get(VisitPolicy, primary_category)


def _latest_due() -> ColumnElement[date]:
    """The next due day of the child's latest visit, or NULL when never visited."""
    return (
        select(col(Visit.next_due))
        .where(col(Visit.child_id) == col(Child.id))
        .order_by(col(Visit.visited_on).desc(), col(Visit.created_at).desc())
        .limit(1)
        .correlate(Child)
        .scalar_subquery()
    )


def overdue_conditions(
    today: date, policy: Sequence[VisitPolicy], division: ColumnElement[bool] | None
) -> list[ColumnElement[bool]]:
    """Active; latest visit due before today, or unvisited and registered over an interval ago."""
    latest_due = _latest_due()
    never_visited_late = [
        and_(
            col(Child.primary_category) == p.primary_category,
            col(Child.registered_on) < today - timedelta(days=p.interval_days),
        )
        for p in policy
    ]
    conditions: list[ColumnElement[bool]] = [
        col(Child.status) == "ACTIVE",
        or_(
            and_(latest_due.is_not(None), latest_due < today),
            and_(latest_due.is_(None), or_(false(), *never_visited_late)),
        ),
    ]
    if division is not None:
        conditions.append(division)
    return conditions

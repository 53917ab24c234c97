"""SQL of enrolments."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import literal, tuple_
from sqlmodel import Session, col, select

from shouhu.education.models import ChildProjection, Enrolment


def enrolment(session: Session, enrolment_id: str) -> Enrolment | None:
    return session.get(Enrolment, enrolment_id)


def open_of(session: Session, child_id: str) -> Enrolment | None:
    """The child's open enrolment (ACTIVE or SUSPENDED), if any."""
    return session.exec(
        select(Enrolment).where(Enrolment.child_id == child_id, col(Enrolment.ended_on).is_(None))
    ).first()


def of_children(session: Session, child_ids: Sequence[str]) -> dict[str, list[Enrolment]]:
    """Each child's enrolments, newest first."""
    found: dict[str, list[Enrolment]] = {c: [] for c in child_ids}
    if not child_ids:
        return found
    rows = session.exec(
        select(Enrolment)
        .where(col(Enrolment.child_id).in_(child_ids))
        .order_by(col(Enrolment.since).desc(), col(Enrolment.created_at).desc())
    ).all()
    for row in rows:
        found[row.child_id].append(row)
    return found


def add(session: Session, row: Enrolment) -> None:
    session.add(row)


def flush(session: Session) -> None:
    """Write what is pending now: an ended row before the one that replaces it (the index)."""
    session.flush()


def pupils(
    session: Session, school_code: str, first: int, after: tuple[date, str] | None
) -> list[tuple[Enrolment, ChildProjection]]:
    """The open enrolments (ACTIVE or SUSPENDED) of a school with their children, newest first,
    `first + 1` to tell a next page; keyset from `after`."""
    query = (
        select(Enrolment, ChildProjection)
        .join(ChildProjection, col(ChildProjection.child_id) == col(Enrolment.child_id))
        .where(Enrolment.school_code == school_code, col(Enrolment.ended_on).is_(None))
    )
    if after is not None:
        query = query.where(
            tuple_(col(Enrolment.since), col(Enrolment.id))
            < tuple_(literal(after[0]), literal(after[1]))
        )
    query = query.order_by(col(Enrolment.since).desc(), col(Enrolment.id).desc())
    return [(e, c) for e, c in session.exec(query.limit(first + 1)).all()]

"""SQL of enrolments."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from shouhu.education.models import Enrolment


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

"""SQL of non-Beijing children's document checks."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from shouhu.education.models import DocumentCheck


def latest_of(session: Session, child_ids: Sequence[str]) -> dict[str, DocumentCheck]:
    """Each child's newest check, for the children that have one."""
    if not child_ids:
        return {}
    rows = session.exec(
        select(DocumentCheck)
        .where(col(DocumentCheck.child_id).in_(child_ids))
        .order_by(col(DocumentCheck.number))
    ).all()
    return {r.child_id: r for r in rows}  # oldest first: the newest stays


def count_of(session: Session, child_id: str) -> int:
    """How many checks the child has had (the next one's number less one)."""
    found = session.exec(
        select(func.max(col(DocumentCheck.number))).where(DocumentCheck.child_id == child_id)
    ).one()
    return int(found or 0)


def add(session: Session, row: DocumentCheck) -> None:
    session.add(row)


def flush(session: Session) -> None:
    session.flush()

"""SQL of the children's projection."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from shouhu.education.models import ChildProjection


def facts(session: Session, child_id: str) -> ChildProjection | None:
    return session.get(ChildProjection, child_id)


def facts_many(session: Session, child_ids: Sequence[str]) -> list[ChildProjection]:
    if not child_ids:
        return []
    return list(
        session.exec(
            select(ChildProjection).where(col(ChildProjection.child_id).in_(child_ids))
        ).all()
    )


def add(session: Session, row: ChildProjection) -> None:
    session.add(row)

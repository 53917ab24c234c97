"""SQL of the children's projection."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from shouhu.education.models import ChildFacts


def facts(session: Session, child_id: str) -> ChildFacts | None:
    return session.get(ChildFacts, child_id)


def facts_many(session: Session, child_ids: Sequence[str]) -> list[ChildFacts]:
    if not child_ids:
        return []
    return list(
        session.exec(select(ChildFacts).where(col(ChildFacts.child_id).in_(child_ids))).all()
    )


def add(session: Session, row: ChildFacts) -> None:
    session.add(row)

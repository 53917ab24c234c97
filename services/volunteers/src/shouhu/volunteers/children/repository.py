"""SQL of the children's projection."""

from __future__ import annotations

from sqlmodel import Session

from shouhu.volunteers.models import ChildFacts


def child(session: Session, child_id: str) -> ChildFacts | None:
    return session.get(ChildFacts, child_id)


def add(session: Session, row: ChildFacts) -> None:
    session.add(row)

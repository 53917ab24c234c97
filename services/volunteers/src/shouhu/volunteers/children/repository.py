"""SQL of the children's projection."""

from __future__ import annotations

from sqlmodel import Session

from shouhu.volunteers.models import ChildProjection


def child(session: Session, child_id: str) -> ChildProjection | None:
    return session.get(ChildProjection, child_id)


def add(session: Session, row: ChildProjection) -> None:
    session.add(row)

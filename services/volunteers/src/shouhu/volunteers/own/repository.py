"""SQL of the volunteer's own view."""

from __future__ import annotations

from sqlmodel import Session, col, select

from shouhu.volunteers.models import Volunteer


def by_username(session: Session, username: str) -> Volunteer | None:
    """The volunteer whose account this is (the account slice sets `Volunteer.username`)."""
    query = select(Volunteer).where(Volunteer.username == username).order_by(col(Volunteer.id))
    return session.exec(query).first()

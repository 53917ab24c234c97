"""SQL of the workforce."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, col, select

from shouhu.registry.models import Division, WorkforceMember


def add(session: Session, row: object) -> None:
    session.add(row)


def get(session: Session, member_id: str) -> WorkforceMember | None:
    return session.get(WorkforceMember, member_id)


def members_of(
    session: Session, division_code: str, *, current_on: date | None
) -> Sequence[WorkforceMember]:
    """The holders of a division's posts, newest first; only those current on a day if given."""
    query = select(WorkforceMember).where(WorkforceMember.division_code == division_code)
    if current_on is not None:
        query = query.where(
            or_(col(WorkforceMember.until).is_(None), col(WorkforceMember.until) > current_on)
        )
    return session.exec(
        query.order_by(col(WorkforceMember.since).desc(), col(WorkforceMember.id))
    ).all()


def members_of_many(
    session: Session, division_codes: Sequence[str], *, current_on: date | None
) -> Sequence[WorkforceMember]:
    """`members_of` for many divisions, by division code."""
    query = select(WorkforceMember).where(col(WorkforceMember.division_code).in_(division_codes))
    if current_on is not None:
        query = query.where(
            or_(col(WorkforceMember.until).is_(None), col(WorkforceMember.until) > current_on)
        )
    return session.exec(
        query.order_by(
            col(WorkforceMember.division_code),
            col(WorkforceMember.since).desc(),
            col(WorkforceMember.id),
        )
    ).all()


def current_holders(
    session: Session, division_code: str, post: str, on: date
) -> Sequence[WorkforceMember]:
    return session.exec(
        select(WorkforceMember).where(
            WorkforceMember.division_code == division_code,
            WorkforceMember.post == post,
            or_(col(WorkforceMember.until).is_(None), col(WorkforceMember.until) > on),
        )
    ).all()


def by_usernames(session: Session, usernames: Sequence[str]) -> Sequence[WorkforceMember]:
    return session.exec(
        select(WorkforceMember).where(col(WorkforceMember.username).in_(usernames))
    ).all()


def divisions_under(session: Session, prefix: str, level: str) -> Sequence[Division]:
    """The divisions of a level whose code starts with the prefix, by code."""
    return session.exec(
        select(Division)
        .where(col(Division.code).startswith(prefix), Division.level == level)
        .order_by(col(Division.code))
    ).all()


def covered_codes(session: Session, prefix: str, post: str, on: date) -> set[str]:
    """The divisions under the prefix whose post has a holder on a day."""
    rows = session.exec(
        select(WorkforceMember.division_code)
        .where(
            col(WorkforceMember.division_code).startswith(prefix),
            WorkforceMember.post == post,
            or_(col(WorkforceMember.until).is_(None), col(WorkforceMember.until) > on),
        )
        .distinct()
    ).all()
    return set(rows)

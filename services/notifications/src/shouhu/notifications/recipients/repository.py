"""SQL of the posts' holders (the workforce, projected)."""

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, or_, select

from shouhu.notifications.models import PostHolder


def get(session: Session, member_id: str) -> PostHolder | None:
    return session.get(PostHolder, member_id)


def add(session: Session, holder: PostHolder) -> None:
    session.add(holder)


def holders(session: Session, role: str, division_code: str, on: date) -> Sequence[PostHolder]:
    """Who holds the post on a day."""
    query = select(PostHolder).where(
        col(PostHolder.role) == role,
        col(PostHolder.division_code) == division_code,
        col(PostHolder.since) <= on,
        or_(col(PostHolder.until).is_(None), col(PostHolder.until) > on),
    )
    return session.exec(query.order_by(col(PostHolder.since))).all()


def by_username(session: Session, username: str, on: date) -> Sequence[PostHolder]:
    query = select(PostHolder).where(
        col(PostHolder.username) == username,
        col(PostHolder.since) <= on,
        or_(col(PostHolder.until).is_(None), col(PostHolder.until) > on),
    )
    return session.exec(query).all()

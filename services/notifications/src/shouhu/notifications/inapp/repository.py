"""SQL of in-app notifications."""

from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, func
from sqlmodel import Session, col, select

from shouhu.notifications.models import Notification


def add(session: Session, notification: Notification) -> None:
    session.add(notification)


def get(session: Session, notification_id: str) -> Notification | None:
    return session.exec(select(Notification).where(Notification.id == notification_id)).first()


def _for_post(role_set: frozenset[str], division: str) -> list[ColumnElement[bool]]:
    return [
        col(Notification.recipient_role).in_(sorted(role_set)),
        col(Notification.recipient_division) == division,
    ]


def page(
    session: Session,
    roles: frozenset[str],
    division: str,
    *,
    limit: int,
    before_seq: int | None,
    unread_only: bool,
) -> Sequence[Notification]:
    query = select(Notification).where(*_for_post(roles, division))
    if before_seq is not None:
        query = query.where(col(Notification.seq) < before_seq)
    if unread_only:
        query = query.where(col(Notification.read_at).is_(None))
    return session.exec(query.order_by(col(Notification.seq).desc()).limit(limit)).all()


def for_posts(roles: frozenset[str], division: str) -> ColumnElement[bool]:
    """Addressed to one of these roles in this division."""
    return and_(*_for_post(roles, division))


def since(
    session: Session, condition: ColumnElement[bool], *, after_seq: int | None, limit: int
) -> Sequence[Notification]:
    """The notifications meeting `condition` after a seq, oldest first."""
    query = select(Notification).where(condition)
    if after_seq is not None:
        query = query.where(col(Notification.seq) > after_seq)
    return session.exec(query.order_by(col(Notification.seq)).limit(limit)).all()


def count(session: Session, roles: frozenset[str], division: str, *, unread_only: bool) -> int:
    query = select(func.count()).select_from(Notification).where(*_for_post(roles, division))
    if unread_only:
        query = query.where(col(Notification.read_at).is_(None))
    return int(session.exec(query).one())

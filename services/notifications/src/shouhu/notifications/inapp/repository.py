"""SQL of in-app notifications and each person's receipts."""

from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, exists, func, or_
from sqlmodel import Session, col, select

from shouhu.notifications.models import Notification, Receipt
from shouhu.platform.auth import Principal


def add(session: Session, row: Notification | Receipt) -> None:
    session.add(row)


def get(session: Session, notification_id: str) -> Notification | None:
    return session.exec(select(Notification).where(Notification.id == notification_id)).first()


def visible(principal: Principal) -> ColumnElement[bool]:
    """Addressed to the person, or to a post the person holds (a role in their division)."""
    return or_(
        col(Notification.recipient_username) == principal.username,
        and_(
            col(Notification.recipient_role).in_(sorted(principal.roles)),
            col(Notification.recipient_division) == principal.division_code,
        ),
    )


def _read_by(username: str) -> ColumnElement[bool]:
    return exists().where(
        col(Receipt.notification_id) == col(Notification.id),
        col(Receipt.username) == username,
        col(Receipt.read_at).is_not(None),
    )


def page(
    session: Session,
    principal: Principal,
    *,
    limit: int,
    before_seq: int | None,
    unread_only: bool,
) -> Sequence[Notification]:
    """Newest first."""
    query = select(Notification).where(visible(principal))
    if before_seq is not None:
        query = query.where(col(Notification.seq) < before_seq)
    if unread_only:
        query = query.where(~_read_by(principal.username))
    return session.exec(query.order_by(col(Notification.seq).desc()).limit(limit)).all()


def since(
    session: Session, condition: ColumnElement[bool], *, after_seq: int | None, limit: int
) -> Sequence[Notification]:
    """The notifications meeting `condition` after a seq, oldest first."""
    query = select(Notification).where(condition)
    if after_seq is not None:
        query = query.where(col(Notification.seq) > after_seq)
    return session.exec(query.order_by(col(Notification.seq)).limit(limit)).all()


def count(session: Session, principal: Principal, *, unread_only: bool) -> int:
    query = select(func.count()).select_from(Notification).where(visible(principal))
    if unread_only:
        query = query.where(~_read_by(principal.username))
    return int(session.exec(query).one())


def receipts(session: Session, username: str, ids: Sequence[str]) -> dict[str, Receipt]:
    if not ids:
        return {}
    query = select(Receipt).where(
        col(Receipt.username) == username, col(Receipt.notification_id).in_(ids)
    )
    return {r.notification_id: r for r in session.exec(query).all()}


def in_chain(session: Session, chain_id: str) -> Sequence[Notification]:
    return session.exec(select(Notification).where(col(Notification.chain_id) == chain_id)).all()


def visible_ids(session: Session, principal: Principal, ids: Sequence[str]) -> Sequence[str]:
    if not ids:
        return []
    query = select(Notification.id).where(visible(principal), col(Notification.id).in_(ids))
    return session.exec(query).all()


def first_about(session: Session, subject_ref: str, kind: str) -> Notification | None:
    """The first notification of a kind about a subject (the receipt a case's reporter had)."""
    query = select(Notification).where(
        col(Notification.subject_ref) == subject_ref, col(Notification.kind) == kind
    )
    return session.exec(query.order_by(col(Notification.seq)).limit(1)).first()

"""SQL of deliveries."""

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from shouhu.notifications.models import Delivery


def add(session: Session, delivery: Delivery) -> None:
    session.add(delivery)


def due(session: Session, now: datetime, limit: int) -> Sequence[Delivery]:
    """Pending deliveries whose time has come; locked, so that one replica sends each."""
    query = (
        select(Delivery)
        .where(col(Delivery.status) == "PENDING", col(Delivery.next_attempt_at) <= now)
        .order_by(col(Delivery.next_attempt_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return session.exec(query).all()


def of_notifications(session: Session, ids: Sequence[str]) -> Sequence[Delivery]:
    if not ids:
        return []
    query = select(Delivery).where(col(Delivery.notification_id).in_(ids))
    return session.exec(query.order_by(col(Delivery.created_at))).all()


def failed(session: Session, limit: int) -> Sequence[Delivery]:
    query = select(Delivery).where(col(Delivery.status) == "FAILED")
    return session.exec(query.order_by(col(Delivery.created_at).desc()).limit(limit)).all()

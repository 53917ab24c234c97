"""SQL of deadline reminders."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from shouhu.notifications.models import DeadlineReminder


def add(session: Session, reminder: DeadlineReminder) -> None:
    session.add(reminder)


def due(session: Session, now: datetime, limit: int) -> Sequence[DeadlineReminder]:
    """Reminders due, neither sent nor cancelled; locked, so that one replica sends each once."""
    query = (
        select(DeadlineReminder)
        .where(
            col(DeadlineReminder.fired_at).is_(None),
            col(DeadlineReminder.cancelled_at).is_(None),
            col(DeadlineReminder.fire_at) <= now,
        )
        .order_by(col(DeadlineReminder.fire_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return session.exec(query).all()


def cancel(session: Session, subject_ref: str, now: datetime) -> int:
    """Cancel the subject's reminders not yet sent."""
    result = session.exec(
        update(DeadlineReminder)
        .where(
            col(DeadlineReminder.subject_ref) == subject_ref,
            col(DeadlineReminder.fired_at).is_(None),
            col(DeadlineReminder.cancelled_at).is_(None),
        )
        .values(cancelled_at=now)
    )
    return int(result.rowcount)


def pending(session: Session, subject_ref: str) -> Sequence[DeadlineReminder]:
    """The subject's reminders still to be sent, soonest first."""
    query = select(DeadlineReminder).where(
        col(DeadlineReminder.subject_ref) == subject_ref,
        col(DeadlineReminder.fired_at).is_(None),
        col(DeadlineReminder.cancelled_at).is_(None),
    )
    return session.exec(query.order_by(col(DeadlineReminder.fire_at))).all()

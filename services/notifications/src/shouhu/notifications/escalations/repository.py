"""SQL of escalation timers."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from shouhu.notifications.models import EscalationTimer, Notification


def add(session: Session, timer: EscalationTimer) -> None:
    session.add(timer)


def due(session: Session, now: datetime, limit: int) -> Sequence[EscalationTimer]:
    """Timers due and neither fired nor stopped; locked, so that one replica fires each once."""
    query = (
        select(EscalationTimer)
        .where(
            col(EscalationTimer.fired_at).is_(None),
            col(EscalationTimer.stopped_at).is_(None),
            col(EscalationTimer.due_at) <= now,
        )
        .order_by(col(EscalationTimer.due_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return session.exec(query).all()


def stop_chain(session: Session, chain_id: str, now: datetime) -> int:
    """Stop the chain's timers that have not fired."""
    result = session.exec(
        update(EscalationTimer)
        .where(
            col(EscalationTimer.chain_id) == chain_id,
            col(EscalationTimer.fired_at).is_(None),
            col(EscalationTimer.stopped_at).is_(None),
        )
        .values(stopped_at=now)
    )
    return int(result.rowcount)


def under_way(session: Session, limit: int) -> Sequence[EscalationTimer]:
    """Timers still running, soonest first."""
    query = (
        select(EscalationTimer)
        .where(col(EscalationTimer.fired_at).is_(None), col(EscalationTimer.stopped_at).is_(None))
        .order_by(col(EscalationTimer.due_at))
        .limit(limit)
    )
    return session.exec(query).all()


def stop_about(session: Session, subject_ref: str, now: datetime) -> int:
    """Stop the running timers of every chain about `subject_ref` (its deadline was met)."""
    chains = select(Notification.chain_id).where(col(Notification.subject_ref) == subject_ref)
    result = session.exec(
        update(EscalationTimer)
        .where(
            col(EscalationTimer.chain_id).in_(chains),
            col(EscalationTimer.fired_at).is_(None),
            col(EscalationTimer.stopped_at).is_(None),
        )
        .values(stopped_at=now)
    )
    return int(result.rowcount)

"""SQL of the live stream: which notifications have committed, by seq."""

from collections.abc import Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from shouhu.notifications.models import Notification


def last_seq(session: Session) -> int:
    return int(session.exec(select(func.max(Notification.seq))).one() or 0)


def seqs_after(session: Session, seq: int, limit: int) -> Sequence[int]:
    """The seqs committed after `seq`, in order: one index range scan, whoever they are for."""
    query = select(Notification.seq).where(col(Notification.seq) > seq)
    return [s for s in session.exec(query.order_by(col(Notification.seq)).limit(limit)) if s]

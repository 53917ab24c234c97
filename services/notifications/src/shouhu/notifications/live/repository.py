"""SQL of the live stream: which notifications have committed, and who may see them."""

from collections.abc import Sequence

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, col, select

from shouhu.notifications.models import Notification


def last_seq(session: Session) -> int:
    return int(session.exec(select(func.max(Notification.seq))).one() or 0)


def seqs_after(session: Session, seq: int, limit: int) -> Sequence[int]:
    """The seqs committed after `seq`, in order: one index range scan, whoever they are for."""
    query = select(Notification.seq).where(col(Notification.seq) > seq)
    return [s for s in session.exec(query.order_by(col(Notification.seq)).limit(limit)) if s]


def between(session: Session, after: int, upto: int) -> Sequence[Notification]:
    """The notifications in (after, upto], in order."""
    query = select(Notification).where(col(Notification.seq) > after, col(Notification.seq) <= upto)
    return session.exec(query.order_by(col(Notification.seq))).all()


def meeting(
    session: Session, after: int, upto: int, conditions: Sequence[ColumnElement[bool]]
) -> dict[int, list[bool]]:
    """For each notification in (after, upto], which of the conditions it meets: one query."""
    query = select(
        col(Notification.seq), *(c.label(f"c{n}") for n, c in enumerate(conditions))
    ).where(col(Notification.seq) > after, col(Notification.seq) <= upto)
    # A condition NULL for a row (a nullable column) is not met, as in a WHERE.
    return {row[0]: [bool(v) for v in row[1:]] for row in session.execute(query)}

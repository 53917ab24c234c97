"""SQL of the access log."""

from collections.abc import Iterator, Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from shouhu.registry.models import AccessLogEntry


def add_all(session: Session, entries: Sequence[AccessLogEntry]) -> None:
    session.add_all(entries)


def page_for_child(
    session: Session, child_id: str, *, before_seq: int | None, limit: int
) -> Sequence[AccessLogEntry]:
    query = select(AccessLogEntry).where(AccessLogEntry.child_id == child_id)
    if before_seq is not None:
        query = query.where(col(AccessLogEntry.seq) < before_seq)
    return session.exec(query.order_by(col(AccessLogEntry.seq).desc()).limit(limit)).all()


def chain_head(session: Session) -> AccessLogEntry | None:
    return session.exec(
        select(AccessLogEntry)
        .where(col(AccessLogEntry.chain_pos).is_not(None))
        .order_by(col(AccessLogEntry.chain_pos).desc())
        .limit(1)
    ).first()


def unsealed(session: Session, limit: int) -> Sequence[AccessLogEntry]:
    return session.exec(
        select(AccessLogEntry)
        .where(AccessLogEntry.hash == "")
        .order_by(col(AccessLogEntry.seq))
        .limit(limit)
    ).all()


def sealed_in_order(session: Session, batch: int = 5000) -> Iterator[AccessLogEntry]:
    """Every sealed entry by chain position, read in batches."""
    position = 0
    while True:
        rows = session.exec(
            select(AccessLogEntry)
            .where(col(AccessLogEntry.chain_pos) > position)
            .order_by(col(AccessLogEntry.chain_pos))
            .limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        position = rows[-1].chain_pos or position


def count_unsealed(session: Session) -> int:
    query = select(func.count()).select_from(AccessLogEntry).where(AccessLogEntry.hash == "")
    return int(session.exec(query).one())

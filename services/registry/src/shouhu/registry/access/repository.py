"""SQL of the access log: the queue the reads write, the chained log the sealer writes."""

from collections.abc import Iterator, Sequence
from typing import Any, cast

import sqlalchemy
from sqlalchemy import Row, Table, delete, func, insert, literal, union_all
from sqlmodel import Session, col, select

from shouhu.registry.models.access_log import AccessLogEntry, AccessLogQueued

# The tables themselves: plain INSERTs, no ORM objects (the sealer moves thousands a second).
LOG = cast(Table, AccessLogEntry.__table__)  # type: ignore[attr-defined]
QUEUE = cast(Table, AccessLogQueued.__table__)  # type: ignore[attr-defined]
_QUEUED_COLUMNS = ("seq", "at", "child_id", "actor", "actor_roles", "parts", "operation", "purpose")

# What a page shows of an entry, sealed or still queued.
_PAGE_COLUMNS = ("seq", "at", "child_id", "actor", "actor_roles", "parts", "operation")


# One statement for a page of reads, its text the same every time (so prepared once): a
# multi-row VALUES is compiled anew for each page, and an executemany is a statement per file.
_ENQUEUE = sqlalchemy.text(
    "INSERT INTO access_log_queue (at, child_id, actor, actor_roles, parts, operation) "
    "SELECT :at, read.child_id, :actor, :actor_roles, :parts, :operation "
    "FROM unnest(CAST(:child_ids AS varchar[])) WITH ORDINALITY AS read(child_id, n) "
    "ORDER BY read.n"
)


def enqueue(session: Session, reading: dict[str, Any], child_ids: Sequence[str]) -> None:
    """The entries of one request's reads (one reader, moment, parts): nothing read back."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_ENQUEUE, {**reading, "child_ids": list(child_ids)})
    else:
        session.execute(insert(QUEUE), [{**reading, "child_id": c} for c in child_ids])


def page_for_child(
    session: Session, child_id: str, *, before_seq: int | None, limit: int
) -> Sequence[Row[Any]]:
    """Sealed and queued entries of one child, newest first, in one statement (one snapshot:
    an entry the sealer moves meanwhile is seen once, on one side or the other)."""
    parts = []
    for table, sealed in ((AccessLogEntry, True), (AccessLogQueued, False)):
        columns = [col(getattr(table, name)) for name in _PAGE_COLUMNS]
        query = sqlalchemy.select(*columns, literal(sealed).label("sealed")).where(
            col(table.child_id) == child_id
        )
        if before_seq is not None:
            query = query.where(col(table.seq) < before_seq)
        parts.append(query)
    both = union_all(*parts).subquery()
    return session.execute(sqlalchemy.select(both).order_by(both.c.seq.desc()).limit(limit)).all()


def chain_head(session: Session) -> AccessLogEntry | None:
    return session.exec(
        select(AccessLogEntry).order_by(col(AccessLogEntry.chain_pos).desc()).limit(1)
    ).first()


def queued(session: Session, limit: int) -> Sequence[Row[Any]]:
    """The oldest queued entries, by number."""
    columns = [QUEUE.c[name] for name in _QUEUED_COLUMNS]
    return session.execute(sqlalchemy.select(*columns).order_by(QUEUE.c.seq).limit(limit)).all()


# A batch of sealed entries as one statement of arrays, and their removal from the queue as
# another: a thousand entries are two statements, not a thousand and one.
_SEALED_COLUMNS = (*_QUEUED_COLUMNS, "chain_pos", "prev_hash", "hash")
_SEALED_TYPES = ("int", "timestamptz", *["varchar"] * 6, "int", "varchar", "varchar")
_MOVE_IN = sqlalchemy.text(
    f"INSERT INTO access_log ({', '.join(_SEALED_COLUMNS)}) SELECT * FROM unnest("
    + ", ".join(f"CAST(:{c} AS {t}[])" for c, t in zip(_SEALED_COLUMNS, _SEALED_TYPES, strict=True))
    + ")"
)
_MOVE_OUT = sqlalchemy.text("DELETE FROM access_log_queue WHERE seq = ANY(CAST(:seqs AS int[]))")


def move_sealed(session: Session, sealed: list[dict[str, Any]]) -> None:
    """Write sealed entries once, and take them out of the queue, in the caller's transaction."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_MOVE_IN, {c: [entry[c] for entry in sealed] for c in _SEALED_COLUMNS})
        session.execute(_MOVE_OUT, {"seqs": [entry["seq"] for entry in sealed]})
        return
    session.execute(insert(LOG), sealed)
    session.execute(delete(QUEUE).where(QUEUE.c.seq.in_([entry["seq"] for entry in sealed])))


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
    return int(session.exec(select(func.count()).select_from(AccessLogQueued)).one())

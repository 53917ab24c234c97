"""Event envelope, transactional outbox and idempotent inbox."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from opentelemetry import propagate
from pydantic import BaseModel, Field
from sqlalchemy import Delete, Table, delete, event, insert
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Field as SQLField
from sqlmodel import Session, SQLModel, col, select

from shouhu.platform import clock
from shouhu.platform.columns import timestamp
from shouhu.platform.db import as_utc

PRUNE_BATCH = 5000  # outbox rows looked at, and removed, per statement
OUTBOX_WRITTEN = "shouhu.platform.outbox_written"  # session.info: this transaction wrote events


def utcnow() -> datetime:
    """Now, in UTC (the platform's clock)."""
    return clock.now()


class Envelope(BaseModel):
    """One domain event as it travels: who said what about which child, and in which trace."""

    id: str = Field(default_factory=lambda: str(uuid.uuid4()))
    type: str
    source: str
    subject: str
    time: datetime = Field(default_factory=utcnow)
    schema_version: int = 1
    trace: dict[str, str] = Field(default_factory=dict)
    data: dict[str, Any]

    def to_bytes(self) -> bytes:
        return self.model_dump_json(by_alias=True).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> Envelope:
        return cls.model_validate_json(raw)


class OutboxRow(SQLModel, table=True):
    """An event written in the same transaction as the change it tells of."""

    __tablename__ = "outbox"

    seq: int | None = SQLField(default=None, primary_key=True)
    event_id: str = SQLField(unique=True, max_length=36)
    topic: str
    key: str
    event_type: str
    payload: str
    created_at: datetime = timestamp()
    published_at: datetime | None = timestamp(nullable=True)


class InboxRow(SQLModel, table=True):
    """An event a consumer has already applied; redelivery finds it here and does nothing."""

    __tablename__ = "inbox"

    consumer: str = SQLField(primary_key=True)
    event_id: str = SQLField(primary_key=True)
    event_type: str
    processed_at: datetime = timestamp()


class ParkedEvent(SQLModel, table=True):
    """A message a consumer could not apply, kept with the ones of its key that came after it."""

    __tablename__ = "parked_event"

    id: int | None = SQLField(default=None, primary_key=True)
    consumer: str = SQLField(max_length=100)
    key: str = SQLField(max_length=200)
    topic: str = SQLField(max_length=200)
    event_id: str = SQLField(max_length=36)
    value: bytes
    headers: str  # JSON: [[name, value], ...]
    error: str
    attempts: int
    parked_at: datetime = timestamp()


# The table itself, for events written many at once with a plain INSERT (no ORM objects).
OUTBOX = cast(Table, OutboxRow.__table__)  # type: ignore[attr-defined]


def record_event(
    session: Session,
    *,
    topic: str,
    source: str,
    event_type: str,
    subject: str,
    data: dict[str, Any],
    schema_version: int = 1,
) -> Envelope:
    """Add an event to the outbox of the session's transaction; the relay publishes it later."""
    envelope, values = _outbox_row(
        topic, source, event_type, subject, data, schema_version, _current_trace()
    )
    session.add(OutboxRow(**values))
    session.info[OUTBOX_WRITTEN] = True
    return envelope


def record_events(
    session: Session,
    *,
    topic: str,
    source: str,
    subject: str,
    events: Sequence[tuple[str, dict[str, Any]]],
    schema_version: int = 1,
) -> list[Envelope]:
    """Add several events about one subject, (type, data) in their order, to the outbox of the
    session's transaction in one INSERT, now: for a change that tells many things at once.

    What the session holds is flushed first, so that events recorded before these (by
    `record_event`) keep their place in the outbox, and so on the subject's partition.
    """
    trace = _current_trace()
    written = [
        _outbox_row(topic, source, event_type, subject, data, schema_version, trace)
        for event_type, data in events
    ]
    if written:
        session.flush()
        session.execute(insert(OUTBOX).inline(), [values for _, values in written])
        session.info[OUTBOX_WRITTEN] = True
    return [envelope for envelope, _ in written]


class OutboxBatch:
    """Events of a whole batch (a sweep, a re-decision of thousands), written to the outbox in
    one INSERT when it ends: the rows `record_event` writes (the same envelope, trace and
    columns), in the order added, so one subject's stay in order."""

    def __init__(self, topic: str, source: str) -> None:
        self._topic, self._source = topic, source
        self._trace = _current_trace()
        self._rows: list[dict[str, Any]] = []

    def add(self, event_type: str, subject: str, payload: BaseModel) -> Envelope:
        envelope, values = _outbox_row(
            self._topic,
            self._source,
            event_type,
            subject,
            payload.model_dump(mode="json", by_alias=True),
            1,
            self._trace,
        )
        self._rows.append(values)
        return envelope

    @property
    def rows(self) -> Sequence[dict[str, Any]]:
        return self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def write(self, session: Session) -> None:
        """Insert the batch after what the session holds (flushed first, as `record_events`)."""
        if self._rows:
            session.flush()
            session.execute(insert(OUTBOX), self._rows)
            session.info[OUTBOX_WRITTEN] = True
            self._rows = []


def _current_trace() -> dict[str, str]:
    trace: dict[str, str] = {}
    propagate.inject(trace)
    return trace


def _outbox_row(
    topic: str,
    source: str,
    event_type: str,
    subject: str,
    data: dict[str, Any],
    schema_version: int,
    trace: dict[str, str],
) -> tuple[Envelope, dict[str, Any]]:
    """An event's envelope and the outbox row that carries it."""
    envelope = Envelope(
        type=event_type,
        source=source,
        subject=subject,
        schema_version=schema_version,
        trace=trace,
        data=json.loads(json.dumps(data, default=str)),
    )
    return envelope, {
        "event_id": envelope.id,
        "topic": topic,
        "key": subject,
        "event_type": event_type,
        "payload": envelope.model_dump_json(),
        "created_at": envelope.time,
        "published_at": None,
    }


class OutboxSignal:
    """Wakes the relays of this process when a transaction that wrote events commits: an event
    goes out at once instead of at the relay's next look (it looks every
    `relay_interval_seconds` all the same: another process's commits do not wake it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: set[threading.Event] = set()

    def listen(self, waiter: threading.Event) -> None:
        """Set `waiter` at each such commit, until `forget`."""
        with self._lock:
            self._waiters.add(waiter)

    def forget(self, waiter: threading.Event) -> None:
        with self._lock:
            self._waiters.discard(waiter)

    def notify(self) -> None:
        with self._lock:
            waiters = list(self._waiters)
        for waiter in waiters:
            waiter.set()


outbox_committed = OutboxSignal()


@event.listens_for(OrmSession, "after_commit")
def _wake_relays(session: OrmSession) -> None:
    if session.info.pop(OUTBOX_WRITTEN, False):
        outbox_committed.notify()


@event.listens_for(OrmSession, "after_rollback")
def _nothing_written(session: OrmSession) -> None:
    session.info.pop(OUTBOX_WRITTEN, None)


def claim_for(session: Session, consumer: str, envelope: Envelope) -> bool:
    """Record that `consumer` applies `envelope` now; False when it did so before."""
    seen = session.exec(
        select(InboxRow).where(InboxRow.consumer == consumer, InboxRow.event_id == envelope.id)
    ).first()
    if seen is not None:
        return False
    session.add(
        InboxRow(
            consumer=consumer,
            event_id=envelope.id,
            event_type=envelope.type,
            processed_at=utcnow(),
        )
    )
    return True


def prune(session: Session, *, outbox_before: datetime, inbox_before: datetime) -> int:
    """Forget published events and applied ids older than the cut-offs; how many rows went."""
    removed = 0
    # Oldest first along the primary key, stopping at the first row still to keep: a scan of
    # what goes, never of the whole table. The relay publishes in order, so nothing is skipped.
    while True:
        head = session.exec(
            select(OutboxRow.seq, OutboxRow.published_at)
            .order_by(col(OutboxRow.seq))
            .limit(PRUNE_BATCH)
        ).all()
        last = None
        for seq, published_at in head:
            if published_at is None or as_utc(published_at) >= outbox_before:
                break
            last = seq
        if last is None:
            break
        removed += _delete(
            session,
            delete(OutboxRow).where(
                col(OutboxRow.seq) <= last, col(OutboxRow.published_at).is_not(None)
            ),
        )
        if last != head[-1][0]:
            break
    return removed + _delete(
        session, delete(InboxRow).where(col(InboxRow.processed_at) < inbox_before)
    )


def _delete(session: Session, statement: Delete) -> int:
    """Run a DELETE straight in the database; how many rows it removed."""
    result = session.connection().execute(statement)
    return int(result.rowcount)

"""The worker of a service: the outbox relay and the event consumers, each on its own thread."""

from __future__ import annotations

import functools
import itertools
import json
import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from opentelemetry import propagate, trace
from opentelemetry.trace import SpanKind
from pydantic import BaseModel
from sqlalchemy import Engine, delete, update
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session, col, select

from shouhu.platform.db import exclusive
from shouhu.platform.events import (
    Envelope,
    OutboxRow,
    ParkedEvent,
    claim_for,
    outbox_committed,
    prune,
    utcnow,
)
from shouhu.platform.transport import Message, Transport

log = logging.getLogger(__name__)
tracer = trace.get_tracer("shouhu.platform.worker")

EventHandler = Callable[[Session, Envelope], None]


class OutboxRelay:
    """Publishes outbox rows in order and marks them published once the broker has them."""

    def __init__(self, engine: Engine, transport: Transport, batch_size: int = 1000) -> None:
        self._engine = engine
        self._transport = transport
        self.batch_size = batch_size

    def run_once(self) -> int:
        """Publish one batch; returns how many events went out."""
        with Session(self._engine) as session:
            if not exclusive(session, f"outbox-relay:{self._engine.url.database}"):
                return 0  # another replica's relay holds the outbox; one child's order is kept
            rows = session.exec(
                select(OutboxRow)
                .where(col(OutboxRow.published_at).is_(None))
                .order_by(col(OutboxRow.seq))
                .limit(self.batch_size)
                .with_for_update(skip_locked=True)
            ).all()
            if not rows:
                return 0
            for trace_context, run in _runs_by_trace(rows):
                self._send(trace_context, run)
            self._transport.flush()
            # One UPDATE for the batch: the relay's throughput bounds every bulk change.
            session.execute(
                update(OutboxRow)
                .where(col(OutboxRow.seq).in_([row.seq for row in rows]))
                .values(published_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            session.commit()
            return len(rows)

    def _send(self, trace_context: dict[str, str], rows: list[OutboxRow]) -> None:
        """One PRODUCER span, in the trace that wrote them, for a run of rows; sent under it."""
        first = rows[0]
        attributes: dict[str, str | int] = {
            "messaging.system": "kafka",
            "messaging.destination.name": first.topic,
            "messaging.batch.message_count": len(rows),
        }
        if len(rows) == 1:
            attributes["messaging.message.id"] = first.event_id
            attributes["shouhu.event.type"] = first.event_type
        with tracer.start_as_current_span(
            f"{first.topic} publish",
            context=propagate.extract(trace_context),
            kind=SpanKind.PRODUCER,
            attributes=attributes,
        ):
            carrier: dict[str, str] = {}
            propagate.inject(carrier)
            headers = [(k, v.encode()) for k, v in carrier.items()]
            for row in rows:
                self._transport.send(
                    Message(
                        topic=row.topic,
                        key=row.key,
                        value=row.payload.encode(),
                        headers=[*headers, ("event_type", row.event_type.encode())],
                    )
                )


def _runs_by_trace(rows: Sequence[OutboxRow]) -> Iterator[tuple[dict[str, str], list[OutboxRow]]]:
    """Consecutive rows of one topic written in one trace (a bulk change writes thousands)."""
    runs = itertools.groupby(rows, key=lambda row: (row.topic, _trace_of(row)))
    for (_, trace_context), run in runs:
        yield trace_context, list(run)


def _trace_of(row: OutboxRow) -> dict[str, str]:
    return _TraceOnly.model_validate_json(row.payload).trace


class _TraceOnly(BaseModel):
    """The trace context of an envelope, read without validating the rest."""

    trace: dict[str, str] = {}


class EventConsumer:
    """Applies events to a service's database, once each, through the inbox.

    A message that keeps failing is parked (`parked_event`) instead of stopping the topic, and
    the later messages of its key (one child's) are parked behind it, so that none of that
    child's events is applied out of order. `redrive` applies them again, in order.
    """

    def __init__(
        self,
        name: str,
        engine: Engine,
        handlers: Mapping[str, EventHandler],
        *,
        topics: Sequence[str] | None = None,
        attempts: int = 5,
        backoff_seconds: float = 0.2,
    ) -> None:
        self.name = name
        self._engine = engine
        self._handlers = handlers
        # A service's consumers share its name: each redrives the parked messages of its own
        # topics only, which its handlers know (None: every topic, for a service with one).
        self.topics = list(topics) if topics is not None else None
        self._attempts = attempts
        self._backoff = backoff_seconds

    def deliver(self, message: Message, stop: threading.Event) -> None:
        """Apply a message, retrying with backoff; park it when it keeps failing.

        A database that cannot be reached (a restart, a failover) is not the message's fault:
        such a try does not count, and the message waits for the database however long it
        takes, instead of being parked, with its child's later events, for the next redrive."""
        attempt = 0
        while attempt < self._attempts:
            try:
                self.handle(message)
                return
            except Exception as error:
                if unreachable(error):
                    log.warning("%s waits for its database: %s", self.name, error)
                    if stop.wait(self._backoff * 5):
                        raise
                    continue
                attempt += 1
                log.exception("%s failed on %s (attempt %d)", self.name, message.topic, attempt)
                if attempt == self._attempts:
                    with Session(self._engine) as session:
                        self._park(
                            session, message, f"{type(error).__name__}: {error}", attempts=attempt
                        )
                        session.commit()
                    return
                if stop.wait(min(self._backoff * 2**attempt, 5.0)):
                    raise  # stopping: not done, so delivered again after the restart

    def handle(self, message: Message) -> None:
        """One attempt in one transaction: apply the message (once, through the inbox), or park
        it behind an earlier parked message of its key."""
        with Session(self._engine) as session:
            if self._parked_behind(session, message.key):
                self._park(session, message, "前序事件已搁置，按顺序等待", attempts=0)
            else:
                self._apply(session, message)
            session.commit()

    def redrive(self) -> int:
        """Apply parked messages again, oldest first per key; how many went through."""
        done = 0
        query = select(ParkedEvent).where(ParkedEvent.consumer == self.name)
        if self.topics is not None:
            query = query.where(col(ParkedEvent.topic).in_(self.topics))
        with Session(self._engine) as session:
            parked = session.exec(query.order_by(col(ParkedEvent.id))).all()
        stuck: set[str] = set()
        for row in parked:
            if row.key in stuck:
                continue  # an earlier one of this key is still failing: keep the order
            message = Message(
                topic=row.topic,
                key=row.key,
                value=row.value,
                headers=[(k, v.encode()) for k, v in json.loads(row.headers)],
            )
            try:
                with Session(self._engine) as session:
                    self._apply(session, message)
                    session.execute(delete(ParkedEvent).where(col(ParkedEvent.id) == row.id))
                    session.commit()
                done += 1
            except Exception as error:
                stuck.add(row.key)
                with Session(self._engine) as session:
                    session.execute(
                        update(ParkedEvent)
                        .where(col(ParkedEvent.id) == row.id)
                        .values(
                            attempts=ParkedEvent.attempts + 1,
                            error=f"{type(error).__name__}: {error}",
                        )
                    )
                    session.commit()
        return done

    def _apply(self, session: Session, message: Message) -> None:
        envelope = Envelope.from_bytes(message.value)
        handler = self._handlers.get(envelope.type)
        if handler is None:
            return
        carrier = {k: v.decode() for k, v in message.headers}
        with tracer.start_as_current_span(
            f"{message.topic} process",
            context=propagate.extract(carrier),
            kind=SpanKind.CONSUMER,
            attributes={
                "messaging.system": "kafka",
                "messaging.destination.name": message.topic,
                "messaging.consumer.group.name": self.name,
                "messaging.message.id": envelope.id,
                "shouhu.event.type": envelope.type,
            },
        ):
            if claim_for(session, self.name, envelope):
                handler(session, envelope)

    def _parked_behind(self, session: Session, key: str) -> bool:
        found = session.exec(
            select(ParkedEvent.id)
            .where(ParkedEvent.consumer == self.name, ParkedEvent.key == key)
            .limit(1)
        ).first()
        return found is not None

    def _park(self, session: Session, message: Message, error: str, *, attempts: int) -> None:
        try:
            event_id = Envelope.from_bytes(message.value).id
        except ValueError:
            event_id = ""  # not even an envelope: kept as it came
        session.add(
            ParkedEvent(
                consumer=self.name,
                key=message.key,
                topic=message.topic,
                event_id=event_id,
                value=message.value,
                headers=json.dumps([[k, v.decode()] for k, v in message.headers]),
                error=error[:2000],
                attempts=attempts,
                parked_at=utcnow(),
            )
        )
        log.error(
            "%s parked an event of %s with key %s: %s", self.name, message.topic, message.key, error
        )


def unreachable(error: BaseException) -> bool:
    """The database could not be reached or dropped the connection (not the statement's fault)."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, OperationalError)


@dataclass
class Periodic:
    """Work the worker repeats on a timer (daily jobs check often and act when due)."""

    name: str
    every_seconds: float
    run: Callable[[Engine], object]
    # Heavy weekly work waits a round first, so a starting service answers before it runs.
    first_after_seconds: float = 0.0


@dataclass(frozen=True)
class Retention:
    """How long a service keeps published events and the ids of events it applied."""

    outbox_days: float = 7
    inbox_days: float = 30
    every_seconds: float = 3600

    def run(self, engine: Engine) -> int:
        """Remove what is older than the retention; how many rows went."""
        now = utcnow()
        with Session(engine) as session:
            removed = prune(
                session,
                outbox_before=now - timedelta(days=self.outbox_days),
                inbox_before=now - timedelta(days=self.inbox_days),
            )
            session.commit()
        return removed

    def job(self) -> Periodic:
        return Periodic("retention", self.every_seconds, self.run)


@dataclass
class Subscription:
    """The topics a consumer reads, and its handlers by event type."""

    topics: list[str]
    handlers: Mapping[str, EventHandler]


def combined(*tables: Mapping[str, EventHandler]) -> dict[str, EventHandler]:
    """Handler tables of several modules as one consumer's: an event type more than one module
    takes runs each module's handler in turn, in the one transaction (one consumer per topic,
    so that no module's share of the partitions goes to another's)."""
    found: dict[str, list[EventHandler]] = {}
    for table in tables:
        for event_type, handler in table.items():
            found.setdefault(event_type, []).append(handler)
    return {event_type: _in_turn(handlers) for event_type, handlers in found.items()}


def _in_turn(handlers: list[EventHandler]) -> EventHandler:
    if len(handlers) == 1:
        return handlers[0]

    def run(session: Session, envelope: Envelope) -> None:
        for handler in handlers:
            handler(session, envelope)

    return run


def _redrive(consumer: EventConsumer) -> Callable[[Engine], int]:
    return lambda _engine: consumer.redrive()


class Worker:
    """Runs the relay and the consumers of one service until stopped."""

    def __init__(
        self,
        *,
        name: str,
        engine: Engine,
        transport: Transport,
        own_topic: str,
        subscriptions: list[Subscription],
        periodic: list[Periodic] | None = None,
        interval: float = 0.2,
        linger: float = 0.0,
        retention: Retention | None = None,
        redrive_seconds: float = 300,
    ) -> None:
        self._name = name
        self._transport = transport
        self._own_topic = own_topic
        self._relay = OutboxRelay(engine, transport)
        self._consumers = [
            (s.topics, EventConsumer(name, engine, s.handlers, topics=s.topics))
            for s in subscriptions
        ]
        self._periodic = [
            *(periodic or []),
            (retention or Retention()).job(),
            # Parked messages are tried again at start and every few minutes: a fix deployed
            # (or a missing row arrived) lets them through, in order.
            *(
                Periodic(f"redrive-{n}", redrive_seconds, _redrive(consumer))
                for n, (_, consumer) in enumerate(self._consumers)
            ),
        ]
        self._engine = engine
        self._interval = interval
        self._linger = linger
        self._stop = threading.Event()
        self._wake = threading.Event()  # set when this process commits events
        self._threads: list[threading.Thread] = []

    def redrive(self) -> int:
        """Apply the parked messages of every consumer again now; how many went through."""
        return sum(consumer.redrive() for _, consumer in self._consumers)

    def start(self) -> None:
        topics = [self._own_topic] + [t for topics, _ in self._consumers for t in topics]
        self._transport.ensure_topics(sorted(set(topics)))
        outbox_committed.listen(self._wake)
        self._spawn(f"{self._name}-relay", self._relay_loop)
        for topics, consumer in self._consumers:
            self._spawn(
                f"{self._name}-consumer", functools.partial(self._consume, topics, consumer)
            )
        for job in self._periodic:
            self._spawn(f"{self._name}-{job.name}", functools.partial(self._repeat, job))

    def _repeat(self, job: Periodic) -> None:
        self._stop.wait(job.first_after_seconds)
        while not self._stop.is_set():
            job.run(self._engine)
            self._stop.wait(job.every_seconds)

    def _consume(self, topics: list[str], consumer: EventConsumer) -> None:
        deliver = functools.partial(consumer.deliver, stop=self._stop)
        self._transport.consume(consumer.name, topics, deliver, self._stop)

    def _spawn(self, name: str, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=self._guard(target), name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _guard(self, target: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            while not self._stop.is_set():
                try:
                    target()
                except Exception:
                    log.exception("%s worker loop failed; restarting", self._name)
                    self._stop.wait(1.0)

        return run

    def _relay_loop(self) -> None:
        # Soon after this process commits events (the linger gathers a burst's commits), else
        # every interval. Cleared before the look: a commit during it brings another look. A
        # batch short of full drained the outbox as it was: no second look just to find it empty.
        while not self._stop.is_set():
            if self._relay.run_once() < self._relay.batch_size:
                if self._wake.wait(self._interval) and self._linger:
                    self._stop.wait(self._linger)
                self._wake.clear()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        outbox_committed.forget(self._wake)
        for thread in self._threads:
            thread.join(timeout=10)
        self._threads.clear()

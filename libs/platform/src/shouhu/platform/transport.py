"""Event transports behind one interface: Kafka, and in-process for embedded mode."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """One record on a topic."""

    topic: str
    key: str
    value: bytes
    headers: list[tuple[str, bytes]] = field(default_factory=list)


MessageHandler = Callable[[Message], None]


class Transport(Protocol):
    """What the relay and the consumers need of a message broker."""

    def send(self, message: Message) -> None:
        """Hand a message over; `flush` waits until every message sent is acknowledged."""

    def flush(self) -> None:
        """Block until every message sent so far is stored, or raise."""

    def consume(
        self, group: str, topics: list[str], handle: MessageHandler, stop: threading.Event
    ) -> None:
        """Deliver messages to `handle` until `stop`; a message counts as done once it returns.

        `handle` retries and parks by itself (`worker.EventConsumer.deliver`): if it raises, the
        message is not done and comes again once consuming resumes."""

    def ensure_topics(self, topics: list[str]) -> None:
        """Create the topics that do not exist yet."""

    def ping(self) -> None:
        """Raise unless the broker answers."""

    def close(self) -> None:
        """Release connections."""


class InProcessTransport:
    """An ordered log per topic in memory, with an offset per consumer group (embedded mode)."""

    def __init__(self) -> None:
        self._logs: dict[str, list[Message]] = defaultdict(list)
        self._offsets: dict[tuple[str, str], int] = defaultdict(int)
        self._changed = threading.Condition()

    def send(self, message: Message) -> None:
        with self._changed:
            self._logs[message.topic].append(message)
            self._changed.notify_all()

    def flush(self) -> None:
        return None

    def consume(
        self, group: str, topics: list[str], handle: MessageHandler, stop: threading.Event
    ) -> None:
        while not stop.is_set():
            batch: list[tuple[str, Message]] = []
            with self._changed:
                for topic in topics:
                    start = self._offsets[(group, topic)]
                    batch.extend((topic, m) for m in self._logs[topic][start:])
                if not batch:
                    self._changed.wait(0.5)
                    continue
            for topic, message in batch:
                if stop.is_set():
                    return
                handle(message)
                with self._changed:
                    self._offsets[(group, topic)] += 1

    def ensure_topics(self, topics: list[str]) -> None:
        return None

    def ping(self) -> None:
        return None

    def close(self) -> None:
        return None


# A broker back after an outage is found within two seconds, not after kafka-python's backoff
# of up to 30 s per connection; a consumer that died without leaving its group (a crash, or a
# close while the broker was away) holds its partitions 10 s, not 45 s, before the group
# rebalances them to the live ones. Together they took the consumers more than two minutes to
# resume after a 30-second broker outage (tests/faults).
RECONNECT_BACKOFF_MAX_MS = 2000
SESSION_TIMEOUT_MS = 10000


class KafkaTransport:
    """Kafka through kafka-python: acks=all, idempotent producer, commits after the handler."""

    def __init__(self, bootstrap: str, *, partitions: int = 6, replication: int = 1) -> None:
        self._bootstrap = bootstrap
        self._partitions = partitions
        self._replication = replication
        self._producer: Any = None
        self._pending: list[Any] = []
        self._lock = threading.Lock()

    def _get_producer(self) -> Any:
        from kafka import KafkaProducer

        with self._lock:
            if self._producer is None:
                self._producer = KafkaProducer(
                    bootstrap_servers=self._bootstrap,
                    acks="all",
                    enable_idempotence=True,
                    linger_ms=2,
                    # The relay sends a thousand events at a time: fewer, larger requests.
                    batch_size=256 * 1024,
                    retries=10,
                    # kafka-python's own metrics (sensors on every record) cost the relay a
                    # fifth of its CPU, and nothing reads them: traces are OpenTelemetry's.
                    metrics_enabled=False,
                    reconnect_backoff_max_ms=RECONNECT_BACKOFF_MAX_MS,
                )
            return self._producer

    def send(self, message: Message) -> None:
        future = self._get_producer().send(
            message.topic,
            key=message.key.encode(),
            value=message.value,
            headers=list(message.headers),
        )
        self._pending.append(future)

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        if not pending:
            return
        self._get_producer().flush(timeout=30)
        for future in pending:
            future.get(timeout=30)

    def consume(
        self, group: str, topics: list[str], handle: MessageHandler, stop: threading.Event
    ) -> None:
        from kafka import KafkaConsumer

        consumer = KafkaConsumer(
            *topics,
            bootstrap_servers=self._bootstrap,
            group_id=group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            metadata_max_age_ms=5000,
            metrics_enabled=False,
            reconnect_backoff_max_ms=RECONNECT_BACKOFF_MAX_MS,
            session_timeout_ms=SESSION_TIMEOUT_MS,
            heartbeat_interval_ms=SESSION_TIMEOUT_MS // 3,
        )
        try:
            while not stop.is_set():
                records = consumer.poll(timeout_ms=500, max_records=200)
                for batch in records.values():
                    for record in batch:
                        message = Message(
                            topic=record.topic,
                            key=(record.key or b"").decode(),
                            value=record.value,
                            headers=[(k, v) for k, v in (record.headers or [])],
                        )
                        handle(message)
                if records:
                    # Offsets move only after every handler's transaction has committed.
                    consumer.commit()
        finally:
            consumer.close()

    def ensure_topics(self, topics: list[str]) -> None:
        from kafka.admin import KafkaAdminClient, NewTopic
        from kafka.errors import TopicAlreadyExistsError

        admin = KafkaAdminClient(bootstrap_servers=self._bootstrap)
        try:
            existing = set(admin.list_topics())
            missing = [t for t in topics if t not in existing]
            for topic in missing:
                with contextlib.suppress(TopicAlreadyExistsError):
                    admin.create_topics(
                        [NewTopic(topic, self._partitions, self._replication)], timeout_ms=15000
                    )
        finally:
            admin.close()

    def ping(self) -> None:
        from kafka.admin import KafkaAdminClient

        started = time.monotonic()
        admin = KafkaAdminClient(bootstrap_servers=self._bootstrap, request_timeout_ms=3000)
        try:
            admin.list_topics()
        finally:
            admin.close()
        log.debug("kafka ping took %.3fs", time.monotonic() - started)

    def close(self) -> None:
        with self._lock:
            if self._producer is not None:
                self._producer.close(timeout=5)
                self._producer = None

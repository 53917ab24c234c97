"""Putting benefits' events into the outbox of the current transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from opentelemetry import propagate
from pydantic import BaseModel
from sqlalchemy import insert
from sqlmodel import Session

from shouhu.platform.events import Envelope, OutboxRow, record_event
from shouhu.platform.settings import topic_of

TOPIC = topic_of("benefits")
# Benefits' own work queue: the ranges of a re-decision. Only benefits reads it, so its consumer
# never wades through the decisions it publishes on the public topic.
WORK_TOPIC = f"{TOPIC}.work"
SOURCE = "benefits"


def emit(
    session: Session, event_type: str, subject: str, payload: BaseModel, *, topic: str = TOPIC
) -> Envelope:
    """An event of benefits, keyed by `subject` (a child's id keeps one child's events in order)."""
    return record_event(
        session,
        topic=topic,
        source=SOURCE,
        event_type=event_type,
        subject=subject,
        data=payload.model_dump(mode="json", by_alias=True),
    )


class Outbox:
    """Events of a whole re-decision, written in one statement when it ends."""

    # The rows are those `record_event` writes (the same envelope, trace and columns); a range
    # of two thousand children makes thousands of events, and one INSERT keeps that cheap.

    def __init__(self) -> None:
        self._rows: list[dict[str, Any]] = []
        self._trace: dict[str, str] = {}
        propagate.inject(self._trace)

    def add(self, event_type: str, subject: str, payload: BaseModel) -> None:
        envelope = Envelope(
            type=event_type,
            source=SOURCE,
            subject=subject,
            trace=self._trace,
            data=payload.model_dump(mode="json", by_alias=True),
        )
        self._rows.append(
            {
                "event_id": envelope.id,
                "topic": TOPIC,
                "key": subject,
                "event_type": event_type,
                "payload": envelope.model_dump_json(),
                "created_at": envelope.time,
                "published_at": None,
            }
        )

    def __len__(self) -> int:
        return len(self._rows)

    def write(self, session: Session) -> None:
        """Insert the events in the order they were added (one child's stay in order)."""
        if self._rows:
            session.execute(insert(OutboxRow.__table__), self._rows)  # type: ignore[attr-defined]
            self._rows = []

    @property
    def rows(self) -> Sequence[dict[str, Any]]:
        return self._rows

"""Putting education's events into the outbox of the current transaction."""

from __future__ import annotations

from typing import Any

from opentelemetry import propagate
from pydantic import BaseModel
from sqlalchemy import insert
from sqlmodel import Session

from shouhu.platform.events import OUTBOX, OUTBOX_WRITTEN, Envelope, record_event
from shouhu.platform.settings import topic_of

TOPIC = topic_of("education")
SOURCE = "education"


def emit(session: Session, event_type: str, subject: str, payload: BaseModel) -> Envelope:
    """An event of education, keyed by `subject` (a child id keeps its events in order)."""
    return record_event(
        session,
        topic=TOPIC,
        source=SOURCE,
        event_type=event_type,
        subject=subject,
        data=payload.model_dump(mode="json", by_alias=True),
    )


class Outbox:
    """Events of a whole sweep, written in one INSERT when it ends (the rows `record_event`
    writes: the same envelope, trace and columns), one child's in the order added."""

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
        if self._rows:
            session.execute(insert(OUTBOX), self._rows)
            session.info[OUTBOX_WRITTEN] = True
            self._rows = []

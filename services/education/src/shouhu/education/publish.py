"""Putting education's events into the outbox of the current transaction."""

from __future__ import annotations

from pydantic import BaseModel
from sqlmodel import Session

from shouhu.platform.events import Envelope, OutboxBatch, record_event
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


class Outbox(OutboxBatch):
    """Education's events of a whole sweep, written in one INSERT when it ends."""

    def __init__(self) -> None:
        super().__init__(TOPIC, SOURCE)

"""Putting benefits' events into the outbox of the current transaction."""

from __future__ import annotations

from pydantic import BaseModel
from sqlmodel import Session

from shouhu.platform.events import Envelope, OutboxBatch, record_event
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


class Outbox(OutboxBatch):
    """Benefits' events of a whole re-decision, written in one INSERT when it ends."""

    def __init__(self) -> None:
        super().__init__(TOPIC, SOURCE)

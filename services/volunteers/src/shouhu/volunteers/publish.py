"""Putting the volunteers' events into the outbox of the current transaction."""

from __future__ import annotations

from pydantic import BaseModel
from sqlmodel import Session

from shouhu.platform.events import Envelope, record_event
from shouhu.platform.settings import topic_of

TOPIC = topic_of("volunteers")
SOURCE = "volunteers"


def emit(session: Session, event_type: str, subject: str, payload: BaseModel) -> Envelope:
    """An event of volunteers, keyed by `subject` (a volunteer id keeps its events in order)."""
    return record_event(
        session,
        topic=TOPIC,
        source=SOURCE,
        event_type=event_type,
        subject=subject,
        data=payload.model_dump(mode="json", by_alias=True),
    )

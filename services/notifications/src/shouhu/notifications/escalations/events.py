"""Events of escalations on the notifications topic (documented in docs/notifications.md)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

ESCALATED = "notifications.escalated"


class Escalated(Camel):
    """`notifications.escalated` v1: nobody acknowledged in time; the next rung was told."""

    chain_id: str
    kind: str
    rung: int
    ladder: str
    notification_id: str
    recipient: str
    child_id: str | None
    subject_ref: str | None
    lapsed_at: datetime


EVENTS: dict[tuple[str, int], type[BaseModel]] = {(ESCALATED, 1): Escalated}

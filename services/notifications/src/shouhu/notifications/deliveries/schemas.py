"""API shapes of deliveries."""

from datetime import datetime
from enum import StrEnum

from shouhu.platform.schemas import Camel


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    SENT = "SENT"
    FAILED = "FAILED"


class DeliveryOut(Camel):
    """A notification's sending through one channel (the address masked)."""

    id: str
    notification_id: str
    channel: str
    address: str
    status: DeliveryStatus
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    sent_at: datetime | None

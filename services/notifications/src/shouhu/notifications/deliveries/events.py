"""Events of deliveries on the notifications topic (documented in docs/notifications.md)."""

from __future__ import annotations

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

DELIVERY_FAILED = "notifications.delivery_failed"


class DeliveryFailed(Camel):
    """`notifications.delivery_failed` v1: a channel gave up on a notification after its tries."""

    delivery_id: str
    notification_id: str
    kind: str
    channel: str
    attempts: int
    reason: str


EVENTS: dict[tuple[str, int], type[BaseModel]] = {(DELIVERY_FAILED, 1): DeliveryFailed}

"""Notifications: in the app, by SMS, acknowledged and escalated."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.common import Ctx, PageInfo, deferred, to_datetime


@strawberry.enum(description="How pressing a notification is (INFO, WARNING, URGENT)")
class Severity(Enum):
    INFO = "INFO"
    WARNING = "WARNING"
    URGENT = "URGENT"


@strawberry.enum(description="Where a delivery stands (投递状态)")
class DeliveryStatus(Enum):
    PENDING = "PENDING"
    SENT = "SENT"
    FAILED = "FAILED"


@strawberry.type(description="A notification sent through one channel (the address masked)")
class Delivery:
    id: strawberry.ID
    notification_id: strawberry.ID
    channel: str
    address: str
    status: DeliveryStatus
    attempts: int
    last_error: str | None
    next_attempt_at: datetime.datetime | None
    sent_at: datetime.datetime | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Delivery:
        return cls(
            id=strawberry.ID(row["id"]),
            notification_id=strawberry.ID(row["notificationId"]),
            channel=row["channel"],
            address=row["address"],
            status=DeliveryStatus(row["status"]),
            attempts=row["attempts"],
            last_error=row.get("lastError"),
            next_attempt_at=to_datetime(row.get("nextAttemptAt")),
            sent_at=to_datetime(row.get("sentAt")),
        )


@strawberry.type(description="A notification (通知) to the caller, or to a post the caller holds")
class Notification:
    id: strawberry.ID
    cursor: str = strawberry.field(
        description="Its place in the caller's stream: `after` for `notificationReceived`"
    )
    kind: str
    urgent: bool
    severity: Severity
    requires_ack: bool = strawberry.field(description="Acknowledge it, or it goes up its ladder")
    title: str
    body: str
    child_id: strawberry.ID | None
    subject_ref: str | None
    recipient: str = strawberry.field(description="The person, or the post as role@division")
    addressed_post: str | None = strawberry.field(
        description="The post first addressed, when nobody held it and it went up"
    )
    rung: int = strawberry.field(description="0 first; n for the n-th escalation")
    created_at: datetime.datetime
    read_at: datetime.datetime | None = strawberry.field(description="When the caller read it")
    acknowledged_at: datetime.datetime | None
    acknowledged_by: str | None

    @strawberry.field
    def read(self) -> bool:
        return self.read_at is not None

    @strawberry.field(description="Its sending by SMS and email: status, attempts, last error")
    def deliveries(self, info: Ctx) -> list[Delivery]:
        async def load() -> list[Delivery]:
            rows = await info.context.loaders.deliveries.load(str(self.id))
            return [Delivery.from_row(r) for r in rows]

        return deferred(load())

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Notification:
        return cls(
            id=strawberry.ID(row["id"]),
            cursor=row["cursor"],
            kind=row["kind"],
            urgent=row["urgent"],
            severity=Severity(row["severity"]),
            requires_ack=row["requiresAck"],
            title=row["title"],
            body=row["body"],
            child_id=strawberry.ID(row["childId"]) if row.get("childId") else None,
            subject_ref=row.get("subjectRef"),
            recipient=row["recipient"],
            addressed_post=row.get("addressedPost"),
            rung=row["rung"],
            created_at=datetime.datetime.fromisoformat(row["createdAt"]),
            read_at=to_datetime(row.get("readAt")),
            acknowledged_at=to_datetime(row.get("acknowledgedAt")),
            acknowledged_by=row.get("acknowledgedBy"),
        )


@strawberry.type
class NotificationEdge:
    cursor: str
    node: Notification


@strawberry.type(description="A page of notifications, newest first")
class NotificationConnection:
    edges: list[NotificationEdge]
    page_info: PageInfo
    total_count: int
    unread_count: int


@strawberry.type(description="A chain awaiting acknowledgement: who is told next, and when")
class Escalation:
    chain_id: strawberry.ID
    notification_id: strawberry.ID
    ladder: str
    next_rung: int
    due_at: datetime.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Escalation:
        return cls(
            chain_id=strawberry.ID(row["chainId"]),
            notification_id=strawberry.ID(row["notificationId"]),
            ladder=row["ladder"],
            next_rung=row["nextRung"],
            due_at=datetime.datetime.fromisoformat(row["dueAt"]),
        )

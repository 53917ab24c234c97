"""In-app notifications."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry

from shouhu.gateway.common import PageInfo


@strawberry.type(description="An in-app notification (站内通知)")
class Notification:
    id: strawberry.ID
    cursor: str = strawberry.field(
        description="Its place in the caller's stream: `after` for `notificationReceived`"
    )
    kind: str
    title: str
    body: str
    child_id: strawberry.ID | None
    created_at: datetime.datetime
    read_at: datetime.datetime | None

    @strawberry.field
    def read(self) -> bool:
        return self.read_at is not None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Notification:
        read_at = row.get("readAt")
        return cls(
            id=strawberry.ID(row["id"]),
            cursor=row["cursor"],
            kind=row["kind"],
            title=row["title"],
            body=row["body"],
            child_id=strawberry.ID(row["childId"]) if row.get("childId") else None,
            created_at=datetime.datetime.fromisoformat(row["createdAt"]),
            read_at=datetime.datetime.fromisoformat(read_at) if read_at else None,
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

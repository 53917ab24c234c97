"""In-app notifications."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry

from shouhu.gateway.common import Ctx, PageInfo


@strawberry.type(description="An in-app notification (站内通知)")
class Notification:
    id: strawberry.ID
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


@strawberry.type
class Query:
    @strawberry.field(description="The caller's in-app notifications, newest first")
    async def notifications(
        self,
        info: Ctx,
        first: int = 20,
        after: str | None = None,
        unread_only: bool = False,
    ) -> NotificationConnection:
        page = await info.context.services.notifications.get(
            "/notifications",
            token=info.context.token,
            params={"first": first, "after": after, "unreadOnly": unread_only},
        )
        return NotificationConnection(
            edges=[
                NotificationEdge(cursor=e["cursor"], node=Notification.from_row(e["node"]))
                for e in page["edges"]
            ],
            page_info=PageInfo.from_row(page["pageInfo"]),
            total_count=page["totalCount"],
            unread_count=page["unreadCount"],
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Mark one of the caller's notifications read")
    async def mark_notification_read(self, info: Ctx, id: strawberry.ID) -> Notification:
        row = await info.context.services.notifications.post(
            f"/notifications/{id}/read", token=info.context.token
        )
        return Notification.from_row(row)

"""Queries of notifications."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx, connection
from shouhu.gateway.notifications.types import (
    Delivery,
    Escalation,
    Notification,
    NotificationConnection,
    NotificationEdge,
)


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
        page = await info.context.notifications.page(first, after, unread_only)
        return connection(
            NotificationConnection,
            page,
            NotificationEdge,
            Notification.from_row,
            total_count=page["totalCount"],
            unread_count=page["unreadCount"],
        )

    @strawberry.field(description="For the district: deliveries that gave up after their tries")
    async def failed_deliveries(self, info: Ctx) -> list[Delivery]:
        return [Delivery.from_row(r) for r in await info.context.notifications.failed_deliveries()]

    @strawberry.field(description="For the district: chains awaiting acknowledgement")
    async def escalations(self, info: Ctx) -> list[Escalation]:
        return [Escalation.from_row(r) for r in await info.context.notifications.escalations()]

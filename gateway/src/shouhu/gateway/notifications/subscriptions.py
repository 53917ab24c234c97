"""Subscriptions of notifications: the caller's own, as they come."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.notifications.types import Notification


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description=(
            "The caller's notifications as they come (graphql-transport-ws, the token in "
            "connection_init): first those after `after`, a notification's cursor, then each new "
            "one; without `after`, only new ones"
        )
    )
    async def notification_received(
        self, info: Ctx, after: str | None = None
    ) -> AsyncGenerator[Notification, None]:
        async for row in info.context.notification_stream.follow(after):
            yield Notification.from_row(row)

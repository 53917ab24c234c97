"""Mutations of notifications."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.notifications.types import Notification


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Mark one of the caller's notifications read")
    async def mark_notification_read(self, info: Ctx, id: strawberry.ID) -> Notification:
        return Notification.from_row(await info.context.notifications.mark_read(id))

    @strawberry.mutation(
        description="Take on one of the caller's notifications (确认): its ladder stops"
    )
    async def acknowledge_notification(self, info: Ctx, id: strawberry.ID) -> Notification:
        return Notification.from_row(await info.context.notifications.acknowledge(id))

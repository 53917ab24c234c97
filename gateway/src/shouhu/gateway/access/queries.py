"""Queries of the access log."""

from __future__ import annotations

import strawberry

from shouhu.gateway.access.types import AccessLogConnection, AccessLogEdge, AccessLogEntry
from shouhu.gateway.common import Ctx, connection


@strawberry.type
class Query:
    @strawberry.field(description="Who read a child's file")
    async def access_log(
        self, info: Ctx, child_id: strawberry.ID, first: int = 20, after: str | None = None
    ) -> AccessLogConnection:
        page = await info.context.registry.access_log(child_id, first, after)
        return connection(AccessLogConnection, page, AccessLogEdge, AccessLogEntry.from_row)

"""Queries of divisions."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.divisions.types import Division, find_division

DISTRICT_CODE = "110109"


@strawberry.type
class Query:
    @strawberry.field(description="Divisions under a parent; without one, the district's towns")
    async def divisions(self, info: Ctx, parent_code: str | None = None) -> list[Division]:
        tree = await info.context.loaders.divisions()
        rows = tree.below.get(parent_code or DISTRICT_CODE, [])
        return [Division.from_row(row, tree) for row in rows]

    @strawberry.field(description="One division by its code")
    async def division(self, info: Ctx, code: str) -> Division | None:
        info.context.principal  # noqa: B018 - signed-in callers only
        return await find_division(info, code)

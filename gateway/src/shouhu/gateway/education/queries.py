"""Queries of education."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.education.types import School


@strawberry.type
class Query:
    @strawberry.field(description="The district's schools, or a town's (学校名录)")
    async def schools(self, info: Ctx, town_code: str | None = None) -> list[School]:
        return [School.from_row(r) for r in await info.context.education.schools(town_code)]

"""Queries of education."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.education.types import DropoutRiskConnection, School


@strawberry.type
class Query:
    @strawberry.field(description="The district's schools, or a town's (学校名录)")
    async def schools(self, info: Ctx, town_code: str | None = None) -> list[School]:
        return [School.from_row(r) for r in await info.context.education.schools(town_code)]

    @strawberry.field(
        description="The open dropout risks (控辍保学) of a division (district, town or village) "
        "within the caller's, newest first"
    )
    async def dropout_risks(
        self, info: Ctx, division_code: str, first: int = 20, after: str | None = None
    ) -> DropoutRiskConnection:
        page = await info.context.education.dropout_risks(division_code, first, after)
        return DropoutRiskConnection.from_row(page)

"""Queries of the workforce."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.divisions.types import divisions_of
from shouhu.gateway.workforce.types import WorkforceCoverage


@strawberry.type
class Query:
    @strawberry.field(description="Which towns and villages lack their post, for a division")
    async def workforce_coverage(
        self, info: Ctx, division_code: str | None = None
    ) -> WorkforceCoverage:
        row = await info.context.registry.workforce_coverage(division_code)
        return WorkforceCoverage(
            division_code=row["divisionCode"],
            town_count=row["townCount"],
            towns_with_social_worker=row["townsWithSocialWorker"],
            towns_without_social_worker=await divisions_of(info, row["townsWithoutSocialWorker"]),
            village_count=row["villageCount"],
            villages_with_supervisor=row["villagesWithSupervisor"],
            villages_without_supervisor=await divisions_of(info, row["villagesWithoutSupervisor"]),
        )

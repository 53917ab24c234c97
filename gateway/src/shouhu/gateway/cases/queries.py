"""Queries of protection cases."""

from __future__ import annotations

import strawberry

from shouhu.gateway.cases.types import Intervention, Report, ReportConnection, ReportFilter
from shouhu.gateway.common import Ctx, operation_name
from shouhu.platform.errors import NotFound


def _value(item: object) -> object:
    return getattr(item, "value", item)


@strawberry.type
class Query:
    @strawberry.field(description="A case as the caller may see it; null when not theirs")
    async def report(self, info: Ctx, id: strawberry.ID) -> Report | None:
        try:
            return Report.from_row(await info.context.registry.report(id, operation_name(info)))
        except NotFound:
            return None

    @strawberry.field(
        description="The cases the caller sees, newest first: a reporter's own, those of the "
        "division for the roles that see case detail, a village's children's for its supervisor"
    )
    async def reports(
        self,
        info: Ctx,
        filter: ReportFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> ReportConnection:
        f = filter or ReportFilter()
        page = await info.context.registry.reports(
            {
                "status": _value(f.status),
                "kind": _value(f.kind),
                "divisionCode": f.division_code,
                "childId": f.child_id,
                "urgent": f.urgent,
                "first": first,
                "after": after,
            },
            operation_name(info),
        )
        return ReportConnection.from_row(page)

    @strawberry.field(description="A child's guardianship interventions, oldest first")
    async def interventions(self, info: Ctx, child_id: strawberry.ID) -> list[Intervention]:
        rows = await info.context.registry.interventions(child_id, operation_name(info))
        return [Intervention.from_row(row) for row in rows]

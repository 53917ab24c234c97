"""Queries of the single window."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.intakes.types import (
    DepartmentTaskConnection,
    Intake,
    IntakeConnection,
    IntakeFilter,
    IntakeGuide,
    TaskFilter,
)
from shouhu.platform.errors import NotFound


def _value(item: object) -> object:
    return getattr(item, "value", item)


@strawberry.type
class Query:
    @strawberry.field(description="An application of the caller's division")
    async def intake(self, info: Ctx, id: strawberry.ID) -> Intake | None:
        try:
            return Intake.from_row(await info.context.registry.intake(id))
        except NotFound:
            return None

    @strawberry.field(
        description="The window's guide (办事指南): each need's departments, their deadlines for "
        "an application made today, and the materials asked for"
    )
    async def intake_guide(self, info: Ctx) -> IntakeGuide:
        return IntakeGuide.from_row(await info.context.registry.intake_guide())

    @strawberry.field(description="Applications of the caller's division, newest first")
    async def intakes(
        self,
        info: Ctx,
        filter: IntakeFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> IntakeConnection:
        f = filter or IntakeFilter()
        page = await info.context.registry.intakes(
            {
                "status": _value(f.status),
                "divisionCode": f.division_code,
                "childId": f.child_id,
                "first": first,
                "after": after,
            }
        )
        return IntakeConnection.from_row(page)

    @strawberry.field(
        description="The caller's department's tasks, newest first: the district's for its "
        "district-level users, its town's for a town's"
    )
    async def department_tasks(
        self,
        info: Ctx,
        filter: TaskFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> DepartmentTaskConnection:
        f = filter or TaskFilter()
        page = await info.context.registry.department_tasks(
            {
                "department": _value(f.department),
                "status": _value(f.status),
                "overdue": f.overdue,
                "townCode": f.town_code,
                "first": first,
                "after": after,
            }
        )
        return DepartmentTaskConnection.from_row(page)

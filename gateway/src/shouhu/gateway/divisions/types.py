"""Divisions of the three-tier network."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from shouhu.gateway.common import Ctx

if TYPE_CHECKING:
    from shouhu.gateway.workforce import WorkforceMember


@strawberry.enum(description="District, town (镇街) or village (社区/村)")
class DivisionLevel(Enum):
    DISTRICT = "DISTRICT"
    TOWN = "TOWN"
    VILLAGE = "VILLAGE"


@strawberry.type(description="A division of the three-tier network (区划)")
class Division:
    code: str
    name: str
    level: DivisionLevel
    parent_code: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Division:
        return cls(
            code=row["code"],
            name=row["name"],
            level=DivisionLevel(row["level"]),
            parent_code=row.get("parentCode"),
        )

    @strawberry.field(description="The division above; none for the district")
    async def parent(self, info: Ctx) -> Division | None:
        if self.parent_code is None:
            return None
        row = await info.context.loaders.division.load(self.parent_code)
        return Division.from_row(row) if row else None

    @strawberry.field(description="The divisions directly below")
    async def children(self, info: Ctx) -> list[Division]:
        if self.level is DivisionLevel.VILLAGE:
            return []
        rows = await info.context.services.registry.get(
            "/divisions", token=info.context.token, params={"parent": self.code}
        )
        return [Division.from_row(row) for row in rows]

    @strawberry.field(description="The holders of the division's post (队伍建设)")
    async def workforce(
        self, info: Ctx, include_ended: bool = False
    ) -> list[Annotated[WorkforceMember, strawberry.lazy("shouhu.gateway.workforce")]]:
        from shouhu.gateway.workforce import division_workforce

        return await division_workforce(info, self.code, include_ended)


async def load_division(info: Ctx, code: str) -> Division:
    """A division by code through the request's DataLoader."""
    row = await info.context.loaders.division.load(code)
    if row is None:
        return Division(code=code, name="", level=DivisionLevel.VILLAGE, parent_code=None)
    return Division.from_row(row)


@strawberry.type
class Query:
    @strawberry.field(description="Divisions under a parent; without one, the district's towns")
    async def divisions(self, info: Ctx, parent_code: str | None = None) -> list[Division]:
        rows = await info.context.services.registry.get(
            "/divisions", token=info.context.token, params={"parent": parent_code}
        )
        return [Division.from_row(row) for row in rows]

    @strawberry.field(description="One division by its code")
    async def division(self, info: Ctx, code: str) -> Division | None:
        info.context.principal  # noqa: B018 - signed-in callers only
        row = await info.context.loaders.division.load(code)
        return Division.from_row(row) if row else None

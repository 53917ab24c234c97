"""Divisions: district, towns (镇街), villages (社区/村)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from shouhu.gateway.common import Ctx, deferred, lazy
from shouhu.gateway.reference import DivisionTree

if TYPE_CHECKING:
    from shouhu.gateway.workforce.types import WorkforceMember


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
    tree: strawberry.Private[DivisionTree]

    @classmethod
    def from_row(cls, row: dict[str, Any], tree: DivisionTree) -> Division:
        return cls(
            code=row["code"],
            name=row["name"],
            level=DivisionLevel[row["level"]],
            parent_code=row.get("parentCode"),
            tree=tree,
        )

    @strawberry.field(description="The division above; none for the district")
    def parent(self) -> Division | None:
        return known_division(self.tree, self.parent_code or "")

    @strawberry.field(description="The divisions directly below")
    def children(self) -> list[Division]:
        return [Division.from_row(row, self.tree) for row in self.tree.below.get(self.code, [])]

    @strawberry.field(description="The holders of the division's post (队伍建设)")
    async def workforce(
        self, info: Ctx, include_ended: bool = False
    ) -> list[Annotated[WorkforceMember, strawberry.lazy("shouhu.gateway.workforce.types")]]:
        rows = await info.context.loaders.workforce.load((self.code, include_ended))
        member = lazy("shouhu.gateway.workforce.types", "WorkforceMember")
        return [member.from_row(row) for row in rows]


def known_division(tree: DivisionTree, code: str) -> Division | None:
    """A division of the network by code; none for a code it does not have."""
    row = tree.by_code.get(code)
    return Division.from_row(row, tree) if row else None


async def find_division(info: Ctx, code: str) -> Division | None:
    """A division by code from the process's copy of the network."""
    return known_division(await info.context.loaders.divisions(), code)


def division_in(tree: DivisionTree, code: str) -> Division:
    """A division named by a record; an unknown code still answers with the code."""
    row = tree.by_code.get(code) or {"code": code, "name": "", "level": "VILLAGE"}
    return Division.from_row(row, tree)


def named_division(info: Ctx, code: str) -> Division:
    """A division named by a record: at once from the process's copy, else when it is fetched."""
    tree = info.context.reference.divisions.peek()
    if tree is not None:
        return division_in(tree, code)

    async def fetched() -> Division:
        return division_in(await info.context.loaders.divisions(), code)

    return deferred(fetched())


async def divisions_of(info: Ctx, rows: list[dict[str, Any]]) -> list[Division]:
    """Divisions a service answered with, linked to the process's copy of the network."""
    tree = await info.context.loaders.divisions()
    return [Division.from_row(row, tree) for row in rows]

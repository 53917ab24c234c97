"""The one loader layer: every cross-service field batched per request, reference data per process.

A page of N children or divisions with nested parts costs at most one call per service per level.
"""

from __future__ import annotations

from typing import Any

from strawberry.dataloader import DataLoader

from shouhu.gateway.clients import Benefits, Education, Notifications, Registry
from shouhu.gateway.reference import DivisionTree, Reference

Row = dict[str, Any]

# GraphQL field of `Child` → the registry's part of a file (`include`).
CHILD_PARTS = {
    "classifications": "classifications",
    "guardians": "guardians",
    "history": "history",
    "visits": "visits",
    "supportPlan": "plan",
}


class Loaders:
    """New for each request, so nothing leaks between callers; reference data is shared."""

    def __init__(
        self,
        registry: Registry,
        benefits: Benefits,
        education: Education,
        notifications: Notifications,
        reference: Reference,
    ) -> None:
        self._registry = registry
        self._benefits = benefits
        self._education = education
        self._notifications = notifications
        self._reference = reference
        self.child_part: DataLoader[tuple[str, str, str], Row | None] = DataLoader(
            load_fn=self._child_parts
        )
        self.benefits: DataLoader[str, Row | None] = DataLoader(load_fn=self._benefits_of)
        self.education: DataLoader[str, Row | None] = DataLoader(load_fn=self._education_of)
        self.workforce: DataLoader[tuple[str, bool], list[Row]] = DataLoader(
            load_fn=self._workforce
        )
        self.deliveries: DataLoader[str, list[Row]] = DataLoader(load_fn=self._deliveries)

    async def _child_parts(self, keys: list[tuple[str, str, str]]) -> list[Row | None]:
        """Parts of files not fetched with them: one batch read per operation, each file logged."""
        wanted: dict[str, tuple[list[str], set[str]]] = {}
        for child_id, part, operation in keys:
            ids, parts = wanted.setdefault(operation, ([], set()))
            if child_id not in ids:
                ids.append(child_id)
            parts.add(part)
        found: dict[tuple[str, str], Row] = {}
        for operation, (ids, parts) in wanted.items():
            rows = await self._registry.children(ids, sorted(parts), operation)
            found.update({(row["id"], operation): row for row in rows})
        return [found.get((child_id, operation)) for child_id, _, operation in keys]

    async def _deliveries(self, notification_ids: list[str]) -> list[list[Row]]:
        found = await self._notifications.deliveries_of(notification_ids)
        return [found.get(i, []) for i in notification_ids]

    async def _benefits_of(self, child_ids: list[str]) -> list[Row | None]:
        rows = await self._benefits.benefits_of(child_ids)
        by_child = {row["childId"]: row for row in rows}
        return [by_child.get(child_id) for child_id in child_ids]

    async def _education_of(self, child_ids: list[str]) -> list[Row | None]:
        rows = await self._education.education_of(child_ids)
        by_child = {row["childId"]: row for row in rows}
        return [by_child.get(child_id) for child_id in child_ids]

    async def _workforce(self, keys: list[tuple[str, bool]]) -> list[list[Row]]:
        found: dict[tuple[str, bool], list[Row]] = {}
        for include_ended in sorted({ended for _, ended in keys}):
            codes = sorted({code for code, ended in keys if ended is include_ended})
            for row in await self._registry.workforce_of(codes, include_ended):
                found.setdefault((row["divisionCode"], include_ended), []).append(row)
        return [found.get(key, []) for key in keys]

    async def divisions(self) -> DivisionTree:
        """The whole network, cached per process (reference data every signed-in caller reads)."""

        async def fetch() -> DivisionTree:
            return DivisionTree.from_rows(await self._registry.all_divisions())

        return await self._reference.divisions.get(fetch)

    async def programmes(self) -> dict[str, Row]:
        """Every programme by code, cached per process; a change here refreshes it."""

        async def fetch() -> dict[str, Row]:
            return {row["code"]: row for row in await self._benefits.programmes()}

        return await self._reference.programmes.get(fetch)

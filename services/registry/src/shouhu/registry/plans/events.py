"""Events of support plans on the registry topic (documented in docs/events-registry-care.md)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

MEASURE_ADDED = "registry.plan.measure_added"
MEASURE_UPDATED = "registry.plan.measure_updated"


class PlanMeasureAdded(Camel):
    """`registry.plan.measure_added` v1: a measure joined a child's support plan."""

    child_id: str
    measure_id: str
    version: int
    department: str
    kind: str
    status: str
    due_date: date | None
    source_ref: str | None
    residence_division_code: str
    added_by: str


class PlanMeasureUpdated(Camel):
    """`registry.plan.measure_updated` v1: a measure changed; its state after the change."""

    child_id: str
    measure_id: str
    version: int
    changed: list[str]
    department: str
    kind: str
    status: str
    due_date: date | None
    source_ref: str | None
    residence_division_code: str
    updated_by: str


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (MEASURE_ADDED, 1): PlanMeasureAdded,
    (MEASURE_UPDATED, 1): PlanMeasureUpdated,
}

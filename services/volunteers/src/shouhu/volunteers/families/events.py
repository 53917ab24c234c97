"""Events of caring families on the volunteers topic (documented in docs/events-volunteers.md).

Keyed by the child, so a child's links stay in order. No identity number, no mobile. Each carries
the support plan's measure (`planMeasure`), which the registry upserts by its `sourceRef`.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

FAMILY_LINKED = "volunteers.caring_family.linked"
FAMILY_UNLINKED = "volunteers.caring_family.unlinked"


class PlanMeasure(Camel):
    """The measure the child's support plan shows for the link (一策)."""

    source_ref: str
    department: str
    kind: str
    description: str
    status: str
    due_date: date | None


class FamilyLinked(Camel):
    """`volunteers.caring_family.linked` v1: an approved family began caring for a child."""

    link_id: str
    family_id: str
    child_id: str
    kind: str
    starts_on: date
    until: date | None
    linked_by: str
    plan_measure: PlanMeasure


class FamilyUnlinked(Camel):
    """`volunteers.caring_family.unlinked` v1: a family's care of a child ended."""

    link_id: str
    family_id: str
    child_id: str
    kind: str
    ended_on: date
    reason: str
    unlinked_by: str
    plan_measure: PlanMeasure


EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (FAMILY_LINKED, 1): FamilyLinked,
    (FAMILY_UNLINKED, 1): FamilyUnlinked,
}

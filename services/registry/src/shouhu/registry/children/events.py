"""Events of children's files on the registry topic (documented in docs/events.md)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

CHILD_REGISTERED = "registry.child.registered"
CHILD_UPDATED = "registry.child.updated"
CHILD_CLASSIFIED = "registry.child.classified"
CHILD_EXITED = "registry.child.exited"
GUARDIANSHIP_CHANGED = "registry.child.guardianship_changed"


class ChildRegistered(Camel):
    """`registry.child.registered` v1: a file was opened."""

    child_id: str
    name: str
    gender: str
    birth_date: date
    residence_division_code: str
    town_division_code: str
    registered_by: str
    # Added to v1 (optional, additive): where the child's hukou is registered, null when not
    # recorded; education counts non-Beijing children (非京籍) by it.
    hukou_division_code: str | None = None


class ChildUpdated(Camel):
    """`registry.child.updated` v1: the identity part of a file changed."""

    child_id: str
    changed: list[str]
    name: str
    gender: str
    birth_date: date
    residence_division_code: str
    town_division_code: str
    updated_by: str
    # Added to v1 (optional, additive): the hukou after the change, null when not recorded.
    hukou_division_code: str | None = None


class ActiveClassification(Camel):
    group: str
    subtype: str
    since: date
    until: date | None


class ChildClassified(Camel):
    """`registry.child.classified` v1: the complete active set after the change."""

    child_id: str
    classifications: list[ActiveClassification]
    primary_category: str
    left_behind: bool
    birth_date: date
    residence_division_code: str
    town_division_code: str
    classified_by: str


class ChildExited(Camel):
    """`registry.child.exited` v1: the child left the scope."""

    child_id: str
    reason: str
    exited_on: date
    residence_division_code: str
    exited_by: str


class GuardianSummary(Camel):
    relation: str
    is_guardian: bool
    capacity: str
    working_away: bool


class GuardianshipChanged(Camel):
    """`registry.child.guardianship_changed` v1: the household or the entrusted guardian changed."""

    child_id: str
    guardians: list[GuardianSummary]
    entrusted: bool
    entrusted_since: date | None
    residence_division_code: str
    changed_by: str


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (CHILD_REGISTERED, 1): ChildRegistered,
    (CHILD_UPDATED, 1): ChildUpdated,
    (CHILD_CLASSIFIED, 1): ChildClassified,
    (CHILD_EXITED, 1): ChildExited,
    (GUARDIANSHIP_CHANGED, 1): GuardianshipChanged,
}

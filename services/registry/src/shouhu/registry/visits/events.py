"""Events of visits on the registry topic (documented in docs/events-registry-care.md)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

VISIT_RECORDED = "registry.visit.recorded"
OVERDUE_DIGEST = "registry.visits.overdue_digest"


class VisitRecorded(Camel):
    """`registry.visit.recorded` v1: a visit to a child's family was recorded (定期走访)."""

    child_id: str
    visit_id: str
    visited_on: date
    risk_level: str
    high_risk: bool
    next_due: date
    residence_division_code: str
    town_division_code: str
    recorded_by: str


class VillageOverdue(Camel):
    village_division_code: str
    overdue_count: int
    oldest_days: int


class OverdueDigest(Camel):
    """`registry.visits.overdue_digest` v1: a town's overdue visits this week, by village."""

    week: str
    town_division_code: str
    villages: list[VillageOverdue]


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (VISIT_RECORDED, 1): VisitRecorded,
    (OVERDUE_DIGEST, 1): OverdueDigest,
}

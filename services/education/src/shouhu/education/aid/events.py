"""Events of aid on the education topic (documented in docs/events-education.md)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

AID_DECIDED = "education.aid.decided"


class AidOutcome(Camel):
    """One programme's outcome in a decision."""

    programme: str
    programme_name: str
    eligible: bool
    reasons: list[str]
    annual_amount_fen: int
    changed: bool


class PlanMeasure(Camel):
    """What the registry needs to add or update the measure on the child's support plan (一策),
    in the shape of benefits' `planMeasure`."""

    source_ref: str
    department: str
    kind: str
    description: str
    status: str


class AidDecided(Camel):
    """`education.aid.decided` v1: a child's aid decided, some programme's outcome changed."""

    child_id: str
    decided_on: date
    trigger: str
    rule_version: str
    stage: str | None
    residence_division_code: str
    town_division_code: str
    outcomes: list[AidOutcome]
    plan_measures: list[PlanMeasure]


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {(AID_DECIDED, 1): AidDecided}

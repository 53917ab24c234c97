"""Events of decisions and entitlements on the benefits topic (documented in docs/benefits.md)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from shouhu.platform.schemas import Camel

DECISION_MADE = "benefits.decision.made"
ENTITLEMENT_CHANGED = "benefits.entitlement.changed"
REDECISION_REQUESTED = "benefits.redecision.requested"


class ProgrammeOutcome(Camel):
    """A programme's outcome; GRANTED, SUPERSEDED and NOT_COMBINABLE are eligible (资格)."""

    programme: str
    outcome: str
    monthly_amount_fen: int
    superseded_by: str | None


class DecisionMade(Camel):
    """`benefits.decision.made` v1: a child's decision changed (reasons and facts via the API)."""

    child_id: str
    decision_id: str
    decided_on: date
    rule_version: str
    trigger: str
    residence_division_code: str
    town_division_code: str
    outcomes: list[ProgrammeOutcome]


class PlanMeasure(Camel):
    """What the registry needs to add or update the measure on the child's support plan (一策)."""

    source_ref: str
    department: str
    kind: str
    description: str
    status: str
    due_date: date | None
    restricted: bool = Field(
        default=False,
        description="Shown only to roles that see health detail: the programme's very grant "
        "could tell HIV from serious illness (docs/access-policy.md)",
    )


class EntitlementChanged(Camel):
    """`benefits.entitlement.changed` v1: an entitlement was granted, ends, started, ended…"""

    child_id: str
    entitlement_id: str
    source_ref: str
    change: str
    programme: str
    programme_name: str
    kind: str
    administered_elsewhere: bool
    status: str
    starts_on: date
    ends_on: date | None
    share_percent: int
    reason: str
    decision_id: str | None
    residence_division_code: str
    town_division_code: str
    plan_measure: PlanMeasure


class RedecisionRequested(Camel):
    """`benefits.redecision.requested` v1 (internal work queue): one range of children to decide."""

    cause_event_id: str
    trigger: str
    programmes: list[str]
    decide_on: date
    after_child_id: str | None
    up_to_child_id: str | None
    part: int
    parts: int


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (DECISION_MADE, 1): DecisionMade,
    (ENTITLEMENT_CHANGED, 1): EntitlementChanged,
    (REDECISION_REQUESTED, 1): RedecisionRequested,
}

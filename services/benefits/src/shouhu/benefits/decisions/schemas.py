"""API shapes of decisions and entitlements."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import Field

from shouhu.benefits.decisions.periods import EntitlementStatus
from shouhu.benefits.rules.engine import OutcomeKind
from shouhu.benefits.rules.schema import ProgrammeCode, ProgrammeKind
from shouhu.platform.schemas import Camel, Input, Said

MAX_CHILDREN = 100  # a DataLoader's batch
MAX_DECISIONS = 100  # a page of a child's decisions

WITHHELD = (
    "Fields answered null because the caller's role sees no health detail and the rules could "
    "tell it by them (the same for every child; docs/benefits.md)"
)


class DecisionOut(Camel):
    """The decision on one programme, explained (认定结果及理由)."""

    programme: ProgrammeCode
    eligible: bool | None
    granted: bool | None
    outcome: OutcomeKind | None
    reasons: list[str] | None
    monthly_amount_fen: int | None
    share_percent: int | None
    superseded_by: ProgrammeCode | None
    rule_version: str
    decided_on: date
    withheld: list[str] = Field(default_factory=list, description=WITHHELD)


class DecisionSetOut(Camel):
    """One decision on every programme, with the facts it used."""

    id: str
    decided_on: date
    decided_at: datetime
    rule_version: str
    trigger: str
    facts: dict[str, Any]
    decisions: list[DecisionOut]


class EntitlementOut(Camel):
    """A right to a programme over whole months (待遇)."""

    id: str
    programme: ProgrammeCode
    kind: ProgrammeKind
    status: EntitlementStatus
    monthly_amount_fen: int | None
    share_percent: int | None
    starts_on: date
    ends_on: date | None
    end_reason: str | None
    administered_elsewhere: bool
    paid_in_batches: bool
    withheld: list[str] = Field(default_factory=list, description=WITHHELD)


class ChildBenefitsOut(Camel):
    """A child's current decision and every entitlement, newest first."""

    child_id: str
    residence_division_code: str
    status: str
    decided_on: date | None
    rule_version: str | None
    facts: dict[str, Any] | None
    decisions: list[DecisionOut]
    entitlements: list[EntitlementOut]
    withheld_programmes: list[ProgrammeCode] = Field(
        default_factory=list,
        description="Programmes whose entitlements are left out and whose decisions are withheld "
        "for the caller's role, as whether a child holds one could tell a health detail (the same "
        "for every child; docs/benefits.md)",
    )


class BenefitsRequest(Input):
    """The benefits of several children at once (the gateway's DataLoader)."""

    child_ids: Annotated[
        list[str], Field(max_length=MAX_CHILDREN), Said(f"一次最多查询{MAX_CHILDREN}名儿童")
    ]

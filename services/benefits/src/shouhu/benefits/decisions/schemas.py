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


class DecisionOut(Camel):
    """The decision on one programme, explained (认定结果及理由)."""

    programme: ProgrammeCode
    eligible: bool
    granted: bool
    outcome: OutcomeKind
    reasons: list[str]
    monthly_amount_fen: int
    share_percent: int
    superseded_by: ProgrammeCode | None
    rule_version: str
    decided_on: date


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
    monthly_amount_fen: int
    share_percent: int
    starts_on: date
    ends_on: date | None
    end_reason: str | None
    administered_elsewhere: bool
    paid_in_batches: bool


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


class BenefitsRequest(Input):
    """The benefits of several children at once (the gateway's DataLoader)."""

    child_ids: Annotated[
        list[str], Field(max_length=MAX_CHILDREN), Said(f"一次最多查询{MAX_CHILDREN}名儿童")
    ]

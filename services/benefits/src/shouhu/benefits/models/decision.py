"""Decisions (认定) with their facts and reasons, and the entitlements (待遇) they grant."""

from datetime import date, datetime
from typing import Any

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class Decision(SQLModel, table=True):
    """One decision on every programme for a child; a new row whenever the result changes."""

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(index=True, max_length=36)
    decided_on: date
    decided_at: datetime = timestamp()
    rule_version: str
    trigger: str
    facts_digest: str = Field(max_length=32)
    outcomes_digest: str = Field(max_length=32)
    conditions_met: str


class DecisionContent(SQLModel, table=True):
    """Facts or outcomes of decisions, kept once under their digest (children alike share them)."""

    __tablename__ = "decision_content"

    digest: str = Field(primary_key=True, max_length=32)
    body: Any = json_column()


class Eligibility(SQLModel, table=True):
    """A programme whose conditions a child meets: who a change of standard or pilot concerns."""

    programme: str = Field(primary_key=True, max_length=40)
    child_id: str = Field(primary_key=True, max_length=36)


class Entitlement(SQLModel, table=True):
    """A child's right to a programme from `starts_on` to `ends_on` (None: open)."""

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(index=True, max_length=36)
    programme: str
    kind: str
    administered_elsewhere: bool
    share_percent: int
    starts_on: date
    ends_on: date | None = None
    end_reason: str | None = None
    decision_id: str
    published_status: str
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()

"""The local projection of the registry's children: what the rules need, nothing more."""

from datetime import date, datetime
from typing import Any

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class ChildFacts(SQLModel, table=True):
    """A child as benefits knows it from the registry's events (儿童事实投影)."""

    __tablename__ = "child_facts"

    child_id: str = Field(primary_key=True, max_length=36)
    name: str
    birth_date: date
    residence_division_code: str
    town_code: str
    status: str = "ACTIVE"
    exited_on: date | None = None
    classifications: list[dict[str, Any]] = json_column()
    guardian_present: bool = False
    decision_id: str | None = None
    updated_at: datetime = timestamp()


class Intervention(SQLModel, table=True):
    """A guardianship intervention of the registry's protection cases (监护干预)."""

    case_id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(index=True, max_length=36)
    opened_on: date
    closed_on: date | None = None

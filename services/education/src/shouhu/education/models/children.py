"""The local projection of the registry's children: what education needs, nothing more."""

from datetime import date, datetime
from typing import Any

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class ChildProjection(SQLModel, table=True):
    """A child as education knows it from the registry's events (儿童事实投影)."""

    __tablename__ = "child_projection"

    child_id: str = Field(primary_key=True, max_length=36)
    name: str
    birth_date: date
    residence_division_code: str = Field(index=True)
    town_code: str
    # The registry's events do not carry the hukou; only a rebuild from its pages fills it.
    hukou_division_code: str | None = None
    status: str = "ACTIVE"
    exited_on: date | None = None
    classifications: list[dict[str, Any]] = json_column()
    primary_category: str = "NONE"
    left_behind: bool = False
    disabled: bool = False
    updated_at: datetime = timestamp()

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
    # Where the hukou is registered (户籍地), from the registry's registered and updated events
    # (and a rebuild); a code not starting with Beijing's "11" is a non-Beijing child (非京籍).
    hukou_division_code: str | None = Field(default=None, max_length=12)
    status: str = "ACTIVE"
    exited_on: date | None = None
    classifications: list[dict[str, Any]] = json_column()
    primary_category: str = "NONE"
    left_behind: bool = False
    disabled: bool = False
    updated_at: datetime = timestamp()

"""Schools' rosters (花名册导入)."""

from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class RosterImport(SQLModel, table=True):
    """One imported roster, by hash of its school and the bytes: the same file for the same
    school again returns this report and writes nothing; for another school, it is its own."""

    __tablename__ = "roster_import"

    id: str = Field(primary_key=True, max_length=36)
    school_code: str = Field(foreign_key="school.code", max_length=10, index=True)
    file_hash: str = Field(unique=True, max_length=64)
    file_name: str
    mode: str
    imported_by: str
    imported_at: datetime = timestamp()
    report: dict[str, Any] = json_column()

"""Schools (学校) as reference data, and which school a school staff user works at."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class School(SQLModel, table=True):
    """A school of the district under its national 10-digit identifier (学校标识码)."""

    code: str = Field(primary_key=True, max_length=10)
    name: str
    stages: list[str] = json_column()
    town_code: str = Field(index=True, max_length=9)
    kind: str
    demo: bool = False
    version: int = 1
    updated_by: str
    updated_at: datetime = timestamp()


class SchoolStaff(SQLModel, table=True):
    """A `school_staff` user tied to their school (教职工所属学校); tokens carry only the town."""

    __tablename__ = "school_staff"

    username: str = Field(primary_key=True, max_length=100)
    school_code: str = Field(foreign_key="school.code", max_length=10)
    assigned_by: str
    assigned_at: datetime = timestamp()

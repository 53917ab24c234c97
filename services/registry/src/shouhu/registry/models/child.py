"""The child's file: identity, household, classifications, history."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer
from sqlmodel import Column, Field, SQLModel

from shouhu.platform.columns import json_column, timestamp

_CHILD_VERSION = Column("version", Integer, nullable=False)


class Child(SQLModel, table=True):
    """A child's file (儿童档案); the identity number only encrypted and hashed."""

    # The version guards every UPDATE: a concurrent change fails instead of overwriting.
    __mapper_args__ = {"version_id_col": _CHILD_VERSION}

    id: str = Field(primary_key=True, max_length=36)
    version: int = Field(default=1, sa_column=_CHILD_VERSION)
    name: str
    name_initials: str = ""
    gender: str
    birth_date: date
    id_number_hash: str | None = None
    id_number_cipher: str | None = None
    id_number_key_id: str | None = None
    residence_division_code: str = Field(foreign_key="division.code")
    town_code: str
    hukou_division_code: str | None = None
    school: str | None = None
    notes: str | None = None
    status: str = "ACTIVE"
    primary_category: str = "NONE"
    left_behind: bool = False
    registered_on: date
    exited_on: date | None = None
    exit_reason: str | None = None
    exit_note: str | None = None
    entrusted_guardian_id: str | None = None
    entrusted_since: date | None = None
    entrustment_agreed_on: date | None = None
    created_at: datetime = timestamp()
    created_by: str
    updated_at: datetime = timestamp()


class Guardian(SQLModel, table=True):
    """A household member or guardian (家庭成员/监护人) of a child."""

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(foreign_key="child.id", index=True)
    name: str
    relation: str
    is_guardian: bool = False
    capacity: str = "FULL"
    working_away: bool = False
    away_location: str | None = None
    away_since: date | None = None
    phone: str | None = None


class Classification(SQLModel, table=True):
    """A classification (分类) of a child, in force from `since` until `until`."""

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(foreign_key="child.id", index=True)
    group: str = Field(sa_column_kwargs={"name": "group_code"})
    subtype: str
    since: date
    until: date | None = None
    note: str | None = None
    recorded_by: str
    recorded_at: datetime = timestamp()


class ChildHistory(SQLModel, table=True):
    """One change to a file (档案变更记录): who, when, why, before and after; never changed."""

    __tablename__ = "child_history"

    seq: int | None = Field(default=None, primary_key=True)
    child_id: str = Field(foreign_key="child.id", index=True)
    at: datetime = timestamp()
    actor: str
    operation: str
    reason: str | None = None
    before: dict[str, Any] | None = json_column(nullable=True)
    after: dict[str, Any] | None = json_column(nullable=True)


class DuplicateReview(SQLModel, table=True):
    """A registration held back as a possible duplicate (疑似重复), for the town worker."""

    __tablename__ = "duplicate_review"

    id: str = Field(primary_key=True, max_length=36)
    town_code: str = Field(index=True)
    matched_child_id: str = Field(foreign_key="child.id")
    submitted: dict[str, Any] = json_column()
    submitted_by: str
    submitted_at: datetime = timestamp()
    status: str = "PENDING"
    decided_by: str | None = None
    decided_at: datetime | None = timestamp(nullable=True)
    registered_child_id: str | None = None


class TransferRequest(SQLModel, table=True):
    """A registration of a number filed elsewhere in the district: move the file? (档案转移申请)"""

    __tablename__ = "transfer_request"

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(foreign_key="child.id", index=True)
    to_village: str
    submitted: dict[str, Any] = json_column()
    requested_by: str
    requested_at: datetime = timestamp()
    status: str = Field(default="PENDING", index=True)
    decided_by: str | None = None
    decided_at: datetime | None = timestamp(nullable=True)
    reason: str | None = None


class DuplicateAnswer(SQLModel, table=True):
    """A `DUPLICATE` answered to someone: counted to rate-limit probing for numbers."""

    __tablename__ = "duplicate_answer"

    id: int | None = Field(default=None, primary_key=True)
    actor: str = Field(index=True)
    at: datetime = timestamp()


class CategoryPeriod(SQLModel, table=True):
    """A stretch of days over which a child's categories stayed the same; feeds statistics."""

    __tablename__ = "category_period"

    id: int | None = Field(default=None, primary_key=True)
    child_id: str = Field(foreign_key="child.id", index=True)
    residence_division_code: str
    town_code: str
    primary_category: str
    left_behind: bool
    groups: str
    subtypes: str
    from_date: date
    to_date: date | None = None

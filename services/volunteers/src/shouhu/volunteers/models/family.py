"""Caring families (爱心家庭: 家庭寄养、委托代养、爱心助养) and their links to children."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class CaringFamily(SQLModel, table=True):
    """A household that fosters, cares for or sponsors a child; assessed by civil affairs."""

    __tablename__ = "caring_family"

    id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(max_length=40)
    head_name: str = Field(max_length=50)
    id_number_hash: str = Field(max_length=64, unique=True)
    id_number_cipher: str
    id_number_key_id: str = Field(max_length=16)
    mobile: str = Field(max_length=11)
    division_code: str = Field(index=True, max_length=12)
    address: str = Field(max_length=200)
    status: str = Field(max_length=20)
    assessed_on: date | None = None
    assessment_note: str | None = Field(default=None, max_length=500)
    approved_by: str | None = Field(default=None, max_length=100)
    version: int = 1
    registered_by: str
    registered_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class CaringFamilyLink(SQLModel, table=True):
    """A family caring for one child from a day, until a day or until ended."""

    __tablename__ = "caring_family_link"

    id: str = Field(primary_key=True, max_length=36)
    family_id: str = Field(foreign_key="caring_family.id", index=True, max_length=36)
    child_id: str = Field(index=True, max_length=36)
    starts_on: date
    until: date | None = None
    ended_on: date | None = None
    end_reason: str | None = Field(default=None, max_length=200)
    linked_by: str
    linked_at: datetime = timestamp()

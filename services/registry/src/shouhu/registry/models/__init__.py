"""Tables of the registry."""

from datetime import date, datetime

from sqlalchemy import DateTime
from sqlmodel import Column, Field, SQLModel


class Division(SQLModel, table=True):
    """A division of the three-tier network (区划): district, town or village."""

    code: str = Field(primary_key=True, max_length=12)
    name: str
    level: str
    parent_code: str | None = Field(default=None, foreign_key="division.code")


class Child(SQLModel, table=True):
    """A child's file (儿童档案); the identity number only encrypted and hashed."""

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    name: str
    gender: str
    birth_date: date
    id_number_hash: str | None = None
    id_number_cipher: str | None = None
    id_number_key_id: str | None = None
    id_number_tail: str | None = None
    residence_division_code: str = Field(foreign_key="division.code")
    hukou_division_code: str | None = None
    status: str = "ACTIVE"
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    created_by: str

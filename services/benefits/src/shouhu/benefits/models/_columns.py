"""Column helpers shared by the tables of benefits."""

from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime
from sqlmodel import Column, Field


def timestamp(*, nullable: bool = False) -> Any:
    """A timezone-aware timestamp column."""
    return Field(
        default=None if nullable else ...,
        sa_column=Column(DateTime(timezone=True), nullable=nullable),
    )


def json_column(*, nullable: bool = False) -> Any:
    """A JSON column (JSON in PostgreSQL, text in SQLite)."""
    return Field(default=None, sa_column=Column(JSON, nullable=nullable))


def fen(*, nullable: bool = False) -> Any:
    """An amount of money in fen: a 64-bit integer (a district's month passes 2^31 fen)."""
    return Field(
        default=None if nullable else ...,
        sa_column=Column(BigInteger, nullable=nullable),
    )

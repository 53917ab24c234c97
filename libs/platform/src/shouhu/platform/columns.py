"""Column helpers for the services' tables."""

from typing import Any

from sqlalchemy import JSON, DateTime
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

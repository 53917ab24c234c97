"""Column helpers for the services' tables."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, TypeDecorator
from sqlmodel import Column, Field

from shouhu.platform.db import as_utc


class UtcDateTime(TypeDecorator[datetime]):
    """A moment stored with its zone and read back in UTC, whatever the database.

    PostgreSQL keeps the zone; SQLite keeps the text without it, so a moment came back naive and
    left the API without its zone. Every timestamp column is UTC by design: written in UTC, read
    back as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        # SQLite writes the wall time and drops the zone: only UTC reads back as what it was.
        return None if value is None else as_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


def timestamp(*, nullable: bool = False) -> Any:
    """A timezone-aware timestamp column, read back in UTC."""
    return Field(
        default=None if nullable else ...,
        sa_column=Column(UtcDateTime(), nullable=nullable),
    )


def json_column(*, nullable: bool = False) -> Any:
    """A JSON column (JSON in PostgreSQL, text in SQLite)."""
    return Field(default=None, sa_column=Column(JSON, nullable=nullable))

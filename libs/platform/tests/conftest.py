"""Fixtures of the platform's unit tests."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import SQLModel

from shouhu.platform.db import make_engine
from shouhu.platform.events import InboxRow, OutboxRow, ParkedEvent


@pytest.fixture
def engine(tmp_path) -> Iterator[Engine]:
    """A SQLite database with the outbox, the inbox and the parked events."""
    engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    tables = [OutboxRow.__table__, InboxRow.__table__, ParkedEvent.__table__]
    SQLModel.metadata.create_all(engine, tables=tables)  # type: ignore[arg-type]
    yield engine
    engine.dispose()

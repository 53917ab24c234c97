"""Fixtures of the platform's unit tests."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import SQLModel

from shouhu.platform.db import make_engine
from shouhu.platform.events import InboxRow, OutboxRow


@pytest.fixture
def engine(tmp_path) -> Iterator[Engine]:
    """A SQLite database with the outbox and the inbox."""
    engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    SQLModel.metadata.create_all(engine, tables=[OutboxRow.__table__, InboxRow.__table__])  # type: ignore[list-item]
    yield engine
    engine.dispose()

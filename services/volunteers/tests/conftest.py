"""Volunteers on SQLite with its real migrations and tokens from the embedded provider."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from shouhu.platform.events import Envelope, OutboxRow
from shouhu.volunteers.app import create_app
from shouhu.volunteers.models import Vetting, Volunteer
from shouhu.volunteers.settings import VolunteersSettings


@pytest.fixture
def volunteers(tmp_path, verifier) -> Iterator[TestClient]:
    settings = VolunteersSettings(
        database_url=f"sqlite:///{tmp_path / 'volunteers.db'}", run_worker=False, demo_data=True
    )
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


class Store:
    """What the service wrote: its outbox and its tables."""

    def __init__(self, client: TestClient) -> None:
        self.engine = client.app.state.engine

    def events(self, event_type: str | None = None) -> list[dict[str, Any]]:
        with Session(self.engine) as session:
            rows = session.exec(select(OutboxRow).order_by(col(OutboxRow.seq))).all()
        return [
            {"type": r.event_type, **Envelope.model_validate_json(r.payload).data}
            for r in rows
            if event_type is None or r.event_type == event_type
        ]

    def raw_events(self) -> list[str]:
        with Session(self.engine) as session:
            return [r.payload for r in session.exec(select(OutboxRow)).all()]

    def counts(self) -> tuple[int, int]:
        """(volunteers, vettings) stored."""
        with Session(self.engine) as session:
            return (
                len(session.exec(select(Volunteer.id)).all()),
                len(session.exec(select(Vetting.id)).all()),
            )


@pytest.fixture
def store(volunteers) -> Store:
    return Store(volunteers)

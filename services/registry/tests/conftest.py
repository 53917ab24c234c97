"""A registry on SQLite with its real migrations, and tokens from the embedded provider."""

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete
from sqlmodel import Session, select

from shouhu.platform.db import make_engine, migrate
from shouhu.platform.events import OutboxRow
from shouhu.platform.testing import identity_number
from shouhu.registry.app import MIGRATIONS, create_app, seed
from shouhu.registry.models import AccessLogEntry
from shouhu.registry.models.access_log import AccessLogQueued
from shouhu.registry.settings import RegistrySettings


@pytest.fixture(scope="session")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A registry database migrated and seeded once; each test starts from a copy."""
    path = tmp_path_factory.mktemp("template") / "registry.db"
    url = f"sqlite:///{path}"
    migrate(url, MIGRATIONS)
    engine = make_engine(url)
    seed(engine)
    with Session(engine) as session:
        # As if relayed: the seed's events (the demo workforce) are not what a test writes.
        session.execute(delete(OutboxRow))
        session.commit()
    engine.dispose()
    return path


@pytest.fixture
def registry(tmp_path, verifier, migrated) -> Iterator[TestClient]:
    database = tmp_path / "registry.db"
    shutil.copyfile(migrated, database)
    # No worker: tests seal and relay themselves, so nothing races them.
    settings = RegistrySettings(database_url=f"sqlite:///{database}", run_worker=False)
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


VILLAGE = "110109001001"


def make_child_input(
    name: str = "王小红", *, seq: int = 7, village: str = VILLAGE, **overrides: object
) -> dict[str, object]:
    """A valid registration; a different `seq` gives a different identity number."""
    birth = overrides.pop("birth", date(2013, 4, 9))
    assert isinstance(birth, date)
    data: dict[str, object] = {
        "name": name,
        "gender": "FEMALE",
        "birthDate": birth.isoformat(),
        "idNumber": identity_number(birth, male=False, seq=seq),
        "residenceDivisionCode": village,
    }
    data.update(overrides)
    return data


@pytest.fixture
def child_input() -> Callable[..., dict[str, object]]:
    return make_child_input


@pytest.fixture
def register(registry, as_user) -> Callable[..., dict[str, object]]:
    """Register a child as the district clerk (or `by`), returning the file."""

    def run(by: str = "clerk.district", **kwargs: object) -> dict[str, object]:
        response = registry.post("/children", json=make_child_input(**kwargs), headers=as_user(by))
        assert response.status_code == 201, response.text
        body: dict[str, object] = response.json()
        return body

    return run


@pytest.fixture
def logged_reads(registry) -> Callable[[], list[Any]]:
    """Every read the access log holds, queued or sealed, in order."""

    def read() -> list[Any]:
        with Session(registry.app.state.engine) as session:
            queued = session.exec(select(AccessLogQueued)).all()
            sealed = session.exec(select(AccessLogEntry)).all()
        return sorted([*queued, *sealed], key=lambda e: e.seq or 0)

    return read

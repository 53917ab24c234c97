"""The entry points the chart runs: migrate only (the hook Job), the worker only (its pods)."""

import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect
from sqlmodel import Session, select

from shouhu.platform import run
from shouhu.platform.app import ServiceSpec, create_service_app
from shouhu.platform.events import OutboxRow, utcnow
from shouhu.platform.settings import ServiceSettings, topic_of
from shouhu.platform.transport import InProcessTransport

FIRST_REVISION = """
from shouhu.platform.migrations import create_messaging_tables

revision = "0001"
down_revision = None


def upgrade() -> None:
    create_messaging_tables()
"""


class Verifier:
    """Stands in for the realm: the service is built, never asked to verify."""

    def ping(self) -> None:
        raise AssertionError("a worker has no issuer to reach")


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[types.SimpleNamespace]:
    """A service `shouhu.demo` with one migration, a seed, one route and the in-process bus."""
    migrations = tmp_path / "migrations"
    (migrations / "versions").mkdir(parents=True)
    env = "from shouhu.platform.migrations import run_env\n\nrun_env()\n"
    (migrations / "env.py").write_text(env)
    (migrations / "versions" / "0001_initial.py").write_text(FIRST_REVISION)
    router = APIRouter()

    @router.get("/things")
    def things() -> list[str]:
        return []

    seeded: list[Engine] = []
    transport = InProcessTransport()

    def create_app() -> FastAPI:
        settings = ServiceSettings(
            database_url=f"sqlite:///{tmp_path / 'demo.db'}",
            migrate_on_start=False,
            run_worker=False,
            relay_interval_seconds=0.01,
        )
        spec = ServiceSpec(
            name="demo",
            settings=settings,
            migrations_dir=migrations,
            routers=[router],
            seed=seeded.append,
            transport=transport,
            verifier=Verifier(),  # type: ignore[arg-type]
        )
        return create_service_app(spec)

    module = types.ModuleType("shouhu.demo.app")
    module.create_app = create_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "shouhu.demo.app", module)
    yield types.SimpleNamespace(seeded=seeded, transport=transport, db=tmp_path / "demo.db")


def tables(service: types.SimpleNamespace) -> set[str]:
    app = run.service_app("demo")
    try:
        return set(inspect(app.state.engine).get_table_names())
    finally:
        app.state.engine.dispose()


def test_the_api_does_not_migrate_at_start_when_told_not_to(service):
    with TestClient(run.service_app("demo")) as client:
        assert client.get("/healthz").status_code == 200
    assert "outbox" not in tables(service) and service.seeded == []


def test_migrate_only_migrates_and_seeds_then_returns(service, capsys):
    assert run.main(["migrate", "demo"]) == 0
    assert {"alembic_version", "outbox", "inbox"} <= tables(service)
    assert len(service.seeded) == 1
    assert capsys.readouterr().out == "demo: migrated\n"
    assert run.main(["migrate", "demo"]) == 0, "at head already: an upgrade does nothing"


def test_the_worker_alone_relays_and_serves_only_its_probes(service):
    run.main(["migrate", "demo"])
    app = run.service_app("demo")
    with Session(app.state.engine) as session:
        session.add(
            OutboxRow(
                event_id="e-1",
                topic=topic_of("demo"),
                key="child-1",
                event_type="demo.happened",
                payload="{}",
                created_at=utcnow(),
            )
        )
        session.commit()
    with TestClient(run.create_worker_app(app)) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        ready = client.get("/readyz").json()
        assert ready == {"status": "ready", "checks": {"database": "ok", "transport": "ok"}}
        assert client.get("/things").status_code == 404, "no API in the worker"
        assert client.get("/openapi.json").status_code == 404
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with Session(app.state.engine) as session:
                row = session.exec(select(OutboxRow)).one()
            if row.published_at is not None:
                break
            time.sleep(0.02)
    assert row.published_at is not None, "the relay ran"
    assert [m.key for m in service.transport._logs[topic_of("demo")]] == ["child-1"]


def test_an_unknown_service_stops_the_command():
    with pytest.raises(ModuleNotFoundError):
        run.main(["migrate", "nonesuch"])

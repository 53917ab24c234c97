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
from shouhu.platform.events import Envelope, OutboxRow, ParkedEvent, utcnow
from shouhu.platform.settings import ServiceSettings, topic_of
from shouhu.platform.transport import InProcessTransport, Message
from shouhu.platform.worker import EventConsumer, Subscription

FIRST_REVISION = """
from shouhu.platform.migrations import create_messaging_tables, create_parked_events_table

revision = "0001"
down_revision = None


def upgrade() -> None:
    create_messaging_tables()
    create_parked_events_table()
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
    fixed: list[bool] = []  # the handler fails until the test "deploys a fix"

    def handle(session: Session, envelope: Envelope) -> None:
        if not fixed:
            raise RuntimeError("no such child yet")

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
            subscriptions=[
                Subscription(topics=[topic_of("other")], handlers={"other.happened": handle})
            ],
            seed=seeded.append,
            transport=transport,
            verifier=Verifier(),  # type: ignore[arg-type]
        )
        return create_service_app(spec)

    module = types.ModuleType("shouhu.demo.app")
    module.create_app = create_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "shouhu.demo.app", module)
    yield types.SimpleNamespace(
        seeded=seeded, transport=transport, db=tmp_path / "demo.db", fixed=fixed
    )


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


def park(service: types.SimpleNamespace, child: str) -> None:
    """A message of another service's topic that the demo's handler cannot apply yet."""
    app = run.service_app("demo")
    envelope = Envelope(type="other.happened", source="other", subject=child, data={})
    message = Message(topic=topic_of("other"), key=child, value=envelope.to_bytes())
    consumer = EventConsumer("demo", app.state.engine, {"other.happened": lambda s, e: None})
    with Session(app.state.engine) as session:
        consumer._park(session, message, "RuntimeError: no such child yet", attempts=5)
        session.commit()
    app.state.engine.dispose()


def test_parked_lists_what_the_consumers_parked(service, capsys):
    run.main(["migrate", "demo"])
    park(service, "child-1")
    capsys.readouterr()
    assert run.main(["parked", "demo"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t")[2:] == [
        topic_of("other"),
        "child-1",
        "5",
        "RuntimeError: no such child yet",
    ]
    assert out[1] == "1 parked"


def test_redrive_applies_them_now_once_fixed_and_says_what_is_left(service, capsys):
    run.main(["migrate", "demo"])
    park(service, "child-1")
    capsys.readouterr()
    assert run.main(["redrive", "demo"]) == 1, "still failing: left parked, a non-zero exit"
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "demo: 0 applied" and out[-1] == "1 parked"
    service.fixed.append(True)
    assert run.main(["redrive", "demo"]) == 0
    assert capsys.readouterr().out.splitlines() == ["demo: 1 applied", "0 parked"]
    app = run.service_app("demo")
    with Session(app.state.engine) as session:
        assert session.exec(select(ParkedEvent)).all() == []
    app.state.engine.dispose()

"""The access log: every read kept, sealed into a hash chain, and any tampering found."""

import secrets
import threading
from collections.abc import Iterator

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import func, text
from sqlmodel import Session, select

from shouhu.platform.db import make_engine
from shouhu.platform.testing import identity_number
from shouhu.registry.access import __main__ as cli
from shouhu.registry.access.service import GENESIS, entry_hash, seal, verify
from shouhu.registry.app import MIGRATIONS, create_app
from shouhu.registry.models import AccessLogEntry
from shouhu.registry.models.access_log import AccessLogQueued
from shouhu.registry.settings import RegistrySettings


def _read(registry, as_user, child_id, username="worker.110109001", times=1):
    for _ in range(times):
        response = registry.get(f"/children/{child_id}", headers=as_user(username))
        assert response.status_code == 200


def test_reads_are_sealed_in_a_chain_that_verifies(registry, as_user, register):
    child = register()
    _read(registry, as_user, child["id"], times=3)
    engine = registry.app.state.engine
    assert seal(engine) == 3
    assert seal(engine) == 0
    report = verify(engine)
    assert (report.intact, report.sealed, report.unsealed) == (True, 3, 0)
    _read(registry, as_user, child["id"])
    assert verify(engine).unsealed == 1
    seal(engine)
    assert verify(engine).sealed == 4


def _tamper(engine, sql: str) -> None:
    """Edit the table behind the API's back (the triggers must be dropped first)."""
    with engine.begin() as connection:
        connection.execute(text("DROP TRIGGER access_log_no_update"))
        connection.execute(text("DROP TRIGGER access_log_no_delete"))
        connection.execute(text(sql))


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("UPDATE access_log SET actor = 'someone.else' WHERE chain_pos = 2", "篡改"),
        ("DELETE FROM access_log WHERE chain_pos = 2", "缺失"),
    ],
    ids=["edited", "deleted"],
)
def test_verification_names_the_first_broken_link(registry, as_user, register, sql, problem):
    child = register()
    _read(registry, as_user, child["id"], times=4)
    engine = registry.app.state.engine
    seal(engine)
    _tamper(engine, sql)
    report = verify(engine)
    assert report.intact is False
    assert report.first_broken_position == 2
    assert problem in (report.problem or "")


def test_the_log_refuses_changes_through_the_database(registry, as_user, register):
    child = register()
    _read(registry, as_user, child["id"])
    engine = registry.app.state.engine
    seal(engine)
    with Session(engine) as session:
        entry = session.exec(select(AccessLogEntry)).one()
        session.delete(entry)
        with pytest.raises(Exception, match="append-only"):
            session.commit()


def test_the_command_reports_and_exits_non_zero_on_a_break(
    registry, as_user, register, monkeypatch, capsys
):
    child = register()
    _read(registry, as_user, child["id"], times=2)
    engine = registry.app.state.engine
    monkeypatch.setenv("SHOUHU_DATABASE_URL", str(engine.url))
    assert cli.main(["access", "seal"]) == 0
    assert cli.main(["access", "verify"]) == 0
    assert "访问日志完整" in capsys.readouterr().out
    _tamper(engine, "UPDATE access_log SET parts = 'everything' WHERE chain_pos = 1")
    assert cli.main(["access", "verify"]) == 1
    assert "第 1 个链位置" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("admin.district", 200),
        ("auditor.district", 200),
        ("clerk.district", 403),
        ("worker.110109001", 403),
        ("police.district", 403),
    ],
)
def test_who_reads_the_access_log(registry, as_user, register, username, status):
    child = register()
    _read(registry, as_user, child["id"], times=2)
    response = registry.get(f"/children/{child['id']}/access-log", headers=as_user(username))
    assert response.status_code == status
    if status == 200:
        entries = [e["node"] for e in response.json()["edges"]]
        assert [e["actor"] for e in entries] == ["worker.110109001"] * 2
        assert entries[0]["parts"] == ["identity"]


def _count(engine, model) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def _page(registry, as_user, child_id, after=None, first=20):
    params = {"first": first, **({"after": after} if after else {})}
    response = registry.get(
        f"/children/{child_id}/access-log", params=params, headers=as_user("auditor.district")
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_a_read_is_queued_once_and_the_sealer_moves_it_written_once(registry, as_user, register):
    child = register()
    engine = registry.app.state.engine
    _read(registry, as_user, child["id"], times=2)
    # Answered: the entries are committed, in the queue, none in the log yet.
    assert (_count(engine, AccessLogQueued), _count(engine, AccessLogEntry)) == (2, 0)
    assert seal(engine) == 2
    assert (_count(engine, AccessLogQueued), _count(engine, AccessLogEntry)) == (0, 2)
    with Session(engine) as session:
        rows = session.exec(select(AccessLogEntry).order_by(AccessLogEntry.chain_pos)).all()
    assert [r.chain_pos for r in rows] == [1, 2]
    assert rows[0].prev_hash == GENESIS and rows[1].prev_hash == rows[0].hash
    assert rows[1].hash == entry_hash(rows[1], 2, rows[0].hash)


def test_a_page_shows_sealed_and_queued_entries_newest_first(registry, as_user, register):
    child = register()
    engine = registry.app.state.engine
    _read(registry, as_user, child["id"], times=3)
    seal(engine)
    _read(registry, as_user, child["id"], times=2, username="supervisor.110109001001")
    body = _page(registry, as_user, child["id"])
    nodes = [e["node"] for e in body["edges"]]
    assert [n["sealed"] for n in nodes] == [False, False, True, True, True]
    assert [n["actor"] for n in nodes][:2] == ["supervisor.110109001001"] * 2
    seqs = [n["seq"] for n in nodes]
    assert seqs == sorted(seqs, reverse=True)
    # Paging across the two tables, and the numbers stay when the queued ones are sealed.
    first = _page(registry, as_user, child["id"], first=2)
    rest = _page(registry, as_user, child["id"], after=first["pageInfo"]["endCursor"])
    assert [e["node"]["seq"] for e in first["edges"] + rest["edges"]] == seqs
    seal(engine)
    after = [e["node"] for e in _page(registry, as_user, child["id"])["edges"]]
    assert [n["seq"] for n in after] == seqs and all(n["sealed"] for n in after)


def test_numbers_are_never_reused_once_the_queue_is_drained(registry, as_user, register):
    child = register()
    engine = registry.app.state.engine
    _read(registry, as_user, child["id"], times=2)
    seal(engine)
    _read(registry, as_user, child["id"])
    seal(engine)
    with Session(engine) as session:
        seqs = session.exec(select(AccessLogEntry.seq).order_by(AccessLogEntry.chain_pos)).all()
    assert len(set(seqs)) == 3 and seqs == sorted(seqs)
    assert verify(engine).intact


def test_the_queue_refuses_edits_and_losing_an_unsealed_entry(registry, as_user, register):
    child = register()
    _read(registry, as_user, child["id"])
    engine = registry.app.state.engine
    for sql in (
        "UPDATE access_log_queue SET actor = 'someone.else'",
        "DELETE FROM access_log_queue",
    ):
        with pytest.raises(Exception, match="access_log_queue"), engine.begin() as connection:
            connection.execute(text(sql))
    assert _count(engine, AccessLogQueued) == 1


# ---- on PostgreSQL --------------------------------------------------------------------------


@pytest.fixture
def pg_registry(postgres, verifier) -> Iterator[TestClient]:
    url = postgres.create_database(f"access_{secrets.token_hex(4)}")
    settings = RegistrySettings(database_url=url, run_worker=False)
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


def _register_pg(client, as_user, seq: int = 7) -> str:
    from datetime import date

    body = {
        "name": "王小红",
        "gender": "FEMALE",
        "birthDate": "2013-04-09",
        "idNumber": identity_number(date(2013, 4, 9), male=False, seq=seq),
        "residenceDivisionCode": "110109001001",
    }
    response = client.post("/children", json=body, headers=as_user("clerk.district"))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def test_on_postgresql_reads_meeting_the_sealer_lose_nothing(pg_registry, as_user):
    child_id = _register_pg(pg_registry, as_user)
    engine = pg_registry.app.state.engine
    stop = threading.Event()
    sealed: list[int] = []

    def sealer() -> None:
        while not stop.is_set():
            sealed.append(seal(engine))

    thread = threading.Thread(target=sealer)
    thread.start()
    try:
        _read(pg_registry, as_user, child_id, times=60)
    finally:
        stop.set()
        thread.join()
    while seal(engine):
        pass
    report = verify(engine)
    assert (report.intact, report.sealed, report.unsealed) == (True, 60, 0)
    assert _count(engine, AccessLogQueued) == 0
    nodes = [e["node"] for e in _page(pg_registry, as_user, child_id, first=100)["edges"]]
    assert len(nodes) == 60 and all(n["sealed"] for n in nodes)


def test_on_postgresql_the_log_and_the_queue_refuse_changes(pg_registry, as_user):
    child_id = _register_pg(pg_registry, as_user)
    engine = pg_registry.app.state.engine
    _read(pg_registry, as_user, child_id, times=2)
    seal(engine)
    _read(pg_registry, as_user, child_id)
    for sql, match in (
        ("UPDATE access_log SET actor = 'x'", "append-only"),
        ("DELETE FROM access_log", "append-only"),
        ("UPDATE access_log_queue SET actor = 'x'", "append-only"),
        ("DELETE FROM access_log_queue", "only sealed"),
    ):
        with pytest.raises(Exception, match=match), engine.begin() as connection:
            connection.execute(text(sql))
    assert seal(engine) == 1
    assert verify(engine).intact


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_the_migration_keeps_the_log_and_queues_what_was_unsealed(
    dialect, postgres_or_sqlite, request
):
    url = postgres_or_sqlite(dialect)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "0002")
    engine = make_engine(url)
    columns = "(at, child_id, actor, actor_roles, parts, operation, chain_pos, prev_hash, hash)"
    with engine.begin() as connection:
        for n in range(1, 6):
            connection.execute(
                text(
                    f"INSERT INTO access_log {columns} VALUES "
                    "(:at, :child, 'worker', 'r', 'identity', 'op', NULL, '', '')"
                ),
                {"at": f"2024-05-01T08:00:0{n}Z", "child": f"c{n % 2}"},
            )
    # Sealed the old way (UPDATE in place) for the first three; two left unsealed.
    with Session(engine) as session:
        prev, rows = GENESIS, session.exec(select(AccessLogEntry).order_by(AccessLogEntry.seq))
        for position, entry in enumerate(list(rows)[:3], start=1):
            entry.chain_pos, entry.prev_hash = position, prev
            entry.hash = prev = entry_hash(entry, position, prev)
            session.add(entry)
        session.commit()
    engine.dispose()
    command.upgrade(config, "head")
    engine = make_engine(url)
    report = verify(engine)
    assert (report.intact, report.sealed, report.unsealed) == (True, 3, 2)
    assert seal(engine) == 2
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO access_log_queue (at, child_id, actor, actor_roles, parts, operation)"
                " VALUES ('2024-05-02T00:00:00Z', 'c9', 'w', 'r', 'p', 'o')"
            )
        )
    assert seal(engine) == 1
    with Session(engine) as session:
        seqs = session.exec(select(AccessLogEntry.seq).order_by(AccessLogEntry.chain_pos)).all()
    assert seqs == [1, 2, 3, 4, 5, 6]
    report = verify(engine)
    assert (report.intact, report.sealed, report.unsealed) == (True, 6, 0)
    engine.dispose()
    command.downgrade(config, "0002")
    command.upgrade(config, "head")
    assert verify(make_engine(url)).intact


@pytest.fixture
def postgres_or_sqlite(tmp_path, request):
    def url(dialect: str) -> str:
        if dialect == "sqlite":
            return f"sqlite:///{tmp_path / 'registry.db'}"
        postgres = request.getfixturevalue("postgres")
        return str(postgres.create_database(f"access_mig_{secrets.token_hex(4)}"))

    return url

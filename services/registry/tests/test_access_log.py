"""The access log: every read kept, sealed into a hash chain, and any tampering found."""

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from shouhu.registry.access import __main__ as cli
from shouhu.registry.access.service import seal, verify
from shouhu.registry.models import AccessLogEntry


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

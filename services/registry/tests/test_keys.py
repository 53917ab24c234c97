"""The data key's rotation: a key ring for reads and look-ups, and the re-encryption command."""

import csv
import io
import secrets
import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from shouhu.platform import rekey
from shouhu.platform.db import make_engine
from shouhu.platform.identity import IdentityKeys, KeyRing, KeyUnavailable
from shouhu.platform.testing import identity_number
from shouhu.registry.app import create_app
from shouhu.registry.keys import CHILD
from shouhu.registry.keys import __main__ as command
from shouhu.registry.ledger import columns
from shouhu.registry.models import Child
from shouhu.registry.settings import RegistrySettings

# Two data keys of 48 random bytes, as `openssl rand -base64 48` makes them.
KEY_A = "b0xdQ2Ol8ZkqzVvO2cQbF0cY9S0TqzjHq3k2jv9bq6G4Ww8oF3m5wQ2x7y4D1kPa"
KEY_B = "Zm9yIHRoZSB0ZXN0cyBvbmx5OiBhIHNlY29uZCBkYXRhIGtleSBvZiA0OCBieXRlcw=="
A = IdentityKeys.from_secret(KEY_A).key_id
B = IdentityKeys.from_secret(KEY_B).key_id
VILLAGE = "110109001001"
BIRTH = date(2013, 4, 9)
CLERK = "clerk.district"


def _number(seq: int) -> str:
    return identity_number(BIRTH, male=False, seq=seq)


def _register(client: TestClient, as_user, seq: int, *, number: bool = True) -> str:
    body = {
        "name": f"王小{'红橙黄绿青蓝紫'[seq % 7]}",
        "gender": "FEMALE",
        "birthDate": BIRTH.isoformat(),
        "residenceDivisionCode": VILLAGE,
    }
    if number:
        body["idNumber"] = _number(seq)
    response = client.post("/children", json=body, headers=as_user(CLERK))
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def _keys_by_child(client: TestClient) -> dict[str, str | None]:
    with Session(client.app.state.engine) as session:
        return {c.id: c.id_number_key_id for c in session.exec(select(Child))}


def _reads_every_number(client: TestClient, as_user, numbers: dict[str, str]) -> None:
    """Each file shows its number, and is found by it, by lookup and by search."""
    for child_id, number in numbers.items():
        got = client.get(f"/children/{child_id}", headers=as_user(CLERK))
        assert got.status_code == 200, got.text
        assert got.json()["idNumber"] == number
        found = client.post("/children/lookup", json={"idNumber": number}, headers=as_user(CLERK))
        assert found.status_code == 200, found.text
        assert found.json()["id"] == child_id
        page = client.post(
            "/children/search", json={"filter": {"idNumber": number}}, headers=as_user(CLERK)
        ).json()
        assert [e["node"]["id"] for e in page["edges"]] == [child_id]


@contextmanager
def _client(url: str, verifier, key: str, previous: list[str]) -> Iterator[TestClient]:
    settings = RegistrySettings(
        database_url=url, run_worker=False, data_key=key, previous_data_keys=previous
    )
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


@pytest.fixture
def sqlite_url(tmp_path, migrated) -> str:
    database = tmp_path / "registry.db"
    shutil.copyfile(migrated, database)
    return f"sqlite:///{database}"


@pytest.fixture
def pg_url(postgres) -> str:
    return str(postgres.create_database(f"keys_{secrets.token_hex(4)}"))


# ---- the ring in the service (SQLite) --------------------------------------------------------


def test_files_under_the_previous_key_are_read_and_found_by_number(sqlite_url, verifier, as_user):
    with _client(sqlite_url, verifier, KEY_A, []) as old:
        ids = {_register(old, as_user, seq): _number(seq) for seq in (1, 2)}
    with _client(sqlite_url, verifier, KEY_B, [KEY_A]) as rotated:
        _reads_every_number(rotated, as_user, ids)
        new = _register(rotated, as_user, 3)
        assert _keys_by_child(rotated) == {**dict.fromkeys(ids, A), new: B}
        _reads_every_number(rotated, as_user, {new: _number(3)})


def test_a_number_under_the_previous_key_is_still_a_duplicate(sqlite_url, verifier, as_user):
    with _client(sqlite_url, verifier, KEY_A, []) as old:
        first = _register(old, as_user, 1)
    with _client(sqlite_url, verifier, KEY_B, [KEY_A]) as rotated:
        body = {
            "name": "李小明",
            "gender": "FEMALE",
            "birthDate": BIRTH.isoformat(),
            "idNumber": _number(1),
            "residenceDivisionCode": VILLAGE,
        }
        again = rotated.post("/children", json=body, headers=as_user(CLERK))
        assert again.status_code == 409, again.text
        assert (again.json()["code"], again.json()["existingId"]) == ("DUPLICATE", first)
        other = _register(rotated, as_user, 2)
        changed = rotated.patch(
            f"/children/{other}",
            params={"version": 1},
            json={"idNumber": _number(1), "reason": "更正"},
            headers=as_user(CLERK),
        )
        assert changed.status_code == 409, changed.text
        assert changed.json()["existingId"] == first
        ledger = _ledger([_number(1), _number(3)])
        report = rotated.post(
            "/imports",
            files={"file": ("台账.csv", ledger, "application/octet-stream")},
            data={"mode": "VALID_ROWS"},
            headers=as_user(CLERK),
        ).json()
        assert (report["importedRows"], report["skippedRows"]) == (1, 1), report
        assert Counter(_keys_by_child(rotated).values()) == {A: 1, B: 2}


def test_changing_a_file_under_the_previous_key_seals_it_under_the_current(
    sqlite_url, verifier, as_user
):
    with _client(sqlite_url, verifier, KEY_A, []) as old:
        child = _register(old, as_user, 1)
    with _client(sqlite_url, verifier, KEY_B, [KEY_A]) as rotated:
        changed = rotated.patch(
            f"/children/{child}",
            params={"version": 1},
            json={"school": "大峪小学", "reason": "转学"},
            headers=as_user(CLERK),
        )
        assert changed.status_code == 200, changed.text
        assert _keys_by_child(rotated) == {child: B}
        _reads_every_number(rotated, as_user, {child: _number(1)})


def test_a_key_the_ring_lacks_is_a_clear_error_and_a_log_line(
    sqlite_url, verifier, as_user, caplog
):
    with _client(sqlite_url, verifier, KEY_A, []) as old:
        child = _register(old, as_user, 1)
    with _client(sqlite_url, verifier, KEY_B, []) as forgot:
        got = forgot.get(f"/children/{child}", headers=as_user(CLERK))
    assert got.status_code == 500
    assert got.json() == {"code": "INTERNAL", "message": KeyUnavailable.default_message}
    assert A not in got.text
    assert f"key id {A}" in caplog.text


def _ledger(numbers: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns.NAMES)
    for seq, number in enumerate(numbers):
        cells = {
            "姓名": f"张{'一二三四五'[seq]}",
            "性别": "女",
            "出生日期": BIRTH.isoformat(),
            "身份证号": number,
            "居住地区划代码": VILLAGE,
        }
        writer.writerow([cells.get(name, "") for name in columns.NAMES])
    return out.getvalue().encode("utf-8-sig")


# ---- the command (PostgreSQL) ----------------------------------------------------------------


def _by_key(engine) -> dict[str | None, int]:
    with Session(engine) as session:
        return rekey.count_by_key(session, CHILD)


def test_on_postgresql_reencrypt_moves_every_number_and_resumes(pg_url, verifier, as_user):
    with _client(pg_url, verifier, KEY_A, []) as old:
        numbers = {_register(old, as_user, seq): _number(seq) for seq in (1, 2, 3, 4)}
        _register(old, as_user, 5, number=False)
    ring = KeyRing.from_secrets(KEY_B, [KEY_A])
    engine = make_engine(pg_url)
    try:
        with _client(pg_url, verifier, KEY_B, [KEY_A]) as rotated:
            _reads_every_number(rotated, as_user, numbers)  # before any re-encryption
        assert _by_key(engine) == {A: 4}

        # Stopped after one batch of one file: that one is done, the rest untouched.
        seen: list[int] = []
        first = rekey.reencrypt(
            engine,
            ring,
            CHILD,
            batch_size=1,
            max_batches=1,
            on_batch=lambda p: seen.append(p.resealed),
        )
        assert (first.batches, first.resealed, seen) == (1, 1, [1])
        assert _by_key(engine) == {A: 3, B: 1}

        # A crash in the second batch: the first one's transaction stands, the second's not.
        calls = 0
        real = rekey.reseal

        def failing(*args, **kwargs):
            nonlocal calls
            calls += 1
            if calls == 2:
                raise RuntimeError("the process dies")
            return real(*args, **kwargs)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(rekey, "reseal", failing)
            with pytest.raises(RuntimeError):
                rekey.reencrypt(engine, ring, CHILD, batch_size=1)
        assert _by_key(engine) == {A: 2, B: 2}

        # Run again: it finds what is left, and a further run has nothing to do.
        rest = rekey.reencrypt(engine, ring, CHILD, batch_size=1)
        assert (rest.resealed, rest.batches) == (2, 2)
        assert _by_key(engine) == {B: 4}
        assert rekey.remaining(engine, ring, CHILD) == {}
        assert rekey.reencrypt(engine, ring, CHILD).resealed == 0
        with Session(engine) as session:
            # Nobody's edit conflicts with the rotation: versions are untouched.
            assert {c.version for c in session.exec(select(Child))} == {1}
    finally:
        engine.dispose()

    with _client(pg_url, verifier, KEY_B, []) as current_only:
        _reads_every_number(current_only, as_user, numbers)


def test_on_postgresql_reencrypt_leaves_what_it_cannot_move(pg_url, verifier, as_user):
    with _client(pg_url, verifier, KEY_A, []) as old:
        under_a = _register(old, as_user, 1)
        stale = _register(old, as_user, 2)
    engine = make_engine(pg_url)
    try:
        with Session(engine) as session:
            # The same number opened under B by a replica whose duplicate check saw only B,
            # and a file under a key nobody configured.
            twin = session.exec(select(Child).where(Child.id == under_a)).one()
            copy = Child.model_validate(twin.model_dump() | {"id": "ffffffff-twin"})
            sealed = KeyRing.from_secrets(KEY_B).seal(_number(1))
            for column, value in sealed.columns().items():
                setattr(copy, column, value)
            session.add(copy)
            session.commit()
        lost = IdentityKeys.from_secret("a key nobody kept")
        with Session(engine) as session:
            stranger = session.exec(select(Child).where(Child.id == stale)).one()
            stranger.id_number_cipher = lost.encrypt(_number(2))
            stranger.id_number_key_id = lost.key_id
            session.add(stranger)
            session.commit()
        ring = KeyRing.from_secrets(KEY_B, [KEY_A])
        progress = rekey.reencrypt(engine, ring, CHILD, batch_size=1)
        assert progress.resealed == 0
        assert progress.duplicates == [(under_a, "ffffffff-twin")]
        assert progress.unknown_keys == {lost.key_id: 1}
        assert rekey.remaining(engine, ring, CHILD) == {A: 1, lost.key_id: 1}

        # A request that rewrote the number since it was read wins over the rotation.
        with Session(engine) as session:
            row = session.exec(select(Child).where(Child.id == under_a)).one()
            assert not rekey.reseal(session, CHILD, under_a, "not what is stored", ring.seal("x"))
            session.commit()
            session.refresh(row)
            assert row.id_number_key_id == A
    finally:
        engine.dispose()


def test_on_postgresql_the_command_reports_and_resumes(
    pg_url, verifier, as_user, monkeypatch, capsys
):
    with _client(pg_url, verifier, KEY_A, []) as old:
        for seq in (1, 2, 3):
            _register(old, as_user, seq)
    monkeypatch.setenv("SHOUHU_DATABASE_URL", pg_url)
    monkeypatch.setenv("SHOUHU_DATA_KEY", KEY_B)
    monkeypatch.setenv("SHOUHU_PREVIOUS_DATA_KEYS", f'["{KEY_A}"]')
    assert command.main(["keys", "status"]) == 1
    assert f"3 条仍使用旧密钥 {A}" in capsys.readouterr().out
    assert command.main(["keys", "reencrypt", "--batch-size", "2", "--max-batches", "1"]) == 1
    out = capsys.readouterr().out
    assert "第 1 批完成：已重新加密 2 条" in out and f"1 条仍使用旧密钥 {A}" in out
    assert command.main(["keys", "reencrypt"]) == 0
    out = capsys.readouterr().out
    assert "本次重新加密 1 条" in out and "可从 SHOUHU_PREVIOUS_DATA_KEYS 中移除旧密钥" in out
    monkeypatch.setenv("SHOUHU_PREVIOUS_DATA_KEYS", "[]")
    assert command.main(["keys", "status"]) == 0

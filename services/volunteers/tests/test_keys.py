"""The data key's rotation for volunteers: read and matched under a previous key, then moved to
the current one by `python -m shouhu.volunteers.keys`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from shouhu.platform import rekey
from shouhu.platform.identity import IdentityKeys, KeyRing
from shouhu.platform.testing import identity_number
from shouhu.volunteers.app import create_app
from shouhu.volunteers.keys import VOLUNTEER
from shouhu.volunteers.keys import __main__ as command
from shouhu.volunteers.models import Volunteer
from shouhu.volunteers.settings import VolunteersSettings

# Two data keys of 48 random bytes, as `openssl rand -base64 48` makes them.
KEY_A = "b0xdQ2Ol8ZkqzVvO2cQbF0cY9S0TqzjHq3k2jv9bq6G4Ww8oF3m5wQ2x7y4D1kPa"
KEY_B = "Zm9yIHRoZSB0ZXN0cyBvbmx5OiBhIHNlY29uZCBkYXRhIGtleSBvZiA0OCBieXRlcw=="
A = IdentityKeys.from_secret(KEY_A).key_id
B = IdentityKeys.from_secret(KEY_B).key_id
LEAGUE = "youthleague.district"


@contextmanager
def _client(url: str, verifier, key: str, previous: list[str]) -> Iterator[TestClient]:
    settings = VolunteersSettings(
        database_url=url, run_worker=False, data_key=key, previous_data_keys=previous
    )
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


def _body(seq: int) -> dict[str, object]:
    return {
        "name": "钥志愿",
        "idNumber": identity_number(date(1980, 6, 1), male=True, seq=seq),
        "phone": "13012345678",
        "skills": ["MEDICAL"],
        "divisionCode": "110109001",
    }


def _key_ids(client: TestClient) -> list[str]:
    with Session(client.app.state.engine) as session:
        return sorted(v.id_number_key_id for v in session.exec(select(Volunteer)))


def test_numbers_under_the_previous_key_are_read_matched_and_moved(
    tmp_path, verifier, as_user, monkeypatch, capsys
):
    url = f"sqlite:///{tmp_path / 'volunteers.db'}"
    with _client(url, verifier, KEY_A, []) as old:
        ids = [
            old.post("/volunteers", json=_body(s), headers=as_user(LEAGUE)).json()["id"]
            for s in (1, 2, 3)
        ]
    with _client(url, verifier, KEY_B, [KEY_A]) as rotated:
        read = rotated.get(f"/volunteers/{ids[0]}", headers=as_user(LEAGUE))
        assert read.status_code == 200 and read.json()["idNumber"] == "110109************"
        again = rotated.post("/volunteers", json=_body(2), headers=as_user(LEAGUE))
        assert again.json()["code"] == "DUPLICATE" and again.json()["existingId"] == ids[1]
        assert rekey.remaining(
            rotated.app.state.engine, KeyRing.from_secrets(KEY_B, [KEY_A]), VOLUNTEER
        ) == {A: 3}
    monkeypatch.setenv("SHOUHU_DATABASE_URL", url)
    monkeypatch.setenv("SHOUHU_DATA_KEY", KEY_B)
    monkeypatch.setenv("SHOUHU_PREVIOUS_DATA_KEYS", f'["{KEY_A}"]')
    assert command.main(["keys", "status"]) == 1
    assert f"3 条仍使用旧密钥 {A}" in capsys.readouterr().out
    assert command.main(["keys", "reencrypt", "--batch-size", "2"]) == 0
    out = capsys.readouterr().out
    assert "第 1 批完成：已重新加密 2 条，进行到志愿者" in out and "本次重新加密 3 条" in out
    monkeypatch.setenv("SHOUHU_PREVIOUS_DATA_KEYS", "[]")
    assert command.main(["keys", "status"]) == 0
    with _client(url, verifier, KEY_B, []) as current:
        assert _key_ids(current) == [B, B, B]
        again = current.post("/volunteers", json=_body(3), headers=as_user(LEAGUE))
        assert again.json()["code"] == "DUPLICATE" and again.json()["existingId"] == ids[2]
        assert current.get(f"/volunteers/{ids[2]}", headers=as_user(LEAGUE)).status_code == 200

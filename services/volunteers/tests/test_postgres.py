"""The same rules on PostgreSQL: the migration, the unique lookup hash, the vetted filter."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from shouhu.platform.clock import today
from shouhu.platform.testing import identity_number
from shouhu.volunteers.app import create_app
from shouhu.volunteers.settings import VolunteersSettings
from shouhu.volunteers.vetting import rules
from shouhu.volunteers.vetting.service import checks_ending

LEAGUE = "youthleague.district"


@pytest.fixture
def on_postgres(postgres, verifier) -> Iterator[TestClient]:
    url = str(postgres.create_database(f"volunteers_{secrets.token_hex(4)}"))
    settings = VolunteersSettings(database_url=url, run_worker=False, demo_data=True)
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


def test_register_vet_and_list_on_postgresql(on_postgres, as_user):
    client, headers = on_postgres, as_user(LEAGUE)
    numbers = [identity_number(date(1991, 2, 3), male=True, seq=s) for s in (1, 2)]
    ids = []
    for number in numbers:
        body = {
            "name": "柏志愿",
            "idNumber": number,
            "phone": "13312345678",
            "skills": ["ARTS"],
            "divisionCode": "110109001001",
            "serviceArea": ["110109001001", "110109001"],
        }
        made = client.post("/volunteers", json=body, headers=headers)
        assert made.status_code == 201, made.text
        ids.append(made.json()["id"])
    again = client.post("/volunteers", json={**body, "name": "重复"}, headers=headers)
    assert again.json()["code"] == "DUPLICATE" and again.json()["existingId"] == ids[1]
    day = today() - timedelta(days=1)
    for kind in ("MINOR_PROTECTION_RECORD_CHECK", "TRAINING"):
        check = {"kind": kind, "passed": True, "checkedOn": day.isoformat()}
        assert client.post(f"/volunteers/{ids[0]}/vettings", json=check, headers=headers).json()
    for vetted, expected in ((True, [ids[0]]), (False, [ids[1]]), (None, ids[::-1])):
        params = {"divisionCode": "110109001", **({"vetted": vetted} if vetted is not None else {})}
        page = client.get("/volunteers", params=params, headers=headers).json()
        assert [e["node"]["id"] for e in page["edges"]] == expected, vetted
    with Session(client.app.state.engine) as session:
        ran_out = checks_ending(session, rules.load().valid_until(day) + timedelta(days=1))
    assert [v.id for v in ran_out.expired] == [ids[0]]

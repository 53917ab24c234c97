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


def test_activity_hours_and_stars_on_postgresql(on_postgres, as_user):
    """The `on` columns (a reserved word), the day's sum and the grouped totals in PostgreSQL."""
    client, headers = on_postgres, as_user(LEAGUE)
    body = {
        "name": "柏时长",
        "idNumber": identity_number(date(1989, 4, 5), male=False, seq=7),
        "phone": "13312345678",
        "skills": ["TUTORING"],
        "divisionCode": "110109001001",
    }
    vid = client.post("/volunteers", json=body, headers=headers).json()["id"]
    for kind in ("MINOR_PROTECTION_RECORD_CHECK", "TRAINING"):
        check = {"kind": kind, "passed": True, "checkedOn": today().isoformat()}
        client.post(f"/volunteers/{vid}/vettings", json=check, headers=headers)
    activity = {
        "kind": "FAMILY_REUNION",
        "title": "亲情团聚",
        "divisionCode": "110109",
        "on": today().isoformat(),
        "capacity": 3,
    }
    act = client.post("/activities", json=activity, headers=headers).json()
    client.post(f"/activities/{act['id']}/sign-ups", json={"volunteerIds": [vid]}, headers=headers)
    came = {"volunteerIds": [vid], "childrenAttended": 2}
    assert client.post(f"/activities/{act['id']}/attendance", json=came, headers=headers).json()[
        "volunteers"
    ][0]["attended"]
    at = {"hours": 20, "on": today().isoformat(), "activityId": act["id"]}
    assert client.post(f"/volunteers/{vid}/hours", json=at, headers=headers).status_code == 201
    over = {"hours": 5, "on": today().isoformat()}
    assert client.post(f"/volunteers/{vid}/hours", json=over, headers=headers).status_code == 422
    for back in range(1, 5):
        visit = {"hours": 20, "on": (today() - timedelta(days=back)).isoformat()}
        assert (
            client.post(f"/volunteers/{vid}/hours", json=visit, headers=headers).status_code == 201
        )
    for record in client.get(f"/volunteers/{vid}/hours", headers=headers).json():
        client.post(f"/hours/{record['id']}/decision", json={}, headers=headers)
    page = client.get("/volunteers", params={"divisionCode": "110109"}, headers=headers).json()
    (node,) = [e["node"] for e in page["edges"] if e["node"]["id"] == vid]
    assert (node["totalHours"], node["starLevel"]) == (100, 1)
    listed = client.get("/activities", params={"divisionCode": "110109001"}, headers=headers)
    assert [a["id"] for a in listed.json()] == [act["id"]]


def test_suggestions_by_the_areas_index_and_the_load_on_postgresql(on_postgres, as_user):
    """The LATERAL look-up by key and the range of the town's codes are PostgreSQL's own path."""
    import uuid

    from shouhu.platform.events import Envelope
    from shouhu.platform.transport import Message
    from shouhu.platform.worker import EventConsumer
    from shouhu.volunteers.app import REGISTRY_HANDLERS

    client, headers = on_postgres, as_user(LEAGUE)
    consumer = EventConsumer("volunteers", client.app.state.engine, REGISTRY_HANDLERS)

    def child(village: str) -> str:
        child_id = str(uuid.uuid4())
        data = {
            "childId": child_id,
            "name": "张小明",
            "gender": "MALE",
            "birthDate": "2015-04-01",
            "residenceDivisionCode": village,
            "townDivisionCode": village[:9],
            "registeredBy": "clerk.district",
        }
        envelope = Envelope(
            type="registry.child.registered", source="registry", subject=child_id, data=data
        )
        consumer.handle(Message(topic="shouhu.registry", key=child_id, value=envelope.to_bytes()))
        return child_id

    def volunteer(seq: int, village: str, area: list[str]) -> str:
        body = {
            "name": f"柏{seq}",
            "idNumber": identity_number(date(1990, 1, 2), male=True, seq=seq),
            "phone": "13312345678",
            "skills": ["TUTORING"],
            "divisionCode": village,
            "serviceArea": area,
        }
        vid = str(client.post("/volunteers", json=body, headers=headers).json()["id"])
        for kind in ("MINOR_PROTECTION_RECORD_CHECK", "TRAINING"):
            check = {"kind": kind, "passed": True, "checkedOn": today().isoformat()}
            client.post(f"/volunteers/{vid}/vettings", json=check, headers=headers)
        return vid

    kid = child("110109001001")
    near = volunteer(11, "110109001001", ["110109001001"])
    town = volunteer(12, "110109001002", ["110109001"])
    district = volunteer(13, "110109101001", ["110109"])
    volunteer(14, "110109001002", ["110109001002"])  # another village of the town only
    volunteer(15, "110109101001", ["110109101"])  # another town
    path = f"/children/{kid}/volunteer-suggestions"
    found = client.get(path, headers=headers).json()["suggestions"]
    assert [s["volunteer"]["id"] for s in found] == [near, town, district]
    for _ in range(3):
        body = {"volunteerId": near, "childId": child("110109001001")}
        made = client.post("/pairings", json=body, headers=headers)
        assert made.status_code == 201, made.text
    found = client.get(path, headers=headers).json()["suggestions"]
    assert [s["volunteer"]["id"] for s in found] == [town, district]  # near is at the limit
    client.post(f"/pairings/{made.json()['id']}/end", json={"reason": "结束"}, headers=headers)
    found = client.get(path, headers=headers).json()["suggestions"]
    assert found[0]["volunteer"]["id"] == near
    assert "当前结对2名儿童（上限3名）" in found[0]["reasons"]

"""Caring families: registered masked, assessed by civil affairs, linked to a child with an event
carrying the plan's measure; refusals write nothing."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlmodel import Session, select

from shouhu.platform.clock import today
from shouhu.platform.testing import identity_number
from shouhu.volunteers.models import CaringFamily, CaringFamilyLink

CIVIL = "admin.district"
WORKER = "worker.110109001"
OTHER_WORKER = "worker.110109101"
LEAGUE = "youthleague.district"
VILLAGE = "110109001001"


def family_body(number: str, **extra):
    return {
        "kind": "FOSTER",
        "headName": "李爱心",
        "idNumber": number,
        "mobile": "13812340001",
        "divisionCode": VILLAGE,
        "address": "门头沟区大峪街道某社区1号",
        **extra,
    }


def counts(client) -> tuple[int, int]:
    with Session(client.app.state.engine) as session:
        return (
            len(session.exec(select(CaringFamily.id)).all()),
            len(session.exec(select(CaringFamilyLink.id)).all()),
        )


def register(client, as_user, seq: int = 3, user: str = CIVIL, **extra):
    number = identity_number(date(1980, 3, 2), male=True, seq=seq)
    return number, client.post(
        "/caring-families", json=family_body(number, **extra), headers=as_user(user)
    )


def approve(client, as_user, made, approved: bool = True):
    return client.post(
        f"/caring-families/{made['id']}/assessment",
        params={"version": made["version"]},
        json={"assessedOn": today().isoformat(), "approved": approved, "note": "入户评估合格"},
        headers=as_user(CIVIL),
    )


def test_civil_affairs_registers_assesses_and_links_a_family(volunteers, as_user, store):
    number, made = register(volunteers, as_user)
    assert made.status_code == 201, made.text
    family = made.json()
    assert family["idNumber"] == "110109************" and number not in made.text
    assert family["status"] == "PENDING" and family["mobile"] == "13812340001"
    child = str(uuid.uuid4())
    link = {"childId": child, "startsOn": today().isoformat()}
    early = volunteers.post(
        f"/caring-families/{family['id']}/links", json=link, headers=as_user(CIVIL)
    )
    assert early.status_code == 422 and "familyId" in early.json()["fields"]
    approved = approve(volunteers, as_user, family)
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "APPROVED"
    assert approved.json()["approvedBy"] == CIVIL
    until = (today() + timedelta(days=365)).isoformat()
    linked = volunteers.post(
        f"/caring-families/{family['id']}/links",
        json={**link, "until": until},
        headers=as_user(CIVIL),
    )
    assert linked.status_code == 200, linked.text
    (out,) = linked.json()["links"]
    assert out["childId"] == child and out["active"] is True
    (event,) = store.events("volunteers.caring_family.linked")
    assert event["childId"] == child and event["kind"] == "FOSTER"
    measure = event["planMeasure"]
    assert measure["department"] == "CIVIL_AFFAIRS" and measure["kind"] == "家庭寄养"
    assert measure["status"] == "IN_PROGRESS" and measure["dueDate"] == until
    assert "李爱心家庭" in measure["description"]
    assert not any(number in raw for raw in store.raw_events())

    again = volunteers.post(
        f"/caring-families/{family['id']}/links", json=link, headers=as_user(CIVIL)
    )
    assert again.status_code == 409 and again.json()["code"] == "DUPLICATE"
    ended = volunteers.post(
        f"/caring-family-links/{out['id']}/end",
        json={"endedOn": today().isoformat(), "reason": "儿童回归家庭"},
        headers=as_user(CIVIL),
    )
    assert ended.status_code == 200, ended.text
    assert ended.json()["links"][0]["active"] is False
    (gone,) = store.events("volunteers.caring_family.unlinked")
    assert gone["planMeasure"]["status"] == "DONE"
    assert gone["planMeasure"]["sourceRef"] == measure["sourceRef"]


def test_the_town_worker_reads_masked_and_may_not_write(volunteers, as_user):
    _, made = register(volunteers, as_user, seq=11)
    family = made.json()
    read = volunteers.get(f"/caring-families/{family['id']}", headers=as_user(WORKER))
    assert read.status_code == 200 and read.json()["mobile"] == "138****0001"
    other = volunteers.get(f"/caring-families/{family['id']}", headers=as_user(OTHER_WORKER))
    assert other.status_code == 403
    listed = volunteers.get(
        "/caring-families", params={"divisionCode": "110109001"}, headers=as_user(WORKER)
    )
    assert [f["id"] for f in listed.json()] == [family["id"]]
    before = counts(volunteers)
    _, refused = register(volunteers, as_user, seq=12, user=WORKER)
    assert refused.status_code == 403
    _, league = register(volunteers, as_user, seq=13, user=LEAGUE)
    assert league.status_code == 403
    assert counts(volunteers) == before


def test_refusals_write_nothing(volunteers, as_user, store):
    number, made = register(volunteers, as_user, seq=21)
    before = counts(volunteers)
    _, twice = register(volunteers, as_user, seq=21)
    assert twice.status_code == 409 and twice.json()["code"] == "DUPLICATE"
    broken = number[:-1] + ("1" if number[-1] == "0" else "0")
    bad = volunteers.post("/caring-families", json=family_body(broken), headers=as_user(CIVIL))
    assert bad.status_code == 422 and "idNumber" in bad.json()["fields"]
    family = approve(volunteers, as_user, made.json()).json()
    backwards = volunteers.post(
        f"/caring-families/{family['id']}/links",
        json={
            "childId": str(uuid.uuid4()),
            "startsOn": today().isoformat(),
            "until": (today() - timedelta(days=1)).isoformat(),
        },
        headers=as_user(CIVIL),
    )
    assert backwards.status_code == 422 and "until" in backwards.json()["fields"]
    not_a_child = volunteers.post(
        f"/caring-families/{family['id']}/links",
        json={"childId": "nobody", "startsOn": today().isoformat()},
        headers=as_user(CIVIL),
    )
    assert not_a_child.status_code == 422 and "childId" in not_a_child.json()["fields"]
    stale = approve(volunteers, as_user, made.json())
    assert stale.status_code == 409
    assert counts(volunteers) == before
    assert store.events("volunteers.caring_family.linked") == []

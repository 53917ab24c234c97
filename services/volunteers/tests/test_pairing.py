"""One-to-one pairing: the children's projection from the registry's events, suggestions ranked
with reasons, pairing refused with the field named, visits, the end, the single window's task,
and the daily vetting job (reminders, expiries suspending pairings)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from sqlmodel import Session

from shouhu.platform.auth import Role
from shouhu.platform.clock import today
from shouhu.platform.events import Envelope
from shouhu.platform.idp import DemoUser
from shouhu.platform.testing import identity_number
from shouhu.platform.transport import Message
from shouhu.platform.worker import EventConsumer
from shouhu.volunteers.app import REGISTRY_HANDLERS
from shouhu.volunteers.models import Vetting
from shouhu.volunteers.pairing import jobs
from shouhu.volunteers.pairing.rules import load
from shouhu.volunteers.vetting import rules as vetting_rules

LEAGUE = "youthleague.district"
CHECK = "MINOR_PROTECTION_RECORD_CHECK"
VILLAGE = "110109001001"
SAME_TOWN_VILLAGE = "110109001002"
OTHER_TOWN_VILLAGE = "110109101001"


class Registry:
    """The registry's events delivered through the real consumer (inbox included)."""

    def __init__(self, client: Any) -> None:
        self.consumer = EventConsumer("volunteers", client.app.state.engine, REGISTRY_HANDLERS)

    def deliver(self, event_type: str, subject: str, data: dict[str, Any]) -> None:
        envelope = Envelope(type=event_type, source="registry", subject=subject, data=data)
        self.consumer.handle(
            Message(topic="shouhu.registry", key=subject, value=envelope.to_bytes())
        )

    def child(self, village: str = VILLAGE, name: str = "张小明") -> str:
        child_id = str(uuid.uuid4())
        self.deliver(
            "registry.child.registered",
            child_id,
            {
                "childId": child_id,
                "name": name,
                "gender": "MALE",
                "birthDate": "2015-04-01",
                "residenceDivisionCode": village,
                "townDivisionCode": village[:9],
                "registeredBy": "clerk.district",
            },
        )
        return child_id

    def task(self, child_id: str, *, need: str, department: str, note: str | None = None) -> str:
        task_id = str(uuid.uuid4())
        self.deliver(
            "registry.intake.task_created",
            child_id,
            {
                "taskId": task_id,
                "intakeId": "intake-1",
                "receiptNumber": "MTG-2026-000001",
                "childId": child_id,
                "divisionCode": VILLAGE,
                "department": department,
                "need": need,
                "status": "PENDING",
                "dueAt": None,
                "actor": "clerk.110109001",
                "at": "2026-12-01T02:00:00Z",
                "note": note,
                "clerk": "clerk.110109001",
                "applicantPhone": "13800000000",
            },
        )
        return task_id


@pytest.fixture
def registry(volunteers) -> Registry:
    return Registry(volunteers)


_seq = iter(range(100, 999))


def volunteer(
    client: Any,
    as_user: Any,
    *,
    skills: list[str],
    village: str = VILLAGE,
    area: list[str] | None = None,
    born: date = date(1990, 5, 1),
    vetted: bool = True,
    name: str = "李志愿",
) -> str:
    body: dict[str, Any] = {
        "name": name,
        "idNumber": identity_number(born, male=True, seq=next(_seq)),
        "phone": "13712345678",
        "skills": skills,
        "divisionCode": village,
    }
    if area is not None:
        body["serviceArea"] = area
    made = client.post("/volunteers", json=body, headers=as_user(LEAGUE))
    assert made.status_code == 201, made.text
    vid = str(made.json()["id"])
    if vetted:
        vet(client, as_user, vid)
    return vid


def vet(client: Any, as_user: Any, vid: str, on: date | None = None) -> None:
    for kind in (CHECK, "TRAINING"):
        check = {"kind": kind, "passed": True, "checkedOn": (on or today()).isoformat()}
        done = client.post(f"/volunteers/{vid}/vettings", json=check, headers=as_user(LEAGUE))
        assert done.status_code == 201, done.text


def pair(client: Any, as_user: Any, vid: str, child_id: str, user: str = LEAGUE) -> Any:
    body = {"volunteerId": vid, "childId": child_id}
    return client.post("/pairings", json=body, headers=as_user(user))


def suggest(client: Any, as_user: Any, child_id: str, user: str = LEAGUE) -> Any:
    got = client.get(f"/children/{child_id}/volunteer-suggestions", headers=as_user(user))
    assert got.status_code == 200, got.text
    return got.json()


def test_the_file_is_checked_and_needs_are_learned_from_words_and_needs():
    rules = load()
    assert rules.max_children_per_volunteer == 3
    assert rules.needs_of("EDUCATION_AID", None) == ["TUTORING"]
    assert rules.needs_of("VOLUNTEER_PAIRING", "需要学业辅导和心理疏导") == [
        "COMPANIONSHIP",
        "TUTORING",
        "PSYCHOLOGY",
    ]


def test_suggestions_rank_skills_and_nearness_with_reasons(volunteers, as_user, registry):
    child = registry.child()
    registry.task(child, need="VOLUNTEER_PAIRING", department="YOUTH_LEAGUE", note="学业辅导")
    near_tutor = volunteer(volunteers, as_user, skills=["TUTORING"], name="近辅导")
    town_tutor = volunteer(
        volunteers,
        as_user,
        skills=["TUTORING"],
        village=SAME_TOWN_VILLAGE,
        area=[SAME_TOWN_VILLAGE[:9]],
        name="镇辅导",
    )
    # Lives in the town but serves only their own village: not suggested.
    volunteer(volunteers, as_user, skills=["TUTORING"], village=SAME_TOWN_VILLAGE)
    near_sports = volunteer(volunteers, as_user, skills=["SPORTS"], name="近体育")
    volunteer(volunteers, as_user, skills=["TUTORING"], village=OTHER_TOWN_VILLAGE)  # not here
    volunteer(volunteers, as_user, skills=["TUTORING"], vetted=False)  # not vetted
    minor = date(today().year - 17, 1, 1)
    volunteer(volunteers, as_user, skills=["TUTORING"], born=minor)  # not an adult
    got = suggest(volunteers, as_user, child)
    assert got["needs"] == ["COMPANIONSHIP", "TUTORING"]
    ids = [s["volunteer"]["id"] for s in got["suggestions"]]
    assert ids == [near_tutor, town_tutor, near_sports]
    top = got["suggestions"][0]
    assert top["reasons"][0] == "擅长学业辅导，符合儿童需求"
    assert top["reasons"][1].startswith("同村")
    assert top["reasons"][2] == "当前结对0名儿童（上限3名）"
    assert top["volunteer"]["idNumber"].endswith("************")
    scores = [s["score"] for s in got["suggestions"]]
    assert scores == sorted(scores, reverse=True)


def test_a_district_wide_volunteer_serves_every_village(volunteers, as_user, registry):
    child = registry.child()
    vid = volunteer(
        volunteers, as_user, skills=["ARTS"], village=OTHER_TOWN_VILLAGE, area=["110109"]
    )
    (only,) = suggest(volunteers, as_user, child)["suggestions"]
    assert only["volunteer"]["id"] == vid and "同区，不在同一乡镇（街道）" in only["reasons"]


def test_pairing_is_refused_with_the_field_named(volunteers, as_user, registry, store):
    child = registry.child()
    unvetted = volunteer(volunteers, as_user, skills=["TUTORING"], vetted=False)
    refused = pair(volunteers, as_user, unvetted, child)
    assert refused.status_code == 422
    body = refused.json()
    assert body["code"] == "VALIDATION_FAILED" and "审核" in body["fields"]["volunteerId"]
    minor = volunteer(volunteers, as_user, skills=["TUTORING"], born=date(today().year - 17, 1, 1))
    assert "18" in pair(volunteers, as_user, minor, child).json()["fields"]["volunteerId"]
    missing = pair(volunteers, as_user, unvetted, str(uuid.uuid4()))
    assert "childId" in missing.json()["fields"]
    busy = volunteer(volunteers, as_user, skills=["TUTORING"])
    for _ in range(3):
        assert pair(volunteers, as_user, busy, registry.child()).status_code == 201
    over = pair(volunteers, as_user, busy, child).json()
    assert over["fields"]["volunteerId"] == "该志愿者已结对3名儿童，达到上限3名"
    assert len(store.events("volunteers.pairing.started")) == 3


def test_a_village_organisations_volunteer_stays_in_its_area(volunteers, as_user, registry):
    orgs = volunteers.get("/organisations", headers=as_user(LEAGUE)).json()
    home = next(o for o in orgs if o["kind"] == "CHILDRENS_HOME")
    body = {
        "name": "王儿童之家",
        "idNumber": identity_number(date(1985, 1, 1), male=False, seq=next(_seq)),
        "phone": "13712345678",
        "skills": ["COMPANIONSHIP"],
        "divisionCode": home["divisionCode"],
        "organisationId": home["id"],
        "serviceArea": ["110109"],
    }
    vid = volunteers.post("/volunteers", json=body, headers=as_user(LEAGUE)).json()["id"]
    vet(volunteers, as_user, vid)
    elsewhere = registry.child(
        village=OTHER_TOWN_VILLAGE if home["divisionCode"] != OTHER_TOWN_VILLAGE else VILLAGE
    )
    refused = pair(volunteers, as_user, vid, elsewhere).json()
    assert "服务区域" in refused["fields"]["childId"]
    assert suggest(volunteers, as_user, elsewhere)["suggestions"] == []


def test_a_pairing_answers_the_task_logs_visits_and_ends(volunteers, as_user, registry, store):
    child = registry.child()
    task = registry.task(child, need="VOLUNTEER_PAIRING", department="YOUTH_LEAGUE")
    vid = volunteer(volunteers, as_user, skills=["COMPANIONSHIP"])
    made = pair(volunteers, as_user, vid, child)
    assert made.status_code == 201, made.text
    pairing = made.json()
    assert (pairing["status"], pairing["childName"], pairing["childAge"]) == (
        "ACTIVE",
        "张小明",
        pairing["childAge"],
    )
    (done,) = store.events("volunteers.task.updated")
    assert (done["taskId"], done["status"]) == (task, "DONE")
    assert "李志愿" in done["outcome"]
    (started,) = store.events("volunteers.pairing.started")
    assert started["planMeasure"]["department"] == "MASS_ORGANISATION"
    assert started["planMeasure"]["status"] == "IN_PROGRESS"
    again = pair(volunteers, as_user, vid, child)
    assert again.json()["code"] == "DUPLICATE"
    visit = {"visitedOn": today().isoformat(), "minutes": 90, "mode": "HOME", "note": "辅导作业"}
    logged = volunteers.post(
        f"/pairings/{pairing['id']}/visits", json=visit, headers=as_user("worker.110109001")
    )
    assert logged.status_code == 201, logged.text
    assert [v["minutes"] for v in logged.json()["visits"]] == [90]
    future = {**visit, "visitedOn": (today() + timedelta(days=1)).isoformat()}
    late = volunteers.post(
        f"/pairings/{pairing['id']}/visits", json=future, headers=as_user(LEAGUE)
    )
    assert "visitedOn" in late.json()["fields"]
    ended = volunteers.post(
        f"/pairings/{pairing['id']}/end", json={"reason": "儿童随父母迁出"}, headers=as_user(LEAGUE)
    )
    assert ended.status_code == 200, ended.text
    assert ended.json()["status"] == "ENDED"
    (end,) = store.events("volunteers.pairing.ended")
    assert end["planMeasure"]["status"] == "DONE" and "迁出" in end["planMeasure"]["description"]
    listed = volunteers.get(f"/children/{child}/pairings", headers=as_user("admin.district"))
    assert [p["id"] for p in listed.json()] == [pairing["id"]]
    # Paired before: continuity counts next time.
    (again_suggested,) = suggest(volunteers, as_user, child)["suggestions"]
    assert "曾与该儿童结对，延续帮扶" in again_suggested["reasons"]


def test_who_may_pair(volunteers, as_user, registry):
    child = registry.child()
    vid = volunteer(volunteers, as_user, skills=["TUTORING"])
    for user in ("worker.110109001", "admin.district", "womensfed.district"):
        refused = pair(volunteers, as_user, vid, child, user=user)
        assert refused.status_code == 403, (user, refused.text)
    got = volunteers.get(
        f"/children/{child}/volunteer-suggestions", headers=as_user("worker.110109001")
    )
    assert got.status_code == 403


def test_the_daily_job_reminds_and_suspends(volunteers, as_user, registry, store):
    child = registry.child()
    rules = vetting_rules.load()
    vid = volunteer(volunteers, as_user, skills=["TUTORING"])
    assert pair(volunteers, as_user, vid, child).status_code == 201
    engine = volunteers.app.state.engine
    with Session(engine) as session:
        check = session.exec(
            Vetting.__table__.select().where(Vetting.__table__.c.kind == CHECK)  # type: ignore[attr-defined]
        ).first()
        valid_until = check.valid_until
    remind_on = rules.remind_on(valid_until)
    with Session(engine) as session:
        assert jobs.run(session, remind_on) == (1, 0)
        session.commit()
    (expiring,) = store.events("volunteers.vetting.expiring")
    assert (expiring["volunteerId"], expiring["actingRole"]) == (vid, "youth_league")
    with Session(engine) as session:
        assert jobs.run(session, valid_until + timedelta(days=1)) == (0, 1)
        session.commit()
    (expired,) = store.events("volunteers.vetting.expired")
    assert expired["towns"] == [VILLAGE[:9]]
    (suspended,) = store.events("volunteers.pairing.suspended")
    assert suspended["status"] == "SUSPENDED" and suspended["planMeasure"]["status"] == "PLANNED"
    vetted = store.events("volunteers.volunteer.vetted")[-1]
    assert (vetted["vetted"], vetted["kind"]) == (False, None)
    listed = volunteers.get(f"/volunteers/{vid}/pairings", headers=as_user(LEAGUE)).json()
    assert [p["status"] for p in listed] == ["SUSPENDED"]


def test_an_exited_child_is_not_paired(volunteers, as_user, registry):
    child = registry.child()
    registry.deliver(
        "registry.child.exited",
        child,
        {
            "childId": child,
            "exitedOn": today().isoformat(),
            "reason": "AGE",
            "residenceDivisionCode": VILLAGE,
            "exitedBy": "system",
        },
    )
    vid = volunteer(volunteers, as_user, skills=["TUTORING"])
    assert "退出" in pair(volunteers, as_user, vid, child).json()["fields"]["childId"]


# ---- the volunteer's own view of its pairings (item 11) ---------------------------------------

OWN_PAIRING_FIELDS = {
    "id",
    "childName",
    "childAge",
    "villageName",
    "needs",
    "status",
    "startedOn",
    "endedOn",
    "visits",
}


def signed_in(client: Any, as_user: Any, idp: Any, vid: str) -> dict[str, str]:
    """The volunteer's own headers: a token for its account's username, as its sign-in gives."""
    got = client.get(f"/volunteers/{vid}", headers=as_user(LEAGUE))
    username = got.json()["username"]
    user = DemoUser(username, Role.VOLUNTEER, got.json()["divisionCode"])
    return {"Authorization": f"Bearer {idp.issue(user, 'shouhu-console')}"}


def test_a_volunteer_sees_its_pairings_with_little_of_the_child(volunteers, as_user, idp, registry):
    child = registry.child(name="王小红")
    registry.task(child, need="EDUCATION_AID", department="EDUCATION")
    vid = volunteer(volunteers, as_user, skills=["TUTORING"])
    other = volunteer(volunteers, as_user, skills=["TUTORING"], name="赵志愿")
    pairing = pair(volunteers, as_user, vid, child).json()
    worker = {"visitedOn": today().isoformat(), "minutes": 60, "note": "家中父亲外出务工"}
    logged = volunteers.post(
        f"/pairings/{pairing['id']}/visits", json=worker, headers=as_user("worker.110109001")
    )
    assert logged.status_code == 201, logged.text
    me = signed_in(volunteers, as_user, idp, vid)

    got = volunteers.get(f"/volunteers/{vid}/own-pairings", headers=me)
    assert got.status_code == 200, got.text
    (mine,) = got.json()
    assert set(mine) == OWN_PAIRING_FIELDS
    assert (mine["childName"], mine["villageName"], mine["needs"], mine["status"]) == (
        "王小红",
        "德露苑社区居委会",
        ["TUTORING"],
        "ACTIVE",
    )
    assert mine["childAge"] >= 10
    # The social worker's note may tell of the family: the volunteer sees the visit, not it.
    (visit,) = mine["visits"]
    assert (visit["minutes"], visit["note"], visit["byVolunteer"]) == (60, None, False)

    for path in (
        f"/volunteers/{other}/own-pairings",
        f"/volunteers/{vid}/pairings",
        f"/children/{child}/pairings",
        f"/pairings/{pairing['id']}",
        f"/children/{child}/volunteer-suggestions",
    ):
        assert volunteers.get(path, headers=me).status_code == 403, path
    # Its readers read the same view (the child in their scope).
    league = volunteers.get(f"/volunteers/{vid}/own-pairings", headers=as_user(LEAGUE))
    assert [p["id"] for p in league.json()] == [pairing["id"]]


def test_a_volunteer_logs_visits_of_its_own_pairing_only(volunteers, as_user, idp, registry):
    child = registry.child()
    vid = volunteer(volunteers, as_user, skills=["COMPANIONSHIP"])
    other = volunteer(volunteers, as_user, skills=["COMPANIONSHIP"], name="赵志愿")
    pairing = pair(volunteers, as_user, vid, child).json()
    theirs = pair(volunteers, as_user, other, registry.child()).json()
    me = signed_in(volunteers, as_user, idp, vid)
    visit = {"visitedOn": today().isoformat(), "minutes": 90, "mode": "HOME", "note": "辅导作业"}

    logged = volunteers.post(f"/me/pairings/{pairing['id']}/visits", json=visit, headers=me)
    assert logged.status_code == 201, logged.text
    (v,) = logged.json()["visits"]
    assert (v["minutes"], v["note"], v["byVolunteer"]) == (90, "辅导作业", True)
    future = {**visit, "visitedOn": (today() + timedelta(days=1)).isoformat()}
    late = volunteers.post(f"/me/pairings/{pairing['id']}/visits", json=future, headers=me)
    assert late.json()["code"] == "VALIDATION_FAILED" and "visitedOn" in late.json()["fields"]
    # Another's pairing and no pairing alike; the followers' route stays theirs.
    for pid in (theirs["id"], str(uuid.uuid4())):
        refused = volunteers.post(f"/me/pairings/{pid}/visits", json=visit, headers=me)
        assert refused.status_code == 403, refused.text
    followers = volunteers.post(f"/pairings/{pairing['id']}/visits", json=visit, headers=me)
    assert followers.status_code == 403
    league = volunteers.post(
        f"/me/pairings/{pairing['id']}/visits", json=visit, headers=as_user(LEAGUE)
    )
    assert league.status_code == 403
    # Its hours for the visit: recorded as its own, without an activity, for approval.
    hours = {"hours": 1.5, "on": today().isoformat(), "note": "结对帮扶走访"}
    recorded = volunteers.post(f"/volunteers/{vid}/hours", json=hours, headers=me)
    assert recorded.status_code == 201, recorded.text
    listed = volunteers.get(f"/volunteers/{vid}/hours", headers=me).json()
    assert [(h["activityId"], h["status"]) for h in listed] == [(None, "RECORDED")]
    ended = volunteers.post(
        f"/pairings/{pairing['id']}/end", json={"reason": "儿童转学"}, headers=as_user(LEAGUE)
    )
    assert ended.status_code == 200
    closed = volunteers.post(f"/me/pairings/{pairing['id']}/visits", json=visit, headers=me)
    assert "pairingId" in closed.json()["fields"]


def _expire_and_suspend(volunteers, registry, vid: str) -> date:
    """The daily job run on the day after the volunteer's check ran out: pairings suspended."""
    engine = volunteers.app.state.engine
    with Session(engine) as session:
        check = session.exec(
            Vetting.__table__.select().where(  # type: ignore[attr-defined]
                (Vetting.__table__.c.kind == CHECK)  # type: ignore[attr-defined]
                & (Vetting.__table__.c.volunteer_id == vid)  # type: ignore[attr-defined]
            )
        ).first()
        day = check.valid_until + timedelta(days=1)
        assert jobs.run(session, day) == (0, 1)
        session.commit()
    return day


def statuses(volunteers, as_user, vid: str) -> dict[str, str]:
    got = volunteers.get(f"/volunteers/{vid}/pairings", headers=as_user(LEAGUE)).json()
    return {p["childId"]: p["status"] for p in got}


def test_a_renewed_check_resumes_the_suspended_pairings_not_the_ended(
    volunteers, as_user, registry, store
):
    kept, ended = registry.child(), registry.child(SAME_TOWN_VILLAGE)
    vid = volunteer(volunteers, as_user, skills=["TUTORING"])
    for child in (kept, ended):
        assert pair(volunteers, as_user, vid, child).status_code == 201
    _expire_and_suspend(volunteers, registry, vid)
    assert set(statuses(volunteers, as_user, vid).values()) == {"SUSPENDED"}
    (ended_id,) = [
        e["pairingId"]
        for e in store.events("volunteers.pairing.suspended")
        if e["childId"] == ended
    ]
    done = volunteers.post(
        f"/pairings/{ended_id}/end", json={"reason": "儿童随父母外出"}, headers=as_user(LEAGUE)
    )
    assert done.status_code == 200, done.text
    # A failed check renews nothing.
    failed = {"kind": CHECK, "passed": False, "checkedOn": today().isoformat()}
    volunteers.post(f"/volunteers/{vid}/vettings", json=failed, headers=as_user(LEAGUE))
    assert store.events("volunteers.pairing.resumed") == []
    vet(volunteers, as_user, vid)
    assert statuses(volunteers, as_user, vid) == {kept: "ACTIVE", ended: "ENDED"}
    (resumed,) = store.events("volunteers.pairing.resumed")
    assert resumed["childId"] == kept and resumed["planMeasure"]["status"] == "IN_PROGRESS"
    (renewed,) = store.events("volunteers.vetting.renewed")
    assert renewed["towns"] == [VILLAGE[:9]] and renewed["volunteerId"] == vid
    # Vetted again with nothing suspended: nothing more.
    vet(volunteers, as_user, vid)
    assert len(store.events("volunteers.pairing.resumed")) == 1


def test_the_load_follows_pairings_started_and_ended(volunteers, as_user, registry):
    vid = volunteer(volunteers, as_user, skills=["TUTORING"])
    children = [registry.child() for _ in range(3)]
    made = [pair(volunteers, as_user, vid, c).json() for c in children]
    assert "当前结对" not in str(suggest(volunteers, as_user, registry.child()))  # at the limit
    volunteers.post(
        f"/pairings/{made[0]['id']}/end", json={"reason": "结束"}, headers=as_user(LEAGUE)
    )
    (only,) = suggest(volunteers, as_user, registry.child())["suggestions"]
    assert "当前结对2名儿童（上限3名）" in only["reasons"]
    assert pair(volunteers, as_user, vid, registry.child()).status_code == 201


def needs_of(volunteers, as_user) -> list[dict[str, Any]]:
    got = volunteers.get(
        "/needs", params={"divisionCode": "110109"}, headers=as_user("admin.district")
    )
    assert got.status_code == 200, got.text
    return list(got.json())


def measure(registry, child: str, kind: str, *, department: str = "MASS_ORGANISATION",
            source_ref: str | None = None, measure_id: str = "m-1") -> None:  # fmt: skip
    registry.deliver(
        "registry.plan.measure_added",
        child,
        {
            "childId": child,
            "measureId": measure_id,
            "version": 1,
            "department": department,
            "kind": kind,
            "status": "PLANNED",
            "dueDate": None,
            "sourceRef": source_ref,
            "residenceDivisionCode": VILLAGE,
            "addedBy": "worker.110109001",
        },
    )


def test_a_pairing_task_raises_a_need_that_the_pairing_closes(volunteers, as_user, registry):
    child = registry.child()
    registry.task(child, need="VOLUNTEER_PAIRING", department="YOUTH_LEAGUE", note="学业辅导")
    (need,) = needs_of(volunteers, as_user)
    assert (need["source"], need["status"], need["childId"]) == ("INTAKE", "OPEN", child)
    assert need["kind"] == "OTHER" and "陪伴、学业辅导" in need["description"]
    vid = volunteer(volunteers, as_user, skills=["SPORTS"])
    assert pair(volunteers, as_user, vid, child).status_code == 201
    (closed,) = needs_of(volunteers, as_user)
    assert closed["status"] == "CLOSED" and closed["closeNote"].startswith("已结对：志愿者")


def test_a_plan_measure_raises_needs_closed_by_a_pairing_with_the_skill(
    volunteers, as_user, registry
):
    child = registry.child()
    measure(registry, child, "学业辅导")
    measure(registry, child, "学业辅导")  # the same measure again: nothing new
    measure(registry, child, "心理辅导", department="EDUCATION", measure_id="m-2")  # not ours
    measure(registry, child, "心理疏导", source_ref="benefits:x", measure_id="m-3")  # a system's
    (need,) = needs_of(volunteers, as_user)
    assert (need["source"], need["kind"], need["status"]) == ("PLAN", "TUTORING", "OPEN")
    sports = volunteer(volunteers, as_user, skills=["SPORTS"])
    assert pair(volunteers, as_user, sports, child).status_code == 201
    assert needs_of(volunteers, as_user)[0]["status"] == "OPEN"  # not the skill asked
    tutor = volunteer(volunteers, as_user, skills=["TUTORING"])
    assert pair(volunteers, as_user, tutor, child).status_code == 201
    assert needs_of(volunteers, as_user)[0]["status"] == "CLOSED"

"""Every timestamp the registry answers with carries its zone, SQLite's included (issue 9)."""

from datetime import date, datetime, timedelta

from shouhu.platform.clock import today
from shouhu.registry.access.service import seal

WORKER = "worker.110109001"


def _zoned(text: str) -> bool:
    moment = datetime.fromisoformat(text)
    return moment.utcoffset() is not None


def test_visits_plan_history_and_classifications_read_back_with_their_zone(
    registry, as_user, register
):
    child = register()
    since = (today() - timedelta(days=10)).isoformat()
    classified = registry.post(
        f"/children/{child['id']}/classifications",
        params={"version": child["version"]},
        json={
            "classifications": [
                {"group": "POVERTY", "subtype": "MINIMUM_SUBSISTENCE_FAMILY", "since": since}
            ]
        },
        headers=as_user("clerk.district"),
    )
    assert classified.status_code == 200, classified.text
    visit = {
        "visitedOn": (today() - timedelta(days=1)).isoformat(),
        "seen": "儿童本人",
        "findings": "正常",
        "riskLevel": "LOW",
    }
    recorded = registry.post(
        f"/children/{child['id']}/visits", json=visit, headers=as_user("supervisor.110109001001")
    )
    assert recorded.status_code == 201, recorded.text
    measure = {"department": "EDUCATION", "kind": "送教上门", "description": "每周一次"}
    added = registry.post(
        f"/children/{child['id']}/plan/measures", json=measure, headers=as_user(WORKER)
    )
    assert added.status_code == 201, added.text

    visits = registry.get(f"/children/{child['id']}/visits", headers=as_user(WORKER)).json()
    assert _zoned(visits[0]["createdAt"])
    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user(WORKER)).json()
    assert _zoned(plan["measures"][0]["createdAt"]) and _zoned(plan["measures"][0]["updatedAt"])
    file = registry.get(
        f"/children/{child['id']}",
        params={"include": ["classifications", "history", "visits"]},
        headers=as_user(WORKER),
    ).json()
    assert _zoned(file["classifications"][0]["recordedAt"])
    assert all(_zoned(entry["at"]) for entry in file["history"])
    assert _zoned(file["visits"][0]["createdAt"])


def test_the_access_log_reads_back_with_its_zone_queued_and_sealed(registry, as_user, register):
    child = register()
    assert registry.get(f"/children/{child['id']}", headers=as_user(WORKER)).status_code == 200

    def entries() -> list[dict[str, object]]:
        page = registry.get(
            f"/children/{child['id']}/access-log", headers=as_user("auditor.district")
        ).json()
        return [edge["node"] for edge in page["edges"]]

    assert [_zoned(str(e["at"])) for e in entries()] == [True]
    seal(registry.app.state.engine)
    assert [(e["sealed"], _zoned(str(e["at"]))) for e in entries()] == [(True, True)]


def test_a_held_registration_reads_back_with_its_zone(registry, as_user, register):
    register(idNumber=None)
    held = registry.post(
        "/children",
        json={
            "name": "王小红",
            "gender": "FEMALE",
            "birthDate": date(2013, 4, 9).isoformat(),
            "residenceDivisionCode": "110109001001",
        },
        headers=as_user("supervisor.110109001001"),
    )
    assert held.status_code == 409, held.text
    (pending,) = registry.get("/duplicate-reviews", headers=as_user(WORKER)).json()
    assert _zoned(pending["submittedAt"])

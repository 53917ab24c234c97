"""Visits (定期走访): recording, the interval per category, the overdue list, scope and input."""

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import update
from sqlmodel import Session, col, select

from shouhu.platform.clock import today
from shouhu.platform.events import OutboxRow
from shouhu.platform.testing import as_gateway, identity_number
from shouhu.registry.models import Child, ChildHistory, Visit, VisitPolicy

VILLAGE = "110109001001"
OTHER_VILLAGE = "110109001002"
OTHER_TOWN_VILLAGE = "110109101001"
BIRTH = date(2013, 4, 9)
HARDSHIP = {"group": "POVERTY", "subtype": "MINIMUM_SUBSISTENCE_FAMILY"}
LEFT_BEHIND = {"group": "LEFT_BEHIND", "subtype": "BOTH_PARENTS_AWAY"}


def _register(registry, as_user, name="王小红", *, seq=7, village=VILLAGE, registered_days_ago=0):
    data = {
        "name": name,
        "gender": "FEMALE",
        "birthDate": BIRTH.isoformat(),
        "idNumber": identity_number(BIRTH, male=False, seq=seq),
        "residenceDivisionCode": village,
    }
    response = registry.post("/children", json=data, headers=as_user("clerk.district"))
    assert response.status_code == 201, response.text
    child = response.json()
    if registered_days_ago:
        with Session(registry.app.state.engine) as session:
            session.exec(
                update(Child)
                .where(col(Child.id) == child["id"])
                .values(registered_on=today() - timedelta(days=registered_days_ago))
            )
            session.commit()
    return child


def _classify(registry, as_user, child, classification):
    since = (today() - timedelta(days=1)).isoformat()
    response = registry.post(
        f"/children/{child['id']}/classifications",
        params={"version": child["version"]},
        json={"classifications": [{**classification, "since": since}]},
        headers=as_user("clerk.district"),
    )
    assert response.status_code == 200, response.text
    return response.json()


def _visit(**overrides):
    data = {
        "visitedOn": (today() - timedelta(days=3)).isoformat(),
        "seen": "儿童本人及祖母",
        "findings": "生活正常，学习情况良好",
        "riskLevel": "LOW",
    }
    data.update(overrides)
    return data


def _record(registry, as_user, child_id, by="supervisor.110109001001", **overrides):
    response = registry.post(
        f"/children/{child_id}/visits", json=_visit(**overrides), headers=as_user(by)
    )
    assert response.status_code == 201, response.text
    return response.json()


def _rows(registry, model):
    with Session(registry.app.state.engine) as session:
        return session.exec(select(model)).all()


def _events(registry, event_type):
    return [
        json.loads(r.payload)["data"]
        for r in _rows(registry, OutboxRow)
        if r.event_type == event_type
    ]


# ---- recording ------------------------------------------------------------------------------


def test_recording_a_visit_keeps_it_with_history_and_event(registry, as_user):
    child = _register(registry, as_user)
    visited_on = today() - timedelta(days=3)
    next_due = today() + timedelta(days=30)
    visit = _record(
        registry,
        as_user,
        child["id"],
        visitedOn=visited_on.isoformat(),
        nextDue=next_due.isoformat(),
    )
    assert visit["childId"] == child["id"]
    assert visit["visitor"] == "supervisor.110109001001"
    assert visit["visitorRole"] == "village_supervisor"
    assert visit["nextDue"] == next_due.isoformat()
    assert visit["riskLevel"] == "LOW"

    listed = registry.get(
        f"/children/{child['id']}/visits", headers=as_user("worker.110109001")
    ).json()
    assert [v["id"] for v in listed] == [visit["id"]]
    assert listed[0]["findings"] == "生活正常，学习情况良好"

    (entry,) = [h for h in _rows(registry, ChildHistory) if h.operation == "VISIT_RECORDED"]
    assert entry.child_id == child["id"]
    assert entry.actor == "supervisor.110109001001"
    assert entry.after == {
        "visitId": visit["id"],
        "visitedOn": visited_on.isoformat(),
        "riskLevel": "LOW",
        "nextDue": next_due.isoformat(),
    }

    (row,) = [r for r in _rows(registry, OutboxRow) if r.event_type == "registry.visit.recorded"]
    assert row.key == child["id"]
    assert row.topic == "shouhu.registry"
    envelope = json.loads(row.payload)
    assert envelope["schema_version"] == 1
    assert envelope["data"] == {
        "childId": child["id"],
        "visitId": visit["id"],
        "visitedOn": visited_on.isoformat(),
        "riskLevel": "LOW",
        "highRisk": False,
        "nextDue": next_due.isoformat(),
        "residenceDivisionCode": VILLAGE,
        "townDivisionCode": "110109001",
        "recordedBy": "supervisor.110109001001",
    }


def test_a_high_risk_visit_is_flagged_in_its_event(registry, as_user):
    child = _register(registry, as_user)
    _record(registry, as_user, child["id"], riskLevel="MEDIUM")
    _record(registry, as_user, child["id"], riskLevel="HIGH")
    events = _events(registry, "registry.visit.recorded")
    assert [(e["riskLevel"], e["highRisk"]) for e in events] == [
        ("MEDIUM", False),
        ("HIGH", True),
    ]


def test_visits_are_listed_newest_first(registry, as_user):
    child = _register(registry, as_user)
    old = _record(
        registry, as_user, child["id"], visitedOn=(today() - timedelta(days=60)).isoformat()
    )
    new = _record(
        registry, as_user, child["id"], visitedOn=(today() - timedelta(days=5)).isoformat()
    )
    listed = registry.get(f"/children/{child['id']}/visits", headers=as_user("admin.district"))
    assert [v["id"] for v in listed.json()] == [new["id"], old["id"]]


def test_reading_visits_is_logged(registry, as_user, logged_reads):
    child = _register(registry, as_user)
    registry.get(
        f"/children/{child['id']}/visits",
        headers=as_gateway(as_user("supervisor.110109001001"), "ChildVisits"),
    )
    (entry,) = [e for e in logged_reads() if e.parts == "visits"]
    assert (entry.child_id, entry.actor, entry.operation) == (
        child["id"],
        "supervisor.110109001001",
        "ChildVisits",
    )


# ---- the interval ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("classification", "category", "days"),
    [(None, "NONE", 365), (LEFT_BEHIND, "LEFT_BEHIND", 180), (HARDSHIP, "HARDSHIP", 90)],
)
def test_next_due_defaults_to_the_interval_of_the_primary_category(
    registry, as_user, classification, category, days
):
    child = _register(registry, as_user)
    if classification:
        assert _classify(registry, as_user, child, classification)["primaryCategory"] == category
    visited_on = today() - timedelta(days=10)
    visit = _record(registry, as_user, child["id"], visitedOn=visited_on.isoformat())
    assert visit["nextDue"] == (visited_on + timedelta(days=days)).isoformat()
    (event,) = _events(registry, "registry.visit.recorded")
    assert event["nextDue"] == visit["nextDue"]


def test_a_changed_interval_applies_to_the_next_visits(registry, as_user):
    response = registry.put(
        "/visit-policy/NONE", json={"intervalDays": 30}, headers=as_user("admin.district")
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"primaryCategory": "NONE", "intervalDays": 30}
    child = _register(registry, as_user)
    visited_on = today() - timedelta(days=1)
    visit = _record(registry, as_user, child["id"], visitedOn=visited_on.isoformat())
    assert visit["nextDue"] == (visited_on + timedelta(days=30)).isoformat()


def test_next_due_on_the_visit_day_is_allowed(registry, as_user):
    child = _register(registry, as_user)
    day = (today() - timedelta(days=2)).isoformat()
    assert _record(registry, as_user, child["id"], visitedOn=day, nextDue=day)["nextDue"] == day


def test_the_visit_policy_is_seeded_and_readable(registry, as_user):
    response = registry.get("/visit-policy", headers=as_user("supervisor.110109001001"))
    assert response.status_code == 200
    assert response.json() == [
        {"primaryCategory": "HARDSHIP", "intervalDays": 90},
        {"primaryCategory": "LEFT_BEHIND", "intervalDays": 180},
        {"primaryCategory": "NONE", "intervalDays": 365},
    ]


@pytest.mark.parametrize(
    "username",
    [
        "clerk.district",
        "clerk.110109001",
        "worker.110109001",
        "supervisor.110109001001",
        "police.district",
        "education.district",
        "health.district",
        "youthleague.district",
        "reporter.school.110109001",
        "auditor.district",
    ],
)
def test_only_the_district_civil_affairs_sets_intervals(registry, as_user, username):
    response = registry.put(
        "/visit-policy/HARDSHIP", json={"intervalDays": 30}, headers=as_user(username)
    )
    assert response.status_code == 403
    assert response.json()["code"] == "FORBIDDEN"
    with Session(registry.app.state.engine) as session:
        assert session.get(VisitPolicy, "HARDSHIP").interval_days == 90


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/visit-policy/HARDSHIP", {"intervalDays": 0}, "intervalDays"),
        ("/visit-policy/HARDSHIP", {"intervalDays": 731}, "intervalDays"),
        ("/visit-policy/HARDSHIP", {"intervalDays": "often"}, "intervalDays"),
        ("/visit-policy/HARDSHIP", {}, "intervalDays"),
        ("/visit-policy/ORPHAN", {"intervalDays": 30}, "category"),
    ],
    ids=["zero", "too-long", "not-a-number", "missing", "unknown-category"],
)
def test_bad_intervals_are_validation_failed(registry, as_user, path, body, field):
    response = registry.put(path, json=body, headers=as_user("admin.district"))
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "VALIDATION_FAILED"
    assert field in response.json()["fields"]
    with Session(registry.app.state.engine) as session:
        assert session.get(VisitPolicy, "HARDSHIP").interval_days == 90


# ---- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"visitedOn": "TOMORROW"}, "visitedOn", "走访日期不能晚于今天"),
        ({"nextDue": "BEFORE"}, "nextDue", "下次走访日期不能早于走访日期"),
        ({"seen": "  "}, "seen", "走访对象不能为空"),
        ({"findings": ""}, "findings", "走访情况不能为空"),
        ({"riskLevel": "EXTREME"}, "riskLevel", "取值不在允许范围内"),
        ({"riskLevel": None}, "riskLevel", None),
        ({"visitedOn": "2026-02-30"}, "visitedOn", None),
        ({"visitedOn": None}, "visitedOn", None),
        ({"findings": "很" * 4001}, "findings", "过长"),
    ],
    ids=[
        "future-visit",
        "due-before-visit",
        "nobody-seen",
        "no-findings",
        "unknown-risk",
        "no-risk",
        "impossible-date",
        "no-date",
        "findings-too-long",
    ],
)
def test_bad_visits_are_validation_failed_and_write_nothing(
    registry, as_user, overrides, field, message
):
    child = _register(registry, as_user)
    visited_on = today() - timedelta(days=3)
    symbolic = {
        "TOMORROW": (today() + timedelta(days=1)).isoformat(),
        "BEFORE": (visited_on - timedelta(days=1)).isoformat(),
    }
    body = _visit(visitedOn=visited_on.isoformat())
    body.update({k: symbolic.get(v, v) if isinstance(v, str) else v for k, v in overrides.items()})
    response = registry.post(
        f"/children/{child['id']}/visits", json=body, headers=as_user("worker.110109001")
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "VALIDATION_FAILED"
    assert field in response.json()["fields"]
    if message:
        assert response.json()["fields"][field] == message
    assert _rows(registry, Visit) == []
    assert _events(registry, "registry.visit.recorded") == []
    assert [h.operation for h in _rows(registry, ChildHistory)] == ["REGISTERED"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"visitedOn": "0197-06-01"}, "visitedOn", "走访日期不能早于1900年1月1日"),
        ({"visitedOn": "1900-01-01"}, "visitedOn", "走访日期不能早于儿童出生日期"),
        ({"visitedOn": "2013-04-08"}, "visitedOn", "走访日期不能早于儿童出生日期"),
        ({"nextDue": "9999-01-01"}, "nextDue", "下次走访日期不能晚于10年后的今天"),
        ({"visitedOn": 0}, "visitedOn", "日期格式应为 YYYY-MM-DD"),
    ],
    ids=["year-197", "1900-before-birth", "day-before-birth", "year-9999", "number"],
)
def test_a_visit_day_that_cannot_be_true_is_refused(registry, as_user, overrides, field, message):
    child = _register(registry, as_user)  # born 2013-04-09
    response = registry.post(
        f"/children/{child['id']}/visits",
        json=_visit(**overrides),
        headers=as_user("worker.110109001"),
    )
    assert response.status_code == 422, response.text
    assert response.json()["fields"] == {field: message}
    assert _rows(registry, Visit) == []


def test_a_visit_on_the_day_of_birth_is_taken(registry, as_user):
    child = _register(registry, as_user)
    _record(registry, as_user, child["id"], visitedOn=BIRTH.isoformat())


def test_an_exited_child_is_not_visited(registry, as_user):
    child = _register(registry, as_user)
    exited = registry.post(
        f"/children/{child['id']}/exit",
        params={"version": child["version"]},
        json={"reason": "MOVED_OUT"},
        headers=as_user("clerk.district"),
    )
    assert exited.status_code == 200, exited.text
    response = registry.post(
        f"/children/{child['id']}/visits", json=_visit(), headers=as_user("worker.110109001")
    )
    assert response.status_code == 422
    assert response.json()["fields"] == {"status": "已退出的儿童不能记录走访"}
    assert _rows(registry, Visit) == []


def test_an_unknown_child_is_not_found(registry, as_user):
    response = registry.post(
        "/children/nope/visits", json=_visit(), headers=as_user("admin.district")
    )
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"


# ---- scope ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("admin.district", 201),
        ("worker.110109001", 201),
        ("supervisor.110109001001", 201),
        ("worker.110109101", 404),
        ("supervisor.110109101001", 404),
        ("clerk.district", 403),
        ("clerk.110109001", 403),
        ("police.district", 403),
        ("education.district", 403),
        ("health.district", 403),
        ("youthleague.district", 403),
        ("reporter.school.110109001", 403),
        ("auditor.district", 403),
    ],
)
def test_visits_are_recorded_by_visiting_roles_within_their_division(
    registry, as_user, username, status
):
    child = _register(registry, as_user)
    response = registry.post(
        f"/children/{child['id']}/visits", json=_visit(), headers=as_user(username)
    )
    assert response.status_code == status, response.text
    assert len(_rows(registry, Visit)) == (1 if status == 201 else 0)


def test_a_supervisor_does_not_visit_another_village_of_the_town(registry, as_user):
    child = _register(registry, as_user, village=OTHER_VILLAGE)
    response = registry.post(
        f"/children/{child['id']}/visits",
        json=_visit(),
        headers=as_user("supervisor.110109001001"),
    )
    assert response.status_code == 404
    assert _record(registry, as_user, child["id"], by="worker.110109001")


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("admin.district", 200),
        ("clerk.district", 200),
        ("clerk.110109001", 200),
        ("worker.110109001", 200),
        ("supervisor.110109001001", 200),
        ("clerk.district", 200),
        # Departments read their own part of a file; visits are the keepers' (access policy).
        ("police.district", 403),
        ("education.district", 403),
        ("health.district", 403),
        ("youthleague.district", 403),
        ("worker.110109101", 404),
        ("supervisor.110109101001", 404),
        ("reporter.school.110109001", 403),
        ("auditor.district", 403),
    ],
)
def test_visits_are_read_within_read_scope(registry, as_user, username, status):
    child = _register(registry, as_user)
    _record(registry, as_user, child["id"])
    response = registry.get(f"/children/{child['id']}/visits", headers=as_user(username))
    assert response.status_code == status, response.text
    if status == 200:
        assert len(response.json()) == 1


# ---- the overdue list -----------------------------------------------------------------------


@pytest.fixture
def town_with_overdue(registry, as_user):
    """Children of town 110109001 (and one elsewhere) in every state of the overdue rule."""
    made = {}
    made["never_old"] = _register(registry, as_user, "甲", seq=11, registered_days_ago=400)
    made["never_new"] = _register(registry, as_user, "乙", seq=12, registered_days_ago=100)
    made["hardship_never"] = _register(registry, as_user, "丙", seq=13, registered_days_ago=100)
    _classify(registry, as_user, made["hardship_never"], HARDSHIP)
    made["late"] = _register(registry, as_user, "丁", seq=14, registered_days_ago=200)
    _record(
        registry,
        as_user,
        made["late"]["id"],
        visitedOn=(today() - timedelta(days=100)).isoformat(),
        nextDue=(today() - timedelta(days=1)).isoformat(),
    )
    made["due_today"] = _register(registry, as_user, "戊", seq=15, registered_days_ago=200)
    _record(
        registry,
        as_user,
        made["due_today"]["id"],
        visitedOn=(today() - timedelta(days=100)).isoformat(),
        nextDue=today().isoformat(),
    )
    made["revisited"] = _register(registry, as_user, "己", seq=16, registered_days_ago=800)
    _record(
        registry,
        as_user,
        made["revisited"]["id"],
        visitedOn=(today() - timedelta(days=500)).isoformat(),
    )
    _record(
        registry,
        as_user,
        made["revisited"]["id"],
        visitedOn=(today() - timedelta(days=20)).isoformat(),
    )
    made["other_village"] = _register(
        registry, as_user, "庚", seq=17, village=OTHER_VILLAGE, registered_days_ago=400
    )
    made["exited"] = _register(registry, as_user, "辛", seq=18, registered_days_ago=400)
    registry.post(
        f"/children/{made['exited']['id']}/exit",
        params={"version": made["exited"]["version"]},
        json={"reason": "MOVED_OUT"},
        headers=as_user("clerk.district"),
    )
    made["other_town"] = _register(
        registry, as_user, "壬", seq=19, village=OTHER_TOWN_VILLAGE, registered_days_ago=400
    )
    return made


def _overdue(registry, as_user, username, **params):
    response = registry.get("/visits/overdue", params=params, headers=as_user(username))
    assert response.status_code == 200, response.text
    return response.json()


def _names(page):
    return sorted(e["node"]["child"]["name"] for e in page["edges"])


def test_the_overdue_list_follows_the_rule(registry, as_user, town_with_overdue):
    page = _overdue(registry, as_user, "worker.110109001", divisionCode="110109001")
    assert page["divisionCode"] == "110109001"
    assert _names(page) == sorted(["甲", "丙", "丁", "庚"])
    assert page["totalCount"] == 4
    nodes = {e["node"]["child"]["name"]: e["node"] for e in page["edges"]}
    never = nodes["甲"]
    assert never["lastVisit"] is None
    assert never["dueOn"] == (today() - timedelta(days=400 - 365)).isoformat()
    assert never["daysOverdue"] == 35
    assert nodes["丙"]["dueOn"] == (today() - timedelta(days=10)).isoformat()
    assert nodes["丙"]["daysOverdue"] == 10
    late = nodes["丁"]
    assert late["lastVisit"]["visitedOn"] == (today() - timedelta(days=100)).isoformat()
    assert late["dueOn"] == (today() - timedelta(days=1)).isoformat()
    assert late["daysOverdue"] == 1
    assert late["child"]["residenceDivisionCode"] == VILLAGE


def test_the_overdue_list_uses_the_current_interval_for_never_visited(
    registry, as_user, town_with_overdue
):
    registry.put("/visit-policy/NONE", json={"intervalDays": 50}, headers=as_user("admin.district"))
    page = _overdue(registry, as_user, "worker.110109001")
    assert "乙" in _names(page)  # registered 100 days ago, now due after 50


@pytest.mark.parametrize(
    ("username", "params", "names"),
    [
        ("admin.district", {}, ["丁", "丙", "壬", "庚", "甲"]),
        ("admin.district", {"divisionCode": "110109101"}, ["壬"]),
        ("clerk.district", {"divisionCode": "110109001002"}, ["庚"]),
        ("clerk.110109001", {}, ["丁", "丙", "庚", "甲"]),
        ("worker.110109001", {"divisionCode": VILLAGE}, ["丁", "丙", "甲"]),
        ("supervisor.110109001001", {}, ["丁", "丙", "甲"]),
        ("worker.110109101", {}, ["壬"]),
        ("supervisor.110109101001", {}, ["壬"]),
    ],
)
def test_the_overdue_list_follows_scope(
    registry, as_user, town_with_overdue, username, params, names
):
    page = _overdue(registry, as_user, username, **params)
    assert _names(page) == sorted(names)


@pytest.mark.parametrize(
    ("username", "division", "status"),
    [
        ("supervisor.110109001001", "110109001", 404),
        ("supervisor.110109001001", OTHER_VILLAGE, 404),
        ("worker.110109101", "110109001", 404),
        ("clerk.110109001", "110109", 404),
        ("auditor.district", "110109", 403),
        ("police.district", "110109", 403),
        ("reporter.school.110109001", "110109001", 403),
        ("admin.district", "110109999", 422),
    ],
)
def test_the_overdue_list_refuses_out_of_scope(registry, as_user, username, division, status):
    response = registry.get(
        "/visits/overdue", params={"divisionCode": division}, headers=as_user(username)
    )
    assert response.status_code == status, response.text


def test_the_overdue_list_pages_with_cursors(registry, as_user, town_with_overdue):
    seen = []
    after = None
    for _ in range(5):
        params = {"first": 2, **({"after": after} if after else {})}
        page = _overdue(registry, as_user, "admin.district", **params)
        assert page["totalCount"] == 5
        seen += [e["node"]["child"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize(
    ("params", "field"),
    [({"first": 0}, "first"), ({"first": 101}, "first"), ({"after": "!!"}, "after")],
)
def test_bad_paging_is_validation_failed(registry, as_user, params, field):
    response = registry.get("/visits/overdue", params=params, headers=as_user("admin.district"))
    assert response.status_code == 422
    assert field in response.json()["fields"]


def test_reading_the_overdue_list_is_logged(registry, as_user, town_with_overdue, logged_reads):
    page = _overdue(registry, as_user, "worker.110109101")
    logged = [e for e in logged_reads() if e.actor == "worker.110109101"]
    assert [e.child_id for e in logged] == [e["node"]["child"]["id"] for e in page["edges"]]

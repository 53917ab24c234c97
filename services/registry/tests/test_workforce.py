"""The workforce (队伍建设): one holder per post, posts by level, phones, scope and coverage."""

from datetime import timedelta

import pytest
from sqlmodel import Session, col, select

from shouhu.platform.clock import today
from shouhu.registry.models import Division, WorkforceMember
from shouhu.registry.workforce.service import seed

TOWN = "110109001"
VILLAGE = "110109001001"
FREE_VILLAGE = "110109001002"
OTHER_TOWN = "110109101"


def _holder(**overrides):
    data = {
        "post": "SUPERVISOR",
        "name": "陈淑芬",
        "phone": "13912345678",
        "employment": "PART_TIME",
        "since": (today() - timedelta(days=10)).isoformat(),
    }
    data.update(overrides)
    return data


def _assign(registry, as_user, code=FREE_VILLAGE, by="admin.district", **overrides):
    response = registry.post(
        f"/divisions/{code}/workforce", json=_holder(**overrides), headers=as_user(by)
    )
    assert response.status_code == 201, response.text
    return response.json()


def _members(registry, code=FREE_VILLAGE):
    """The terms of a division's post (every division's with `code=None`)."""
    with Session(registry.app.state.engine) as session:
        query = select(WorkforceMember)
        if code:
            query = query.where(WorkforceMember.division_code == code)
        return session.exec(query).all()


def _seed(registry):
    with Session(registry.app.state.engine) as session:
        added = seed(session)
        session.commit()
    return added


def _count(registry, prefix, level):
    with Session(registry.app.state.engine) as session:
        return len(
            session.exec(
                select(Division).where(
                    col(Division.code).startswith(prefix), Division.level == level
                )
            ).all()
        )


# ---- the demo holders -----------------------------------------------------------------------


def test_the_demo_holders_are_seeded_once(registry, as_user):
    first = _seed(registry)
    again = _seed(registry)
    assert (first, again) in {(4, 0), (0, 0)}  # (0, 0) once the app seeds them at start
    held = {(m.division_code, m.post, m.username) for m in _members(registry, None)}
    assert held == {
        ("110109001", "SOCIAL_WORKER", "worker.110109001"),
        ("110109101", "SOCIAL_WORKER", "worker.110109101"),
        ("110109001001", "SUPERVISOR", "supervisor.110109001001"),
        ("110109101001", "SUPERVISOR", "supervisor.110109101001"),
    }
    roster = registry.get(f"/divisions/{TOWN}/workforce", headers=as_user("admin.district"))
    (worker,) = roster.json()
    assert (worker["post"], worker["current"], worker["username"]) == (
        "SOCIAL_WORKER",
        True,
        "worker.110109001",
    )


def test_seeding_leaves_a_post_held_by_someone_else_alone(registry, as_user):
    holder = _assign(registry, as_user, VILLAGE, username="other.supervisor")
    _seed(registry)
    current = [m for m in _members(registry, VILLAGE) if m.until is None]
    assert [m.id for m in current] == [holder["id"]]


# ---- assigning ------------------------------------------------------------------------------


def test_a_new_holder_ends_the_previous_term_today(registry, as_user):
    first = _assign(registry, as_user, name="陈淑芬")
    assert first["current"] is True and first["until"] is None
    second = _assign(registry, as_user, name="周明", phone="010-69841234", employment="FULL_TIME")
    assert second["current"] is True
    rows = {m.id: m for m in _members(registry)}
    assert rows[first["id"]].until == today()
    assert rows[second["id"]].until is None

    roster = registry.get(
        f"/divisions/{FREE_VILLAGE}/workforce", headers=as_user("worker.110109001")
    ).json()
    assert [m["id"] for m in roster] == [second["id"]]
    everyone = registry.get(
        f"/divisions/{FREE_VILLAGE}/workforce",
        params={"includeEnded": "true"},
        headers=as_user("worker.110109001"),
    ).json()
    assert {m["id"]: m["current"] for m in everyone} == {first["id"]: False, second["id"]: True}


def test_a_town_keeps_its_social_worker_when_a_village_gets_a_supervisor(registry, as_user):
    worker = _assign(registry, as_user, TOWN, post="SOCIAL_WORKER", employment="FULL_TIME")
    _assign(registry, as_user, FREE_VILLAGE)
    rows = {m.id: m for m in _members(registry, TOWN)}
    assert rows[worker["id"]].until is None


@pytest.mark.parametrize(
    ("code", "post", "message"),
    [
        (FREE_VILLAGE, "SOCIAL_WORKER", "儿童社会工作者应配备在镇街"),
        (TOWN, "SUPERVISOR", "儿童福利督导员应配备在社区（村）"),
        ("110109", "SOCIAL_WORKER", "儿童社会工作者应配备在镇街"),
        ("110109", "SUPERVISOR", "儿童福利督导员应配备在社区（村）"),
    ],
)
def test_a_post_of_the_wrong_level_is_validation_failed(registry, as_user, code, post, message):
    before = _members(registry, code)
    response = registry.post(
        f"/divisions/{code}/workforce", json=_holder(post=post), headers=as_user("admin.district")
    )
    assert response.status_code == 422
    assert response.json()["fields"] == {"post": message}
    assert _members(registry, code) == before


@pytest.mark.parametrize(
    "phone", ["13912345678", "199 1234 5678", "010-69841234", "01069841234", "0755-1234567"]
)
def test_mobile_and_landline_numbers_are_accepted(registry, as_user, phone):
    holder = _assign(registry, as_user, phone=phone)
    assert holder["phone"] == phone.replace(" ", "")


@pytest.mark.parametrize(
    "phone",
    [
        "12912345678",
        "1391234567",
        "139123456789",
        "69841234",
        "10-69841234",
        "电话",
        "",
        "+8613912345678",
    ],
)
def test_bad_phone_numbers_are_validation_failed(registry, as_user, phone):
    response = registry.post(
        f"/divisions/{FREE_VILLAGE}/workforce",
        json=_holder(phone=phone),
        headers=as_user("admin.district"),
    )
    assert response.status_code == 422
    assert response.json()["fields"]["phone"] in {"电话应为11位手机号码或带区号的固定电话", "过长"}
    assert _members(registry) == []


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": " "}, "name"),
        ({"name": "名" * 51}, "name"),
        ({"since": "FUTURE"}, "since"),
        ({"since": "2024-02-30"}, "since"),
        ({"employment": "VOLUNTEER"}, "employment"),
        ({"post": "DIRECTOR"}, "post"),
        ({"post": None}, "post"),
    ],
)
def test_bad_assignments_are_validation_failed(registry, as_user, overrides, field):
    if overrides.get("since") == "FUTURE":
        overrides = {"since": (today() + timedelta(days=1)).isoformat()}
    response = registry.post(
        f"/divisions/{FREE_VILLAGE}/workforce",
        json=_holder(**overrides),
        headers=as_user("admin.district"),
    )
    assert response.status_code == 422, response.text
    assert field in response.json()["fields"]
    assert _members(registry) == []


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("admin.district", 201),
        ("worker.110109001", 201),
        ("worker.110109101", 403),
        ("supervisor.110109001001", 403),
        ("supervisor.110109101001", 403),
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
def test_workforce_is_managed_by_its_roles_within_their_division(
    registry, as_user, username, status
):
    response = registry.post(
        f"/divisions/{FREE_VILLAGE}/workforce", json=_holder(), headers=as_user(username)
    )
    assert response.status_code == status, response.text
    assert len(_members(registry)) == (1 if status == 201 else 0)


def test_an_unknown_division_is_not_found(registry, as_user):
    response = registry.post(
        "/divisions/110109999999/workforce", json=_holder(), headers=as_user("admin.district")
    )
    assert response.status_code == 404


# ---- ending a term --------------------------------------------------------------------------


def test_ending_a_term_sets_until_today(registry, as_user):
    holder = _assign(registry, as_user)
    response = registry.post(f"/workforce/{holder['id']}/end", headers=as_user("worker.110109001"))
    assert response.status_code == 200, response.text
    assert (response.json()["until"], response.json()["current"]) == (today().isoformat(), False)
    again = registry.post(f"/workforce/{holder['id']}/end", headers=as_user("admin.district"))
    assert again.status_code == 422
    assert again.json()["fields"] == {"until": "该任职已结束"}
    roster = registry.get(f"/divisions/{FREE_VILLAGE}/workforce", headers=as_user("admin.district"))
    assert roster.json() == []


def test_a_term_may_end_on_a_past_day(registry, as_user):
    holder = _assign(registry, as_user)
    day = (today() - timedelta(days=2)).isoformat()
    response = registry.post(
        f"/workforce/{holder['id']}/end", json={"until": day}, headers=as_user("admin.district")
    )
    assert response.status_code == 200
    assert response.json()["until"] == day


@pytest.mark.parametrize(
    ("days", "message"), [(1, "结束日期不能晚于今天"), (-11, "结束日期不能早于任职起始日期")]
)
def test_a_bad_end_day_is_validation_failed(registry, as_user, days, message):
    holder = _assign(registry, as_user)
    response = registry.post(
        f"/workforce/{holder['id']}/end",
        json={"until": (today() + timedelta(days=days)).isoformat()},
        headers=as_user("admin.district"),
    )
    assert response.status_code == 422
    assert response.json()["fields"] == {"until": message}
    assert _members(registry)[0].until is None


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("admin.district", 200),
        ("worker.110109001", 200),
        ("worker.110109101", 403),
        ("supervisor.110109001001", 403),
        ("clerk.110109001", 403),
        ("police.district", 403),
        ("auditor.district", 403),
        ("reporter.school.110109001", 403),
    ],
)
def test_ending_follows_the_same_scope(registry, as_user, username, status):
    holder = _assign(registry, as_user)
    response = registry.post(f"/workforce/{holder['id']}/end", headers=as_user(username))
    assert response.status_code == status, response.text
    assert (_members(registry)[0].until is None) == (status != 200)


def test_ending_an_unknown_term_is_not_found(registry, as_user):
    response = registry.post("/workforce/nope/end", headers=as_user("admin.district"))
    assert response.status_code == 404


# ---- reading the roster ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "code", "status"),
    [
        ("admin.district", VILLAGE, 200),
        ("police.district", VILLAGE, 200),
        ("youthleague.district", OTHER_TOWN, 200),
        ("clerk.110109001", VILLAGE, 200),
        ("worker.110109001", VILLAGE, 200),
        ("supervisor.110109001001", VILLAGE, 200),
        ("supervisor.110109001001", TOWN, 200),
        ("supervisor.110109001001", FREE_VILLAGE, 404),
        ("worker.110109101", VILLAGE, 404),
        ("supervisor.110109101001", TOWN, 404),
        ("auditor.district", VILLAGE, 403),
        ("reporter.school.110109001", VILLAGE, 403),
        ("admin.district", "110109999999", 404),
    ],
)
def test_the_roster_is_read_in_line_with_ones_division(registry, as_user, username, code, status):
    _seed(registry)
    response = registry.get(f"/divisions/{code}/workforce", headers=as_user(username))
    assert response.status_code == status, response.text
    if status == 200 and code in {VILLAGE, TOWN}:
        assert len(response.json()) == 1


# ---- coverage -------------------------------------------------------------------------------


def _coverage(registry, as_user, username="admin.district", **params):
    response = registry.get("/workforce/coverage", params=params, headers=as_user(username))
    assert response.status_code == 200, response.text
    return response.json()


def test_coverage_of_the_district_lists_every_gap(registry, as_user):
    _seed(registry)
    towns, villages = _count(registry, "110109", "TOWN"), _count(registry, "110109", "VILLAGE")
    assert (towns, villages) == (13, 304)
    report = _coverage(registry, as_user, divisionCode="110109")
    assert report["divisionCode"] == "110109"
    assert (report["townCount"], report["townsWithSocialWorker"]) == (13, 2)
    assert (report["villageCount"], report["villagesWithSupervisor"]) == (304, 2)
    missing_towns = {d["code"] for d in report["townsWithoutSocialWorker"]}
    assert len(missing_towns) == 11 and not missing_towns & {TOWN, OTHER_TOWN}
    missing_villages = {d["code"] for d in report["villagesWithoutSupervisor"]}
    assert len(missing_villages) == 302 and VILLAGE not in missing_villages
    assert all(d["level"] == "VILLAGE" for d in report["villagesWithoutSupervisor"])


def test_coverage_follows_assignments_and_ends(registry, as_user):
    _seed(registry)
    villages = _count(registry, TOWN, "VILLAGE")
    before = _coverage(registry, as_user, divisionCode=TOWN)
    assert (before["townCount"], before["townsWithSocialWorker"]) == (1, 1)
    assert before["villagesWithSupervisor"] == 1
    assert len(before["villagesWithoutSupervisor"]) == villages - 1
    _assign(registry, as_user, FREE_VILLAGE)
    (worker,) = registry.get(
        f"/divisions/{TOWN}/workforce", headers=as_user("admin.district")
    ).json()
    registry.post(f"/workforce/{worker['id']}/end", headers=as_user("admin.district"))
    after = _coverage(registry, as_user, divisionCode=TOWN)
    assert after["townsWithSocialWorker"] == 0
    assert [d["code"] for d in after["townsWithoutSocialWorker"]] == [TOWN]
    assert after["villagesWithSupervisor"] == 2
    assert FREE_VILLAGE not in {d["code"] for d in after["villagesWithoutSupervisor"]}


@pytest.mark.parametrize(
    ("username", "params", "expected"),
    [
        ("admin.district", {}, ("110109", 13, 304)),
        ("auditor.district", {"divisionCode": TOWN}, (TOWN, 1, None)),
        ("police.district", {"divisionCode": OTHER_TOWN}, (OTHER_TOWN, 1, None)),
        ("clerk.110109001", {}, (TOWN, 1, None)),
        ("worker.110109101", {}, (OTHER_TOWN, 1, None)),
        ("supervisor.110109001001", {}, (VILLAGE, 0, 1)),
    ],
)
def test_coverage_defaults_to_the_callers_division(registry, as_user, username, params, expected):
    report = _coverage(registry, as_user, username, **params)
    code, towns, villages = expected
    assert (report["divisionCode"], report["townCount"]) == (code, towns)
    if villages is not None:
        assert report["villageCount"] == villages


@pytest.mark.parametrize(
    ("username", "division", "status"),
    [
        ("worker.110109101", TOWN, 404),
        ("supervisor.110109001001", TOWN, 404),
        ("clerk.110109001", "110109", 404),
        ("reporter.school.110109001", TOWN, 403),
        ("admin.district", "110109999", 422),
    ],
)
def test_coverage_refuses_out_of_scope(registry, as_user, username, division, status):
    response = registry.get(
        "/workforce/coverage", params={"divisionCode": division}, headers=as_user(username)
    )
    assert response.status_code == status, response.text

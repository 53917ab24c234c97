"""Inclusive schooling (融合教育): a disabled child's placement (安置) and home teaching (送教上门):
who decides and logs what, the rules as data, bad input refused with nothing written, the month
that fell short flagged once, and the dropout watch kept to open enrolments."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from shouhu.education.inclusive import jobs
from shouhu.education.inclusive.rules import load
from shouhu.education.inclusive.service import expected_in, month_bounds
from shouhu.education.models import (
    ChildProjection,
    HomeTeachingMissed,
    HomeTeachingPlan,
    HomeTeachingSession,
    Placement,
)
from shouhu.platform.clock import today

DEPARTMENT = "education.district"
WORKER = "worker.110109001"
OTHER_WORKER = "worker.110109101"
SUPERVISOR = "supervisor.110109001001"
TEACHER = "teacher.110109001"  # tied by the demo data to 大峪中心小学（演示） 2111090002
PRIMARY = "2111090002"
SPECIAL = "2111090009"  # 门头沟特殊教育学校（演示）: SPECIAL_EDUCATION, HOME_TEACHING
TEN = date(2016, 3, 1)
RECORDED = "education.home_teaching.session_recorded"
MISSED = "education.home_teaching.sessions_missed"
THIS_MONTH = today().replace(day=1)
LAST_MONTH = (THIS_MONTH - timedelta(days=1)).replace(day=1)
BEFORE = (LAST_MONTH - timedelta(days=1)).replace(day=1)


def _assessment(on: date = BEFORE) -> dict:
    return {
        "on": on.isoformat(),
        "by": "区残疾儿童入学评估委员会",
        "summary": "重度肢体残疾，不能到校",
    }


def _placement(kind: str = "HOME_TEACHING", school: str = PRIMARY, since: date = BEFORE) -> dict:
    return {
        "kind": kind,
        "schoolCode": school,
        "assessment": _assessment(since),
        "since": since.isoformat(),
    }


@pytest.fixture
def disabled(harness, ev) -> str:
    """A disabled child of ten, as the registry classified it."""
    child_id = harness.child(birth=TEN)
    harness.deliver(ev.classified(child_id, ["DISABLED"], birth=TEN))
    return child_id


def _rows(education, model) -> list:
    with Session(education.app.state.engine) as session:
        return list(session.exec(select(model)).all())


def _place(education, as_user, child_id: str, body: dict | None = None, user: str = DEPARTMENT):
    return education.post(
        f"/children/{child_id}/placements", json=body or _placement(), headers=as_user(user)
    )


def _plan(education, as_user, child_id: str, **fields):
    body = {"teacherName": "王老师", "since": BEFORE.isoformat(), **fields}
    return education.post(
        f"/children/{child_id}/home-teaching", json=body, headers=as_user(DEPARTMENT)
    )


def _log(education, as_user, child_id: str, on: date, hours: float = 2, user: str = TEACHER):
    body = {"on": on.isoformat(), "hours": hours, "content": "识字与生活技能训练"}
    return education.post(
        f"/children/{child_id}/home-teaching/sessions", json=body, headers=as_user(user)
    )


def _fields(response) -> dict:
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == "VALIDATION_FAILED", body
    fields: dict = body["fields"]
    return fields


def _planned(education, as_user, child_id: str) -> dict:
    assert _place(education, as_user, child_id).status_code == 201
    response = _plan(education, as_user, child_id)
    assert response.status_code == 201, response.text
    plan: dict = response.json()
    return plan


# ---- placement ------------------------------------------------------------------------------


def test_a_disabled_child_is_placed_by_the_district(education, as_user, disabled):
    response = _place(education, as_user, disabled)
    assert response.status_code == 201, response.text
    placed = response.json()
    assert (placed["kind"], placed["schoolCode"], placed["since"]) == (
        "HOME_TEACHING",
        PRIMARY,
        BEFORE.isoformat(),
    )
    assert placed["assessment"]["by"] == "区残疾儿童入学评估委员会"
    read = education.get(f"/children/{disabled}/education", headers=as_user(WORKER)).json()
    assert read["placement"]["id"] == placed["id"]
    assert read["homeTeaching"] is None


def test_a_child_not_disabled_is_refused_naming_the_child_and_nothing_is_written(
    education, as_user, harness
):
    child_id = harness.child(birth=TEN)
    assert _fields(_place(education, as_user, child_id)) == {
        "childId": "该儿童未登记为残疾儿童，不能决定融合教育安置"
    }
    assert _rows(education, Placement) == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (_placement("SPECIAL_SCHOOL", PRIMARY), "schoolCode"),  # not a special school
        (_placement(school="1111099999"), "schoolCode"),  # not in the district's list
        ({**_placement(), "assessment": _assessment(BEFORE + timedelta(days=1))}, "assessment.on"),
    ],
)
def test_a_placement_that_does_not_hold_is_refused(education, as_user, disabled, body, field):
    assert set(_fields(_place(education, as_user, disabled, body))) == {field}
    assert _rows(education, Placement) == []


@pytest.mark.parametrize("user", [WORKER, TEACHER, "education.110109001"])
def test_only_the_districts_education_department_decides(
    education, as_user, as_role, disabled, user
):
    headers = as_role("education", "110109001") if user.startswith("education.") else as_user(user)
    response = education.post(
        f"/children/{disabled}/placements", json=_placement(), headers=headers
    )
    assert response.status_code == 403, response.text
    assert _rows(education, Placement) == []


def test_a_new_decision_ends_the_current_one_and_its_plan_history_kept(
    education, as_user, disabled
):
    first = _planned(education, as_user, disabled)
    moved = _place(
        education, as_user, disabled, _placement("SPECIAL_SCHOOL", SPECIAL, since=LAST_MONTH)
    )
    assert moved.status_code == 201, moved.text
    rows = sorted(_rows(education, Placement), key=lambda r: r.since)
    assert [(r.kind, r.ended_on) for r in rows] == [
        ("HOME_TEACHING", LAST_MONTH),
        ("SPECIAL_SCHOOL", None),
    ]
    [plan] = _rows(education, HomeTeachingPlan)
    assert (plan.id, plan.ended_on) == (first["id"], LAST_MONTH)
    read = education.get(f"/children/{disabled}/education", headers=as_user(DEPARTMENT)).json()
    assert (read["placement"]["kind"], read["homeTeaching"]) == ("SPECIAL_SCHOOL", None)
    earlier = _place(education, as_user, disabled, _placement(since=BEFORE))
    assert set(_fields(earlier)) == {"since"}


# ---- the plan -------------------------------------------------------------------------------


def test_a_plan_takes_the_districts_defaults(education, as_user, disabled):
    plan = _planned(education, as_user, disabled)
    rules = load()
    assert (plan["sessionsPerMonth"], plan["minHours"], plan["ruleVersion"]) == (
        int(rules.sessions_per_month.default),
        rules.min_hours.default,
        rules.version,
    )
    assert (plan["schoolCode"], plan["teacherName"], plan["heldThisMonth"]) == (
        PRIMARY,
        "王老师",
        0,
    )


@pytest.mark.parametrize(
    ("fields", "refused"),
    [
        ({"sessionsPerMonth": 1}, "sessionsPerMonth"),
        ({"sessionsPerMonth": 13}, "sessionsPerMonth"),
        ({"minHours": 0.5}, "minHours"),
        ({"minHours": 5}, "minHours"),
        ({"teacherUsername": "teacher.110109101"}, "teacherUsername"),  # no staff of the school
        ({"schoolCode": "1111099999"}, "schoolCode"),
        ({"since": (BEFORE - timedelta(days=1)).isoformat()}, "since"),  # before the placement
    ],
)
def test_a_plan_out_of_bounds_is_refused_and_nothing_written(
    education, as_user, disabled, fields, refused
):
    assert _place(education, as_user, disabled).status_code == 201
    assert set(_fields(_plan(education, as_user, disabled, **fields))) == {refused}
    assert _rows(education, HomeTeachingPlan) == []


def test_a_plan_needs_a_home_teaching_placement(education, as_user, disabled):
    assert _fields(_plan(education, as_user, disabled)).keys() == {"childId"}
    body = _placement("REGULAR_CLASS")
    assert _place(education, as_user, disabled, body).status_code == 201
    assert _fields(_plan(education, as_user, disabled)).keys() == {"childId"}


def test_a_plan_within_bounds_and_a_tied_teacher(education, as_user, disabled):
    assert _place(education, as_user, disabled).status_code == 201
    response = _plan(
        education, as_user, disabled, sessionsPerMonth=8, minHours=1.5, teacherUsername=TEACHER
    )
    assert response.status_code == 201, response.text
    plan = response.json()
    assert (plan["sessionsPerMonth"], plan["minHours"], plan["teacherUsername"]) == (
        8,
        1.5,
        TEACHER,
    )


# ---- sessions -------------------------------------------------------------------------------


def test_the_sending_schools_staff_log_sessions_and_they_are_told(
    education, as_user, harness, disabled
):
    plan = _planned(education, as_user, disabled)
    response = _log(education, as_user, disabled, today(), hours=2.5)
    assert response.status_code == 201, response.text
    assert response.json()["counted"] is True
    short = _log(
        education, as_user, disabled, today() - timedelta(days=1), hours=1, user=DEPARTMENT
    )
    assert short.status_code == 201, short.text
    assert short.json()["counted"] is False  # under the plan's 2 hours: logged, not counted
    [told, _] = harness.events(RECORDED)
    assert (told["childId"], told["planId"], told["hours"], told["schoolCode"]) == (
        disabled,
        plan["id"],
        2.5,
        PRIMARY,
    )
    assert "content" not in told
    read = education.get(
        f"/children/{disabled}/home-teaching/sessions?last=1", headers=as_user(TEACHER)
    )
    assert [s["on"] for s in read.json()] == [today().isoformat()]
    listed = education.get("/home-teaching?divisionCode=110109001", headers=as_user(WORKER))
    [row] = listed.json()
    assert (row["childId"], row["heldThisMonth"]) == (disabled, 1)  # the short one not counted


@pytest.mark.parametrize(
    ("on", "hours", "content", "field"),
    [
        (today() + timedelta(days=1), 2, "课", "on"),  # in the future
        (BEFORE - timedelta(days=1), 2, "课", "on"),  # before the plan
        (today(), 0, "课", "hours"),
        (today(), 7, "课", "hours"),  # above the district's day
        (today(), 2, "  ", "content"),
    ],
)
def test_a_session_that_cannot_be_is_refused_and_nothing_written(
    education, as_user, harness, disabled, on, hours, content, field
):
    _planned(education, as_user, disabled)
    body = {"on": on.isoformat(), "hours": hours, "content": content}
    response = education.post(
        f"/children/{disabled}/home-teaching/sessions", json=body, headers=as_user(DEPARTMENT)
    )
    assert set(_fields(response)) == {field}
    assert _rows(education, HomeTeachingSession) == []
    assert harness.events(RECORDED) == []


def test_the_same_day_twice_is_refused(education, as_user, disabled):
    _planned(education, as_user, disabled)
    assert _log(education, as_user, disabled, today()).status_code == 201
    assert set(_fields(_log(education, as_user, disabled, today()))) == {"on"}
    assert len(_rows(education, HomeTeachingSession)) == 1


def test_who_logs_and_who_reads(education, as_user, as_role, disabled):
    _planned(education, as_user, disabled)
    assert _log(education, as_user, disabled, today(), user=WORKER).status_code == 403
    other = as_role("school_staff", "110109007")  # a staff user no school is tied to yet
    body = {"on": today().isoformat(), "hours": 2, "content": "课"}
    path = f"/children/{disabled}/home-teaching/sessions"
    assert education.post(path, json=body, headers=other).status_code == 403
    education.put(
        "/school-staff/school_staff.110109007",
        json={"schoolCode": SPECIAL},
        headers=as_user(DEPARTMENT),
    )
    assert education.post(path, json=body, headers=other).status_code == 404  # not its child
    theirs = education.get(f"/children/{disabled}/education", headers=as_user(TEACHER)).json()
    assert theirs["homeTeaching"]["schoolCode"] == PRIMARY
    assert theirs["placement"]["kind"] == "HOME_TEACHING"
    assert education.get(f"/children/{disabled}/education", headers=other).status_code == 404
    assert (
        education.get("/home-teaching?divisionCode=110109001", headers=as_user(OTHER_WORKER))
    ).status_code == 403
    assert (
        education.get("/home-teaching?divisionCode=110109001", headers=as_user(SUPERVISOR))
    ).status_code == 403
    assert (
        education.get("/home-teaching?divisionCode=110109101", headers=as_user(OTHER_WORKER)).json()
        == []
    )


# ---- the month that ended -------------------------------------------------------------------


def test_a_month_short_of_its_schedule_is_flagged_once(education, as_user, harness, disabled):
    _planned(education, as_user, disabled)
    _log(education, as_user, disabled, LAST_MONTH + timedelta(days=2))
    _log(education, as_user, disabled, LAST_MONTH + timedelta(days=9), hours=1)  # too short
    engine = education.app.state.engine
    first = jobs.check(engine, THIS_MONTH + timedelta(days=3))
    again = jobs.check(engine, THIS_MONTH + timedelta(days=4))
    assert first is not None and again is not None
    assert (first.month, first.flagged, again.flagged) == (f"{LAST_MONTH:%Y-%m}", 1, 0)
    [row] = _rows(education, HomeTeachingMissed)
    assert (row.month, row.expected, row.held, row.town_code) == (
        f"{LAST_MONTH:%Y-%m}",
        4,
        1,
        "110109001",
    )
    [told] = harness.events(MISSED)
    assert (told["childId"], told["month"], told["expected"], told["held"]) == (
        disabled,
        f"{LAST_MONTH:%Y-%m}",
        4,
        1,
    )
    assert (told["schoolCode"], told["townDivisionCode"]) == (PRIMARY, "110109001")
    read = education.get(f"/children/{disabled}/education", headers=as_user(DEPARTMENT)).json()
    assert read["homeTeaching"]["missedMonths"] == [
        {"month": f"{LAST_MONTH:%Y-%m}", "expected": 4, "held": 1}
    ]


def test_a_month_kept_is_not_flagged(education, as_user, harness, disabled):
    _planned(education, as_user, disabled)
    for day in (1, 8, 15, 22):
        assert (
            _log(education, as_user, disabled, LAST_MONTH + timedelta(days=day)).status_code == 201
        )
    checked = jobs.check(education.app.state.engine, THIS_MONTH)
    assert checked is not None and checked.flagged == 0
    assert harness.events(MISSED) == []


def test_a_month_begun_part_way_asks_pro_rata():
    child = ChildProjection(
        child_id="c", name="x", birth_date=TEN, residence_division_code="1", town_code="1"
    )
    plan = HomeTeachingPlan(
        id="p",
        child_id="c",
        placement_id="x",
        school_code=PRIMARY,
        teacher_name="王",
        sessions_per_month=4,
        min_hours=2,
        since=date(2026, 11, 16),
        rule_version="v",
        planned_by="x",
    )
    start, end = month_bounds(date(2026, 11, 5))
    assert expected_in(plan, child, start, end) == 2  # 15 days of 30
    plan.ended_on = date(2026, 11, 16)
    assert expected_in(plan, child, start, end) == 0  # replaced the day it began
    plan.since, plan.ended_on = date(2026, 10, 1), None
    child.exited_on = date(2026, 11, 8)
    assert expected_in(plan, child, start, end) == 0  # 7 days: 4 × 7 / 30 rounds down


# ---- the dropout watch ----------------------------------------------------------------------


def test_home_teaching_counts_as_at_school_only_with_an_open_enrolment(
    education, as_user, disabled
):
    """A plan alone keeps the dropout risk open; the HOME_TEACHING enrolment resolves it."""

    def risk() -> dict | None:
        read = education.get(f"/children/{disabled}/education", headers=as_user(DEPARTMENT))
        value: dict | None = read.json()["dropoutRisk"]
        return value

    assert risk() is not None  # ten, no school
    _place(education, as_user, disabled, _placement(school=SPECIAL))
    assert _plan(education, as_user, disabled).status_code == 201
    assert risk() is not None
    enrolment = {"schoolCode": SPECIAL, "stage": "HOME_TEACHING", "grade": 4, "since": "2025-09-01"}
    response = education.post(
        f"/children/{disabled}/enrolments", json=enrolment, headers=as_user(DEPARTMENT)
    )
    assert response.status_code == 201, response.text
    assert risk() is None


def test_a_child_who_left_the_registry_is_not_planned_nor_taught_after(
    education, as_user, harness, ev, disabled
):
    _planned(education, as_user, disabled)
    harness.deliver(ev.exited(disabled, today()))
    assert set(_fields(_log(education, as_user, disabled, today(), user=DEPARTMENT))) == {"on"}
    assert _log(education, as_user, disabled, LAST_MONTH, user=DEPARTMENT).status_code == 201
    assert set(_fields(_plan(education, as_user, disabled))) == {"childId"}
    assert set(_fields(_place(education, as_user, disabled))) == {"childId"}

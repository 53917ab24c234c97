"""The dropout watch (控辍保学): who is at risk and when (the age edges, leap-day births), what
resolves, exempts or closes a risk, the daily sweep, schools' absences, the list per division."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlmodel import Session, select

from shouhu.education.dropout import jobs
from shouhu.education.dropout.rules import load
from shouhu.education.dropout.service import longest_run
from shouhu.education.models import ChildProjection, DropoutRisk, School
from shouhu.platform.clock import birthday, today
from shouhu.platform.events import utcnow
from shouhu.platform.workdays import add_working_days, is_workday

DEPARTMENT = "education.district"
WORKER = "worker.110109001"
OTHER_WORKER = "worker.110109101"
SUPERVISOR = "supervisor.110109001001"
TEACHER = "teacher.110109001"  # tied by the demo data to 大峪中心小学（演示） 2111090002
PRIMARY = {"schoolCode": "2111090002", "stage": "PRIMARY", "grade": 4, "since": "2025-09-01"}
OPENED = "education.dropout_risk.opened"
CLOSED = "education.dropout_risk.closed"
OVERDUE = "education.dropout_risk.overdue"
TEN = date(2016, 3, 1)


def _risks(education) -> list[DropoutRisk]:
    with Session(education.app.state.engine) as session:
        return list(session.exec(select(DropoutRisk)).all())


def _open(education, as_user, child_id: str) -> dict | None:
    """The child's open risk as `Child.education` reads it."""
    response = education.get(f"/children/{child_id}/education", headers=as_user(DEPARTMENT))
    assert response.status_code == 200, response.text
    risk: dict | None = response.json()["dropoutRisk"]
    return risk


def _sweep(education, on: date):
    return jobs.sweep(education.app.state.engine, on)


def _enrol(education, as_user, child_id: str, user: str = DEPARTMENT) -> dict:
    response = education.post(
        f"/children/{child_id}/enrolments", json=PRIMARY, headers=as_user(user)
    )
    assert response.status_code == 201, response.text
    body: dict = response.json()
    return body


# ---- the ages, as data ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "on", "of_age"),
    [
        (date(2020, 12, 1), date(2026, 11, 30), False),  # the day before the 6th birthday
        (date(2020, 12, 1), date(2026, 12, 1), True),  # the 6th birthday
        (date(2010, 12, 1), date(2026, 11, 30), True),  # the last day of 15
        (date(2010, 12, 1), date(2026, 12, 1), False),  # the 16th birthday
        (date(2020, 2, 29), date(2026, 2, 28), False),  # leap-day birth, common year: not yet
        (date(2020, 2, 29), date(2026, 3, 1), True),  # ... 6 on 1 March
        (date(2020, 2, 29), date(2028, 2, 29), True),
        (date(2012, 2, 29), date(2028, 2, 28), True),  # 16 on 29 February of a leap year
        (date(2012, 2, 29), date(2028, 2, 29), False),
    ],
)
def test_compulsory_school_age_is_6_to_15_on_the_day(born, on, of_age):
    watch = load()
    assert watch.of_age(born, on) is of_age
    after, up_to = watch.born_between(on)  # what the sweep asks, set-based
    assert (after < born <= up_to) is of_age


def test_the_deadline_is_ten_working_days_as_data():
    watch = load()
    assert (watch.compulsory_age.from_years, watch.compulsory_age.to_years) == (6, 15)
    opened = date(2026, 9, 28)  # before the National Day holiday (10.1-10.8 in 2026)
    assert watch.due_on(opened) == add_working_days(opened, 10, weekdays_beyond=True)
    assert watch.due_on(opened) > opened + timedelta(days=14)  # holidays do not count


# ---- the moment a child is out of school ----------------------------------------------------


def test_a_child_of_ten_registered_with_no_school_is_at_risk_at_once(education, harness, as_user):
    child_id = harness.child(birth=TEN)
    [event] = harness.events(OPENED)
    assert (event["childId"], event["reason"], event["openedOn"]) == (
        child_id,
        "NOT_ENROLLED",
        today().isoformat(),
    )
    assert (event["residenceDivisionCode"], event["townDivisionCode"]) == (
        "110109001001",
        "110109001",
    )
    risk = _open(education, as_user, child_id)
    assert risk is not None
    assert (risk["id"], risk["status"], risk["overdue"]) == (event["riskId"], "OPEN", False)
    assert risk["dueOn"] == load().due_on(today()).isoformat()


@pytest.mark.parametrize("years", [3, 17])
def test_a_child_outside_compulsory_school_age_is_not(education, harness, years):
    harness.child(birth=date(today().year - years, 1, 1))
    assert harness.events(OPENED) == []


def test_the_same_registration_twice_opens_one_risk(education, harness, ev):
    event = ev.registered(str(uuid.uuid4()), birth=TEN)
    harness.deliver(event, event)
    harness.deliver(ev.updated(event.subject, birth=TEN))
    assert len(_risks(education)) == 1 and len(harness.events(OPENED)) == 1


def test_an_enrolment_resolves_it_an_enrolment_ended_opens_another(education, harness, as_user):
    child_id = harness.child(birth=TEN)
    enrolment = _enrol(education, as_user, child_id)
    [closed] = harness.events(CLOSED)
    assert (closed["status"], closed["outcome"], closed["closedBy"]) == (
        "RESOLVED",
        "ENROLLED",
        DEPARTMENT,
    )
    assert _open(education, as_user, child_id) is None
    ended = education.post(
        f"/enrolments/{enrolment['id']}/end",
        json={"reason": "DROPPED_OUT"},
        headers=as_user(DEPARTMENT),
    )
    assert ended.status_code == 200, ended.text
    risk = _open(education, as_user, child_id)
    assert risk is not None and risk["reason"] == "ENROLMENT_ENDED"
    rows = _risks(education)
    assert sorted(r.status for r in rows) == ["OPEN", "RESOLVED"]  # history kept


def test_home_teaching_is_an_enrolment_too(education, harness, as_user):
    child_id = harness.child(birth=TEN)
    with Session(education.app.state.engine) as session:
        school = session.get(School, "2111090002")
        assert school is not None
        school.stages = [*school.stages, "HOME_TEACHING"]
        session.add(school)
        session.commit()
    response = education.post(
        f"/children/{child_id}/enrolments",
        json={**PRIMARY, "stage": "HOME_TEACHING"},
        headers=as_user(DEPARTMENT),
    )
    assert response.status_code == 201, response.text
    assert _open(education, as_user, child_id) is None


def test_leaving_the_registry_closes_it_moving_within_the_district_moves_it(
    education, harness, ev, as_user
):
    child_id = harness.child(birth=TEN)
    harness.deliver(ev.updated(child_id, village="110109101001", birth=TEN))
    [row] = _risks(education)
    assert (row.residence_division_code, row.town_code) == ("110109101001", "110109101")
    listed = education.get(
        "/dropout-risks", params={"divisionCode": "110109101"}, headers=as_user(OTHER_WORKER)
    ).json()
    assert [e["node"]["childId"] for e in listed["edges"]] == [child_id]
    harness.deliver(ev.exited(child_id, today(), village="110109101001"))
    [closed] = harness.events(CLOSED)
    assert (closed["status"], closed["outcome"]) == ("CLOSED", "CHILD_EXITED")


# ---- the daily sweep --------------------------------------------------------------------------


def test_the_sweep_opens_on_the_6th_birthday_closes_on_the_16th_and_twice_opens_nothing_more(
    education, harness
):
    on = today()
    six_tomorrow = harness.child(birth=birthday(on, -6) + timedelta(days=1))
    sixteen_tomorrow = harness.child(birth=birthday(on, -16) + timedelta(days=1))
    assert [e["childId"] for e in harness.events(OPENED)] == [sixteen_tomorrow]
    swept = _sweep(education, on)
    assert swept is not None and (swept.opened, swept.closed) == (0, 0)

    tomorrow = on + timedelta(days=1)
    swept = _sweep(education, tomorrow)
    assert swept is not None and (swept.opened, swept.closed) == (1, 1)
    assert [e["childId"] for e in harness.events(OPENED)] == [sixteen_tomorrow, six_tomorrow]
    [closed] = harness.events(CLOSED)
    assert (closed["childId"], closed["outcome"]) == (sixteen_tomorrow, "AGE_LEFT")
    again = _sweep(education, tomorrow)
    assert again is not None and (again.opened, again.closed, again.overdue) == (0, 0, 0)
    assert len(harness.events()) == 3


def test_the_sweep_is_the_safety_net_for_children_no_event_judged(education, harness):
    """A projection filled by the rebuild (no event judged the children) is swept whole."""
    with Session(education.app.state.engine) as session:
        for n in range(3):
            session.add(
                ChildProjection(
                    child_id=str(uuid.uuid4()),
                    name=f"重建{n}",
                    birth_date=TEN if n else date(2024, 1, 1),
                    residence_division_code="110109001001",
                    town_code="110109001",
                    classifications=[],
                    updated_at=utcnow(),
                )
            )
        session.commit()
    swept = _sweep(education, today())
    assert swept is not None and swept.opened == 2
    assert {e["reason"] for e in harness.events(OPENED)} == {"NOT_ENROLLED"}
    assert _sweep(education, today()).opened == 0  # type: ignore[union-attr]
    assert len(_risks(education)) == 2


def test_the_sweep_resolves_a_risk_whose_child_was_enrolled_and_tells_the_overdue_once(
    education, harness, as_user
):
    late, enrolled = harness.child(birth=TEN), harness.child(birth=TEN)
    _enrol(education, as_user, enrolled)
    with Session(education.app.state.engine) as session:  # as if the resolution were missed
        for row in session.exec(select(DropoutRisk)).all():
            row.status, row.closed_on, row.close_reason = "OPEN", None, None
            session.add(row)
        session.commit()
    after_deadline = load().due_on(today()) + timedelta(days=1)
    swept = _sweep(education, after_deadline)
    assert swept is not None and (swept.opened, swept.closed, swept.overdue) == (0, 1, 1)
    [overdue] = harness.events(OVERDUE)
    assert overdue["childId"] == late
    assert _sweep(education, after_deadline + timedelta(days=1)).overdue == 0  # type: ignore[union-attr]
    with Session(education.app.state.engine) as session:
        row = session.exec(select(DropoutRisk).where(DropoutRisk.child_id == late)).one()
    assert (row.status, row.overdue_on) == ("OPEN", after_deadline)


# ---- exemption --------------------------------------------------------------------------------


def test_an_exemption_ends_the_risk_and_the_sweep_opens_none_while_it_holds(
    education, harness, as_user
):
    child_id = harness.child(birth=TEN)
    risk = _open(education, as_user, child_id)
    assert risk is not None
    path = f"/dropout-risks/{risk['id']}/exempt"
    assert (
        education.post(path, json={"reason": "MEDICAL"}, headers=as_user(SUPERVISOR)).json()["code"]
        == "FORBIDDEN"
    )
    assert (
        education.post(path, json={"reason": "MEDICAL"}, headers=as_user(OTHER_WORKER)).status_code
        == 404
    )
    refused = education.post(path, json={"reason": "OTHER", "note": " "}, headers=as_user(WORKER))
    assert refused.status_code == 422 and refused.json()["fields"] == {"note": "其他原因须填写说明"}
    done = education.post(
        path, json={"reason": "MOVED_AWAY", "note": "随父母迁往外省"}, headers=as_user(WORKER)
    )
    assert done.status_code == 200, done.text
    body = done.json()
    assert (body["status"], body["outcome"], body["exemptionReason"], body["closedBy"]) == (
        "EXEMPTED",
        "EXEMPTED",
        "MOVED_AWAY",
        WORKER,
    )
    [closed] = harness.events(CLOSED)
    assert (closed["status"], closed["exemptionReason"]) == ("EXEMPTED", "MOVED_AWAY")
    again = education.post(path, json={"reason": "MEDICAL"}, headers=as_user(DEPARTMENT))
    assert again.status_code == 422 and set(again.json()["fields"]) == {"id"}
    assert _sweep(education, today()).opened == 0  # type: ignore[union-attr]
    assert _open(education, as_user, child_id) is None


def test_an_exemption_with_an_end_holds_until_it(education, harness, as_user):
    child_id = harness.child(birth=TEN)
    risk = _open(education, as_user, child_id)
    assert risk is not None
    until = today() + timedelta(days=30)
    education.post(
        f"/dropout-risks/{risk['id']}/exempt",
        json={"reason": "MEDICAL", "until": until.isoformat()},
        headers=as_user(DEPARTMENT),
    )
    assert _sweep(education, until).opened == 0  # type: ignore[union-attr]
    assert _sweep(education, until + timedelta(days=1)).opened == 1  # type: ignore[union-attr]


# ---- absences ---------------------------------------------------------------------------------


def _school_days(n: int) -> list[date]:
    """`n` consecutive school days, the last at least a week ago."""
    day = today() - timedelta(days=21)
    while not is_workday(day, weekdays_beyond=True):
        day += timedelta(days=1)
    days = [day]
    while len(days) < n:
        days.append(add_working_days(days[-1], 1, weekdays_beyond=True))
    return days


def test_a_run_of_absences_at_the_threshold_opens_a_long_absence_a_return_resolves_it(
    education, harness, as_user
):
    child_id = harness.child(birth=TEN)
    _enrol(education, as_user, child_id, user=TEACHER)
    days = _school_days(3)
    path = f"/children/{child_id}/absences"
    first = education.post(
        path, json={"from": days[0].isoformat(), "consecutiveDays": 2}, headers=as_user(TEACHER)
    )
    assert first.status_code == 200, first.text
    assert (first.json()["longestRun"], first.json()["dropoutRisk"]) == (2, None)
    report = {"from": days[2].isoformat(), "days": [days[2].isoformat()]}
    second = education.post(path, json=report, headers=as_user(TEACHER))
    assert second.status_code == 200, second.text
    body = second.json()
    assert (body["longestRun"], body["threshold"]) == (3, load().long_absence_school_days)
    assert body["dropoutRisk"]["reason"] == "LONG_ABSENCE"  # even while enrolled
    opened = len(harness.events(OPENED))
    education.post(path, json=report, headers=as_user(TEACHER))  # the same report again
    assert len(harness.events(OPENED)) == opened
    back = education.post(f"/children/{child_id}/returns", json={}, headers=as_user(TEACHER))
    assert back.status_code == 200, back.text
    assert (back.json()["days"], back.json()["dropoutRisk"]) == ([], None)
    closed = harness.events(CLOSED)[-1]
    assert (closed["reason"], closed["outcome"]) == ("LONG_ABSENCE", "RETURNED")
    assert _sweep(education, today()).opened == 0  # type: ignore[union-attr]


def test_absences_are_reported_for_the_schools_own_children_in_words_that_name_the_field(
    education, harness, as_user
):
    enrolled, unenrolled = harness.child(birth=TEN), harness.child(birth=TEN)
    _enrol(education, as_user, enrolled)
    day = _school_days(1)[0].isoformat()
    both = education.post(
        f"/children/{enrolled}/absences",
        json={"from": day, "consecutiveDays": 1, "days": [day]},
        headers=as_user(TEACHER),
    )
    assert both.status_code == 422 and set(both.json()["fields"]) == {"consecutiveDays"}
    future = education.post(
        f"/children/{enrolled}/absences",
        json={"from": day, "consecutiveDays": 40},
        headers=as_user(TEACHER),
    )
    assert future.status_code == 422 and set(future.json()["fields"]) == {"consecutiveDays"}
    none = education.post(
        f"/children/{unenrolled}/absences",
        json={"from": day, "consecutiveDays": 1},
        headers=as_user(DEPARTMENT),
    )
    assert none.status_code == 422 and set(none.json()["fields"]) == {"childId"}
    # Not the teacher's school's child: as if absent.
    assert (
        education.post(
            f"/children/{unenrolled}/absences",
            json={"from": day, "consecutiveDays": 1},
            headers=as_user(TEACHER),
        ).status_code
        == 404
    )
    worker = education.post(
        f"/children/{enrolled}/absences",
        json={"from": day, "consecutiveDays": 1},
        headers=as_user(WORKER),
    )
    assert worker.status_code == 403


def test_a_run_spans_a_weekend_but_not_a_missing_school_day():
    monday = date(2026, 11, 16)
    friday = monday + timedelta(days=4)
    assert longest_run([friday, friday + timedelta(days=3)]) == 2  # Friday, Monday
    assert longest_run([monday, monday + timedelta(days=2)]) == 1  # Wednesday missing
    assert longest_run([]) == 0


# ---- the list per division ----------------------------------------------------------------


def test_the_list_is_per_division_newest_first_keyset_paged(education, harness, as_user):
    mine = [harness.child(birth=TEN) for _ in range(3)]
    other = harness.child(birth=TEN, village="110109101001")
    seen: list[str] = []
    after = None
    while True:
        params = {"divisionCode": "110109", "first": 2, **({"after": after} if after else {})}
        page = education.get("/dropout-risks", params=params, headers=as_user(DEPARTMENT)).json()
        seen += [e["node"]["childId"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(seen) == sorted([*mine, other]) and len(seen) == 4
    town = education.get(
        "/dropout-risks", params={"divisionCode": "110109001"}, headers=as_user(WORKER)
    ).json()
    assert sorted(e["node"]["childId"] for e in town["edges"]) == sorted(mine)
    village = education.get(
        "/dropout-risks", params={"divisionCode": "110109001001"}, headers=as_user(SUPERVISOR)
    ).json()
    assert len(village["edges"]) == 3
    assert (
        education.get(
            "/dropout-risks", params={"divisionCode": "110109001"}, headers=as_user(OTHER_WORKER)
        ).status_code
        == 403
    )
    bad = education.get(
        "/dropout-risks",
        params={"divisionCode": "110109", "after": "nonsense"},
        headers=as_user(DEPARTMENT),
    )
    assert bad.status_code == 422 and set(bad.json()["fields"]) == {"after"}
    assert (
        education.get(
            "/dropout-risks", params={"divisionCode": "110109"}, headers=as_user(TEACHER)
        ).status_code
        == 403
    )

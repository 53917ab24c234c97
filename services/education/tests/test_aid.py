"""Aid by stage: the rules file, the engine, decisions made again when facts or standards
change, the standards the district sets, and who may."""

from __future__ import annotations

from datetime import date, timedelta
from importlib import resources

import pytest
from sqlmodel import Session, select

from shouhu.education.aid import engine
from shouhu.education.aid.rules import AidProgramme, load, parse
from shouhu.education.enrolments.stages import load as stages
from shouhu.education.models import AidDecision, AidStandard
from shouhu.education.schools.schemas import SchoolStage
from shouhu.platform.clock import today

DEPARTMENT = "education.district"
TEACHER = "teacher.110109001"
SENIOR_SCHOOL = "2111090003"  # 大峪第一中学（演示）: junior and senior secondary
PRIMARY_SCHOOL = "2111090002"
BORN_SENIOR = date(2010, 3, 1)
BORN_PRIMARY = date(2016, 3, 1)
SENIOR = {
    "schoolCode": SENIOR_SCHOOL,
    "stage": "SENIOR_SECONDARY",
    "grade": 1,
    "since": "2025-09-01",
}
PRIMARY = {"schoolCode": PRIMARY_SCHOOL, "stage": "PRIMARY", "grade": 3, "since": "2024-09-01"}
P = AidProgramme


# ---- the rules file and the engine --------------------------------------------------------


def test_the_rules_file_loads_with_every_programme_and_two_semesters_making_a_year():
    rules = load()
    assert {p.code for p in rules.programmes} == set(AidProgramme)
    assert sum(s.percent for s in rules.semesters) == 100
    assert rules.programme(P.BOARDING_LIVING_SUBSIDY).boarding_required


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda t: t.replace("percent: 50}", "percent: 60}", 1), "合计须为100"),
        (lambda t: t.replace("code: PRESCHOOL_AID", "code: NOT_A_PROGRAMME"), "PRESCHOOL_AID"),
        (lambda t: t.replace("    boarding_required: true", "    boarding: true"), "boarding"),
    ],
)
def test_a_bad_rules_file_is_refused_with_what_is_wrong(change, words):
    text = (resources.files("shouhu.education.aid") / "aid-rules.yaml").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match=words):
        parse(change(text))


def facts(**change: object) -> engine.Facts:
    base: dict[str, object] = {
        "on": date(2026, 10, 1),
        "active": True,
        "exited_on": None,
        "groups": frozenset({"POVERTY"}),
        "subtypes": frozenset({"MINIMUM_SUBSISTENCE_FAMILY"}),
        "left_behind": False,
        "stage": SchoolStage.SENIOR_SECONDARY,
        "suspended": False,
        "boarding": False,
        "school_name": "大峪第一中学（演示）",
    }
    return engine.Facts(**{**base, **change})  # type: ignore[arg-type]


def outcomes(f: engine.Facts, **standards: int) -> dict[AidProgramme, engine.Outcome]:
    rules = load()
    amounts = {p.code: standards.get(p.code.value, p.default_annual_fen) for p in rules.programmes}
    return {o.programme: o for o in engine.decide(rules, stages(), f, amounts)}


def test_a_hardship_child_in_senior_secondary_gets_the_grant_and_the_fee_waiver_with_reasons():
    found = outcomes(facts(), SENIOR_NATIONAL_GRANT=250000)
    grant, waiver = found[P.SENIOR_NATIONAL_GRANT], found[P.SENIOR_FEE_WAIVER]
    assert grant.eligible and waiver.eligible
    assert grant.annual_amount_fen == 250000
    assert grant.reasons == (
        "符合条件：困境儿童",
        "在读普通高中（大峪第一中学（演示））",
        "予以资助：每年2,500.00元（春季学期1,250.00元，秋季学期1,250.00元）",
    )
    assert [p for p, o in found.items() if o.eligible] == [
        P.SENIOR_NATIONAL_GRANT,
        P.SENIOR_FEE_WAIVER,
    ]
    assert found[P.PRESCHOOL_AID].reasons == ("不符合条件：须在读学前教育，该儿童在读普通高中",)
    assert found[P.VOCATIONAL_NATIONAL_GRANT].annual_amount_fen == 0


@pytest.mark.parametrize(
    ("change", "programme", "reason"),
    [
        ({"groups": frozenset(), "subtypes": frozenset()}, P.SENIOR_NATIONAL_GRANT, "须为困境儿童"),
        ({"stage": None}, P.SENIOR_FEE_WAIVER, "该儿童没有在读学籍"),
        ({"suspended": True}, P.SENIOR_NATIONAL_GRANT, "休学期间不予资助"),
        ({"active": False, "exited_on": date(2026, 9, 1)}, P.SENIOR_FEE_WAIVER, "已退出"),
        ({"stage": SchoolStage.PRIMARY}, P.BOARDING_LIVING_SUBSIDY, "须为寄宿生"),
        (
            {"groups": frozenset({"LEFT_BEHIND"}), "subtypes": frozenset(), "left_behind": True},
            P.SENIOR_NATIONAL_GRANT,
            "留守儿童不在本项目资助范围",
        ),
    ],
)
def test_each_refusal_says_why_in_chinese(change, programme, reason):
    found = outcomes(facts(**change))[programme]
    assert not found.eligible and found.annual_amount_fen == 0
    assert found.reasons[0].startswith("不符合条件：") and reason in found.reasons[0]


def test_left_behind_children_qualify_where_the_district_switched_it_on():
    left_behind = {
        "groups": frozenset({"LEFT_BEHIND"}),
        "subtypes": frozenset(),
        "left_behind": True,
    }
    boarder = outcomes(facts(**left_behind, stage=SchoolStage.PRIMARY, boarding=True))
    assert load().programme(P.BOARDING_LIVING_SUBSIDY).left_behind_eligible
    subsidy = boarder[P.BOARDING_LIVING_SUBSIDY]
    assert subsidy.eligible and "留守儿童" in subsidy.reasons[0]
    assert "寄宿生" in subsidy.reasons[1]


# ---- decisions through the service ----------------------------------------------------------


def _hardship(harness, ev, *, birth=BORN_SENIOR, subtypes=("MINIMUM_SUBSISTENCE_FAMILY",), **kw):
    child_id = harness.child(birth=birth)
    harness.deliver(ev.classified(child_id, list(subtypes), birth=birth, **kw))
    return child_id


def _enrol(education, as_user, child_id, body=SENIOR):
    response = education.post(
        f"/children/{child_id}/enrolments", json=body, headers=as_user(DEPARTMENT)
    )
    assert response.status_code == 201, response.text
    return response.json()


def _aid(education, as_user, child_id, user=DEPARTMENT):
    read = education.get(f"/children/{child_id}/education", headers=as_user(user))
    assert read.status_code == 200, read.text
    return {a["programme"]: a for a in read.json()["aid"]}


def _decisions(education) -> list[AidDecision]:
    with Session(education.app.state.engine) as session:
        return list(session.exec(select(AidDecision)).all())


def test_an_enrolment_of_a_hardship_child_decides_its_aid_and_tells_the_plan(
    education, harness, ev, as_user
):
    child_id = _hardship(harness, ev)
    assert harness.events("education.aid.decided") == []  # no enrolment: nothing kept yet
    _enrol(education, as_user, child_id)
    aid = _aid(education, as_user, child_id)
    assert [p for p, a in aid.items() if a["eligible"]] == [
        "SENIOR_NATIONAL_GRANT",
        "SENIOR_FEE_WAIVER",
    ]
    assert aid["SENIOR_NATIONAL_GRANT"]["annualAmountFen"] == 200000
    assert aid["SENIOR_NATIONAL_GRANT"]["reasons"][0] == "符合条件：困境儿童"
    assert aid["SENIOR_FEE_WAIVER"]["decidedOn"] == today().isoformat()
    (told,) = harness.events("education.aid.decided")
    assert told["trigger"] == "education.enrolment.changed"
    assert told["stage"] == "SENIOR_SECONDARY"
    assert [(m["sourceRef"], m["status"], m["department"]) for m in told["planMeasures"]] == [
        (f"education-aid:{child_id}:SENIOR_NATIONAL_GRANT", "IN_PROGRESS", "EDUCATION"),
        (f"education-aid:{child_id}:SENIOR_FEE_WAIVER", "IN_PROGRESS", "EDUCATION"),
    ]
    # A school's staff read enrolments, never the aid (it tells of hardship).
    staff = education.get(f"/children/{child_id}/education", headers=as_user(TEACHER))
    assert staff.status_code == 404 or staff.json()["aid"] == []


def test_the_same_facts_again_change_nothing_and_tell_nothing(education, harness, ev, as_user):
    child_id = _hardship(harness, ev)
    _enrol(education, as_user, child_id)
    harness.deliver(ev.updated(child_id, birth=BORN_SENIOR))
    harness.deliver(ev.classified(child_id, ["MINIMUM_SUBSISTENCE_FAMILY"], birth=BORN_SENIOR))
    assert len(harness.events("education.aid.decided")) == 1
    assert len(_decisions(education)) == len(AidProgramme)


def test_suspension_and_a_lost_classification_stop_the_aid_and_resumption_brings_it_back(
    education, harness, ev, as_user
):
    child_id = _hardship(harness, ev)
    enrolment = _enrol(education, as_user, child_id)
    path = f"/enrolments/{enrolment['id']}"
    education.post(f"{path}/suspend", json={}, headers=as_user(DEPARTMENT))
    assert not any(a["eligible"] for a in _aid(education, as_user, child_id).values())
    stopped = harness.events("education.aid.decided")[-1]
    assert {m["status"] for m in stopped["planMeasures"]} == {"CANCELLED"}
    assert "休学期间不予资助" in stopped["planMeasures"][0]["description"]
    education.post(f"{path}/resume", json={}, headers=as_user(DEPARTMENT))
    assert _aid(education, as_user, child_id)["SENIOR_FEE_WAIVER"]["eligible"]
    harness.deliver(ev.classified(child_id, [], birth=BORN_SENIOR))
    grant = _aid(education, as_user, child_id)["SENIOR_NATIONAL_GRANT"]
    assert not grant["eligible"] and "须为困境儿童" in grant["reasons"][0]
    assert harness.events("education.aid.decided")[-1]["trigger"] == "registry.child.classified"


def test_a_child_no_programme_can_grant_has_no_aid_kept_or_told(education, harness, as_user):
    child_id = harness.child(birth=BORN_SENIOR)
    _enrol(education, as_user, child_id)
    assert _aid(education, as_user, child_id) == {}
    assert _decisions(education) == []
    assert harness.events("education.aid.decided") == []


def test_a_boarder_needs_the_boarding_flag(education, harness, ev, as_user):
    child_id = _hardship(harness, ev, birth=BORN_PRIMARY)
    enrolment = _enrol(education, as_user, child_id, {**PRIMARY, "boarding": True})
    assert enrolment["boarding"] is True
    subsidy = _aid(education, as_user, child_id)["BOARDING_LIVING_SUBSIDY"]
    assert subsidy["eligible"] and subsidy["annualAmountFen"] == 125000
    day = _hardship(harness, ev, birth=BORN_PRIMARY)
    assert _enrol(education, as_user, day, PRIMARY)["boarding"] is False
    assert not _aid(education, as_user, day)["BOARDING_LIVING_SUBSIDY"]["eligible"]


# ---- standards --------------------------------------------------------------------------------


def test_a_raised_standard_decides_the_children_concerned_again(education, harness, ev, as_user):
    child_id = _hardship(harness, ev)
    _enrol(education, as_user, child_id)
    response = education.post(
        "/aid/standards",
        json={"programme": "SENIOR_NATIONAL_GRANT", "annualAmountFen": 300000},
        headers=as_user(DEPARTMENT),
    )
    assert response.status_code == 200, response.text
    programme = response.json()
    assert (programme["annualAmountFen"], programme["placeholder"]) == (300000, False)
    assert programme["standards"][0]["setBy"] == DEPARTMENT
    grant = _aid(education, as_user, child_id)["SENIOR_NATIONAL_GRANT"]
    assert grant["annualAmountFen"] == 300000
    assert "每年3,000.00元" in grant["reasons"][-1]
    told = harness.events("education.aid.decided")[-1]
    assert told["trigger"] == "education.aid.standard_set"
    changed = [o["programme"] for o in told["outcomes"] if o["changed"]]
    assert changed == ["SENIOR_NATIONAL_GRANT"]


def test_a_standard_from_a_later_day_waits_for_that_day(education, harness, ev, as_user):
    child_id = _hardship(harness, ev)
    _enrol(education, as_user, child_id)
    later = (today() + timedelta(days=30)).isoformat()
    education.post(
        "/aid/standards",
        json={"programme": "SENIOR_FEE_WAIVER", "annualAmountFen": 90000, "effectiveFrom": later},
        headers=as_user(DEPARTMENT),
    )
    assert _aid(education, as_user, child_id)["SENIOR_FEE_WAIVER"]["annualAmountFen"] == 80000
    listed = {
        p["code"]: p for p in education.get("/aid/programmes", headers=as_user(TEACHER)).json()
    }
    assert listed["SENIOR_FEE_WAIVER"]["standards"][0]["effectiveFrom"] == later
    assert listed["SENIOR_FEE_WAIVER"]["placeholder"] is True


@pytest.mark.parametrize(
    ("user", "body", "status", "code"),
    [
        (
            DEPARTMENT,
            {"programme": "SENIOR_FEE_WAIVER", "annualAmountFen": -1},
            422,
            "VALIDATION_FAILED",
        ),
        (DEPARTMENT, {"programme": "NO_SUCH", "annualAmountFen": 1}, 422, "VALIDATION_FAILED"),
        (
            "admin.district",
            {"programme": "SENIOR_FEE_WAIVER", "annualAmountFen": 1},
            403,
            "FORBIDDEN",
        ),
        (TEACHER, {"programme": "SENIOR_FEE_WAIVER", "annualAmountFen": 1}, 403, "FORBIDDEN"),
    ],
)
def test_a_bad_or_unauthorised_standard_is_refused_and_nothing_written(
    education, as_user, user, body, status, code
):
    response = education.post("/aid/standards", json=body, headers=as_user(user))
    assert response.status_code == status, response.text
    assert response.json()["code"] == code
    if body["annualAmountFen"] == -1:
        assert "不能为负数" in response.json()["fields"]["annualAmountFen"]
    with Session(education.app.state.engine) as session:
        assert session.exec(select(AidStandard)).all() == []


def test_the_daily_job_decides_again_when_a_standard_s_day_comes(
    education, harness, ev, as_user, move_clock
):
    from shouhu.education.aid import jobs

    child_id = _hardship(harness, ev)
    _enrol(education, as_user, child_id)
    later = (today() + timedelta(days=3)).isoformat()
    education.post(
        "/aid/standards",
        json={"programme": "SENIOR_FEE_WAIVER", "annualAmountFen": 90000, "effectiveFrom": later},
        headers=as_user(DEPARTMENT),
    )
    engine_ = education.app.state.engine
    job = jobs.Daily()
    assert job(engine_) == 0  # nothing changes before the day
    move_clock(timedelta(days=3))
    assert job(engine_) == 1
    assert job(engine_) == 0  # once a day
    waiver = next(d for d in _decisions(education) if d.programme == "SENIOR_FEE_WAIVER")
    assert (waiver.annual_amount_fen, waiver.trigger) == (90000, "calendar")
    assert harness.events("education.aid.decided")[-1]["trigger"] == "calendar"

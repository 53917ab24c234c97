"""Non-Beijing children (非京籍): the hukou from the registry's events, the enrolment documents
per stage and their checks, who may record them, the statistics counted apart."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlmodel import Session, select

from shouhu.education.models import ChildProjection, DocumentCheck
from shouhu.education.residency.rules import Documents, load, stage_by_age
from shouhu.education.schools.schemas import SchoolStage
from shouhu.platform.clock import today

DEPARTMENT = "education.district"
TEACHER = "teacher.110109001"  # tied by the demo data to 大峪中心小学（演示） 2111090002
WORKER = "worker.110109001"
OTHER_WORKER = "worker.110109101"
AUDITOR = "auditor.district"
HEBEI = "130102"  # 石家庄市长安区
OTHER_TOWN_VILLAGE = "110109101001"
FIVE = [
    "RESIDENCE_PERMIT",
    "RESIDENCE_PROOF",
    "EMPLOYMENT_PROOF",
    "HOUSEHOLD_REGISTER",
    "NO_GUARDIAN_PROOF",
]
PRIMARY = {"schoolCode": "2111090002", "stage": "PRIMARY", "grade": 4, "since": "2025-09-01"}
TEN = date(2016, 3, 1)


def _with_hukou(envelope, hukou):
    envelope.data["hukouDivisionCode"] = hukou
    return envelope


def _facts(harness, child_id: str) -> ChildProjection:
    with Session(harness.engine) as session:
        row = session.get(ChildProjection, child_id)
    assert row is not None
    return row


def _child(harness, ev, hukou: str | None = HEBEI, **kw) -> str:
    child_id = str(uuid.uuid4())
    harness.deliver(_with_hukou(ev.registered(child_id, **kw), hukou))
    return child_id


def _education(education, as_user, child_id: str, user: str = DEPARTMENT) -> dict:
    response = education.get(f"/children/{child_id}/education", headers=as_user(user))
    assert response.status_code == 200, response.text
    body: dict = response.json()
    return body


def _record(education, as_user, child_id: str, documents: list[str], user: str = DEPARTMENT, **kw):
    return education.post(
        f"/children/{child_id}/enrolment-documents",
        json={"documents": documents, **kw},
        headers=as_user(user),
    )


# ---- the hukou from the registry's events ---------------------------------------------------


def test_the_projection_takes_the_hukou_from_registered_and_updated(harness, ev):
    child_id = _child(harness, ev)
    assert _facts(harness, child_id).hukou_division_code == HEBEI
    harness.deliver(_with_hukou(ev.updated(child_id), "110109"))
    assert _facts(harness, child_id).hukou_division_code == "110109"
    harness.deliver(_with_hukou(ev.updated(child_id), None))  # the file's hukou cleared
    assert _facts(harness, child_id).hukou_division_code is None


def test_an_event_without_the_field_keeps_the_hukou_a_rebuild_gave(harness, ev):
    # An event written before v1 grew `hukouDivisionCode` says nothing of it.
    child_id = _child(harness, ev)
    harness.deliver(ev.updated(child_id, name="改名"))
    row = _facts(harness, child_id)
    assert (row.name, row.hukou_division_code) == ("改名", HEBEI)
    harness.deliver(ev.classified(child_id, ["ORPHAN"]))
    assert _facts(harness, child_id).hukou_division_code == HEBEI


# ---- the rules file -------------------------------------------------------------------------


def test_the_documents_file_lists_every_stage_and_knows_each_code():
    rules = load()
    assert set(rules.stages) == set(SchoolStage)
    assert list(rules.required(SchoolStage.PRIMARY)) == FIVE
    assert "PRIMARY_SCHOOL_RECORD" in rules.required(SchoolStage.JUNIOR_SECONDARY)
    assert (rules.non_beijing(HEBEI), rules.non_beijing("110109001"), rules.non_beijing(None)) == (
        True,
        False,
        False,
    )


def test_a_broken_documents_file_is_refused():
    whole = load().model_dump()
    with pytest.raises(ValueError, match="unknown"):
        Documents.model_validate(
            {**whole, "stages": {**whole["stages"], SchoolStage.PRIMARY: ["NO_SUCH"]}}
        )
    stages = dict(whole["stages"])
    del stages[SchoolStage.HOME_TEACHING]
    with pytest.raises(ValueError, match="lacks"):
        Documents.model_validate({**whole, "stages": stages})


@pytest.mark.parametrize(
    ("age", "stage"),
    [
        (2, "PRESCHOOL"),
        (5, "PRESCHOOL"),
        (6, "PRIMARY"),
        (11, "PRIMARY"),
        (12, "JUNIOR_SECONDARY"),
        (15, "SENIOR_SECONDARY"),
        (19, "SENIOR_SECONDARY"),
    ],
)
def test_without_an_enrolment_the_age_gives_the_stage(age, stage):
    assert stage_by_age(age) is SchoolStage(stage)


# ---- a child's documents ------------------------------------------------------------------


def test_a_beijing_child_or_one_without_hukou_has_no_non_beijing_part(
    education, harness, ev, as_user
):
    beijing = _child(harness, ev, hukou="110109001")
    unknown = _child(harness, ev, hukou=None)
    for child_id in (beijing, unknown):
        assert _education(education, as_user, child_id)["nonBeijing"] is None
    response = _record(education, as_user, beijing, FIVE)
    assert response.status_code == 422
    assert "childId" in response.json()["fields"]
    response = _record(education, as_user, unknown, FIVE)
    assert response.status_code == 422 and "户籍地未登记" in response.json()["fields"]["childId"]


def test_documents_are_listed_missing_then_recorded_complete(education, harness, ev, as_user):
    child_id = _child(harness, ev, birth=TEN)
    part = _education(education, as_user, child_id)["nonBeijing"]
    assert (part["hukouDivisionCode"], part["stage"], part["complete"]) == (
        HEBEI,
        "PRIMARY",
        False,
    )
    assert [(d["code"], d["provided"]) for d in part["documents"]] == [(c, False) for c in FIVE]
    assert part["documents"][0]["name"] == "北京市居住证或有效期内的居住登记卡"
    assert part["checkedOn"] is None

    response = _record(education, as_user, child_id, FIVE[:3], checkedOn="2026-03-02")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["complete"] is False and body["checkedBy"] == DEPARTMENT
    assert [d["provided"] for d in body["documents"]] == [True, True, True, False, False]

    response = _record(education, as_user, child_id, [*FIVE, "SOCIAL_INSURANCE_PROOF"])
    assert response.status_code == 200, response.text
    part = _education(education, as_user, child_id)["nonBeijing"]
    assert part["complete"] is True and part["checkedOn"] == today().isoformat()
    # A document beyond the stage's list is kept and shown, not required.
    assert part["documents"][-1] == {
        "code": "SOCIAL_INSURANCE_PROOF",
        "name": "父母或其他法定监护人在京连续缴纳社会保险证明",
        "required": False,
        "provided": True,
    }
    with Session(education.app.state.engine) as session:
        checks = session.exec(select(DocumentCheck).order_by(DocumentCheck.number)).all()
    assert [c.number for c in checks] == [1, 2]  # the history kept


def test_the_stage_follows_the_open_enrolment(education, harness, ev, as_user):
    child_id = _child(harness, ev, birth=date(2013, 3, 1))  # 13: junior secondary by age
    assert _education(education, as_user, child_id)["nonBeijing"]["stage"] == "JUNIOR_SECONDARY"
    response = education.post(
        f"/children/{child_id}/enrolments",
        json={**PRIMARY, "grade": 6},
        headers=as_user(DEPARTMENT),
    )
    assert response.status_code == 201, response.text
    part = _education(education, as_user, child_id)["nonBeijing"]
    assert part["stage"] == "PRIMARY" and len(part["documents"]) == len(FIVE)


def test_an_unknown_document_or_a_bad_day_is_refused_nothing_written(
    education, harness, ev, as_user
):
    child_id = _child(harness, ev)
    response = _record(education, as_user, child_id, ["RESIDENCE_PERMIT", "PASSPORT"])
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "VALIDATION_FAILED" and "PASSPORT" in body["fields"]["documents"]
    response = _record(education, as_user, child_id, FIVE, checkedOn="2999-01-01")
    assert response.status_code == 422 and "checkedOn" in response.json()["fields"]
    response = _record(education, as_user, child_id, FIVE, checkedOn="2001-01-01")
    assert response.status_code == 422 and "出生日期" in response.json()["fields"]["checkedOn"]
    with Session(education.app.state.engine) as session:
        assert session.exec(select(DocumentCheck)).all() == []


def test_who_may_record_documents(education, harness, ev, as_user):
    child_id = _child(harness, ev, birth=TEN)
    # The town's social worker reads the child but does not check documents.
    assert _record(education, as_user, child_id, FIVE, user=WORKER).status_code == 403
    # A school's staff: only a child enrolled at their school.
    assert _record(education, as_user, child_id, FIVE, user=TEACHER).status_code == 404
    enrolled = education.post(
        f"/children/{child_id}/enrolments", json=PRIMARY, headers=as_user(DEPARTMENT)
    )
    assert enrolled.status_code == 201, enrolled.text
    response = _record(education, as_user, child_id, FIVE, user=TEACHER)
    assert response.status_code == 200, response.text
    assert response.json()["checkedBy"] == TEACHER
    assert _education(education, as_user, child_id, TEACHER)["nonBeijing"]["complete"] is True
    # The auditor reads figures, never a child's documents.
    assert _record(education, as_user, child_id, FIVE, user=AUDITOR).status_code == 403


# ---- the statistics -----------------------------------------------------------------------


def _statistics(education, as_user, division: str, user: str = DEPARTMENT):
    return education.get(
        "/education-statistics", params={"divisionCode": division}, headers=as_user(user)
    )


def _stage(figures: dict, stage: str) -> int:
    return next(s["enrolled"] for s in figures["byStage"] if s["stage"] == stage)


def test_statistics_count_non_beijing_children_apart(education, harness, ev, as_user):
    beijing_enrolled = _child(harness, ev, hukou="110109", birth=TEN)
    outside_enrolled = _child(harness, ev, birth=TEN)
    outside_out = _child(harness, ev, birth=TEN)  # out of school: a dropout risk
    _child(harness, ev, hukou=None, birth=date(2022, 5, 1))  # 4: not of compulsory age
    home = _child(harness, ev, birth=TEN, village="110109007001")  # 龙泉镇
    other_town = _child(harness, ev, birth=TEN, village=OTHER_TOWN_VILLAGE)
    gone = _child(harness, ev, birth=TEN)
    harness.deliver(ev.exited(gone, today()))
    for child_id in (beijing_enrolled, outside_enrolled):
        r = education.post(
            f"/children/{child_id}/enrolments", json=PRIMARY, headers=as_user(DEPARTMENT)
        )
        assert r.status_code == 201, r.text
    r = education.post(
        f"/children/{home}/enrolments",
        json={
            "schoolCode": "2111090009",
            "stage": "HOME_TEACHING",
            "grade": 4,
            "since": "2025-09-01",
        },
        headers=as_user(DEPARTMENT),
    )
    assert r.status_code == 201, r.text

    response = _statistics(education, as_user, "110109")
    assert response.status_code == 200, response.text
    body = response.json()
    everyone, outside = body["allChildren"], body["nonBeijing"]
    assert (everyone["children"], everyone["compulsoryAge"], everyone["enrolled"]) == (6, 5, 3)
    assert (everyone["compulsoryAgeEnrolled"], everyone["openDropoutRisks"]) == (3, 2)
    assert everyone["homeTeaching"] == 1 and _stage(everyone, "PRIMARY") == 2
    assert (outside["children"], outside["compulsoryAge"], outside["enrolled"]) == (4, 4, 2)
    assert (outside["openDropoutRisks"], outside["homeTeaching"]) == (2, 1)
    assert _stage(outside, "HOME_TEACHING") == 1 and len(outside["byStage"]) == len(SchoolStage)
    towns = {t["townCode"]: t for t in body["byTown"]}
    assert set(towns) == {"110109001", "110109007", "110109101"}
    assert towns["110109001"]["townName"] == "大峪街道"
    assert towns["110109001"]["nonBeijing"]["children"] == 2
    assert towns["110109101"]["allChildren"]["openDropoutRisks"] == 1
    assert other_town and outside_out

    town = _statistics(education, as_user, "110109001").json()
    assert (town["allChildren"]["children"], town["nonBeijing"]["openDropoutRisks"]) == (4, 1)
    assert [t["townCode"] for t in town["byTown"]] == ["110109001"]
    village = _statistics(education, as_user, "110109101001").json()
    assert village["allChildren"]["children"] == 1


def test_who_may_read_the_statistics(education, as_user):
    assert _statistics(education, as_user, "110109", AUDITOR).status_code == 200
    assert _statistics(education, as_user, "110109001", WORKER).status_code == 200
    assert _statistics(education, as_user, "110109", WORKER).status_code == 403
    assert _statistics(education, as_user, "110109101", WORKER).status_code == 403
    assert _statistics(education, as_user, "110109001", TEACHER).status_code == 403
    assert _statistics(education, as_user, "11010x").status_code == 422

"""Enrolments: what fits a child, one open per child, transfer, suspension, end, who may."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from shouhu.education.models import Enrolment
from shouhu.platform.clock import today
from shouhu.platform.events import utcnow

DEPARTMENT = "education.district"
ENROLMENT_CHANGED = "education.enrolment.changed"
TEACHER = "teacher.110109001"  # tied by the demo data to 大峪中心小学（演示）
PRIMARY_SCHOOL = "2111090002"
OTHER_PRIMARY = "2111090004"
MIDDLE_SCHOOL = "2111090003"
KINDERGARTEN = "2111090001"
BORN = date(2016, 3, 1)
PRIMARY = {"schoolCode": PRIMARY_SCHOOL, "stage": "PRIMARY", "grade": 1, "since": "2022-09-01"}


def _record(education, headers, child_id, **change):
    return education.post(
        f"/children/{child_id}/enrolments", json={**PRIMARY, **change}, headers=headers
    )


def _enrolments(education) -> list[Enrolment]:
    with Session(education.app.state.engine) as session:
        return list(session.exec(select(Enrolment)).all())


def test_an_enrolment_is_recorded_told_and_read_back(education, harness, as_user):
    child_id = harness.child(birth=BORN)
    response = _record(education, as_user(DEPARTMENT), child_id, schoolName="大峪中心小学（演示）")
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["schoolName"], body["stage"], body["status"], body["grade"]) == (
        "大峪中心小学（演示）",
        "PRIMARY",
        "ACTIVE",
        1,
    )
    [event] = harness.events("education.enrolment.changed")
    assert event["topic"] == "shouhu.education"
    assert (event["change"], event["childId"], event["enrolmentId"]) == (
        "RECORDED",
        child_id,
        body["id"],
    )
    assert (event["schoolTownCode"], event["residenceDivisionCode"]) == (
        "110109001",
        "110109001001",
    )
    read = education.get(
        f"/children/{child_id}/education", headers=as_user("worker.110109001")
    ).json()
    assert [e["id"] for e in read["enrolments"]] == [body["id"]]
    one = education.get(f"/enrolments/{body['id']}", headers=as_user(DEPARTMENT))
    assert one.json()["schoolCode"] == PRIMARY_SCHOOL


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"schoolCode": "2111099999"}, "schoolCode", "学校标识码不在本区学校名录中"),
        ({"schoolCode": "21110900"}, "schoolCode", "学校标识码应为10位数字"),
        (
            {"schoolName": "别的学校"},
            "schoolName",
            "学校名称与学校标识码不符，名录中为“大峪中心小学（演示）”",
        ),
        ({"stage": "JUNIOR_SECONDARY"}, "stage", "大峪中心小学（演示）不设初中学段"),
        ({"grade": 7}, "grade", "小学的年级应为1至6"),
        ({"grade": 0}, "grade", "年级应为1至12之间的整数"),
        ({"since": "2015-09-01"}, "since", "入学日期不能早于出生日期"),
        ({"since": "2019-09-01"}, "stage", "儿童入学时3岁，与小学学段（6至11岁，允许相差2岁）不符"),
        ({"stage": "BOARDING"}, "stage", None),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(
    education, harness, as_user, change, field, message
):
    child_id = harness.child(birth=BORN)
    response = _record(education, as_user(DEPARTMENT), child_id, **change)
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "VALIDATION_FAILED"
    assert set(response.json()["fields"]) == {field}
    if message:
        assert response.json()["fields"][field] == message
    assert _enrolments(education) == [] and harness.events(ENROLMENT_CHANGED) == []


def test_a_day_in_the_future_is_refused(education, harness, as_user):
    child_id = harness.child(birth=BORN)
    tomorrow = (today() + timedelta(days=1)).isoformat()
    response = _record(education, as_user(DEPARTMENT), child_id, since=tomorrow)
    assert response.status_code == 422
    assert response.json()["fields"] == {"since": "入学日期不能晚于今天"}


def test_an_age_outside_the_stage_within_the_tolerance_is_taken(education, harness, as_user):
    # Primary school is for 6 to 11; the district allows two years either side.
    for born in (date(2018, 3, 1), date(2009, 3, 1)):  # 4 and 13 on the first day
        child_id = harness.child(birth=born)
        assert _record(education, as_user(DEPARTMENT), child_id).status_code == 201
    late = harness.child(birth=date(2008, 3, 1))
    refused = _record(education, as_user(DEPARTMENT), late)
    assert refused.status_code == 422 and "14岁" in refused.json()["fields"]["stage"]


def test_an_unknown_or_exited_child_is_refused(education, harness, as_user, ev):
    unknown = _record(education, as_user(DEPARTMENT), str(uuid.uuid4()))
    assert unknown.status_code == 404 and unknown.json()["code"] == "NOT_FOUND"
    child_id = harness.child(birth=BORN)
    harness.deliver(ev.exited(child_id, date(2026, 6, 1)))
    exited = _record(education, as_user(DEPARTMENT), child_id)
    assert exited.status_code == 422 and set(exited.json()["fields"]) == {"childId"}


def test_one_open_enrolment_per_child(education, harness, as_user):
    child_id = harness.child(birth=BORN)
    first = _record(education, as_user(DEPARTMENT), child_id).json()
    second = _record(education, as_user(DEPARTMENT), child_id, schoolCode=OTHER_PRIMARY)
    assert second.status_code == 409 and second.json()["code"] == "DUPLICATE"
    assert second.json()["existingId"] == first["id"]
    assert second.json()["fields"] == {
        "childId": "该儿童已有在读（或休学）学籍，请先办理转学或终止"
    }
    assert len(_enrolments(education)) == 1


def test_the_database_itself_refuses_a_second_open_enrolment(education, harness):
    child_id = harness.child(birth=BORN)

    def row() -> Enrolment:
        return Enrolment(
            id=str(uuid.uuid4()),
            child_id=child_id,
            school_code=PRIMARY_SCHOOL,
            stage="PRIMARY",
            grade=1,
            since=date(2022, 9, 1),
            status="ACTIVE",
            recorded_by="test",
            created_at=utcnow(),
            updated_at=utcnow(),
        )

    with Session(education.app.state.engine) as session:
        session.add(row())
        session.commit()
        session.add(row())
        with pytest.raises(IntegrityError):
            session.commit()


def test_a_transfer_ends_the_old_and_opens_the_new_in_one_go(education, harness, as_user):
    child_id = harness.child(birth=BORN)
    old = _record(education, as_user(DEPARTMENT), child_id).json()
    moved = education.post(
        f"/enrolments/{old['id']}/transfer",
        json={**PRIMARY, "schoolCode": OTHER_PRIMARY, "grade": 3, "since": "2024-09-01"},
        headers=as_user(DEPARTMENT),
    )
    assert moved.status_code == 201, moved.text
    new = moved.json()
    read = education.get(f"/children/{child_id}/education", headers=as_user(DEPARTMENT)).json()
    assert [(e["id"], e["status"]) for e in read["enrolments"]] == [
        (new["id"], "ACTIVE"),
        (old["id"], "ENDED"),
    ]
    ended = read["enrolments"][1]
    assert (ended["endReason"], ended["endedOn"], ended["transferredTo"]) == (
        "TRANSFERRED",
        "2024-09-01",
        new["id"],
    )
    events = harness.events("education.enrolment.changed")
    assert [(e["change"], e["enrolmentId"]) for e in events[1:]] == [
        ("ENDED", old["id"]),
        ("RECORDED", new["id"]),
    ]
    assert events[2]["transferredFrom"] == old["id"]
    same = education.post(
        f"/enrolments/{new['id']}/transfer",
        json={**PRIMARY, "schoolCode": OTHER_PRIMARY},
        headers=as_user(DEPARTMENT),
    )
    assert same.status_code == 422 and set(same.json()["fields"]) == {"schoolCode"}


def test_a_refused_transfer_leaves_the_old_enrolment_open(education, harness, as_user):
    child_id = harness.child(birth=BORN)
    old = _record(education, as_user(DEPARTMENT), child_id).json()
    refused = education.post(
        f"/enrolments/{old['id']}/transfer",
        json={**PRIMARY, "schoolCode": MIDDLE_SCHOOL, "stage": "SENIOR_SECONDARY"},
        headers=as_user(DEPARTMENT),
    )
    assert refused.status_code == 422 and set(refused.json()["fields"]) == {"stage"}
    [row] = _enrolments(education)
    assert (row.status, row.ended_on) == ("ACTIVE", None)
    assert len(harness.events(ENROLMENT_CHANGED)) == 1


def test_suspension_keeps_the_enrolment_open_until_resumed(education, harness, as_user):
    child_id = harness.child(birth=BORN)
    enrolment = _record(education, as_user(DEPARTMENT), child_id).json()
    path = f"/enrolments/{enrolment['id']}"
    suspended = education.post(
        f"{path}/suspend", json={"on": "2025-03-01"}, headers=as_user(DEPARTMENT)
    )
    assert suspended.json()["status"] == "SUSPENDED"
    assert suspended.json()["suspendedOn"] == "2025-03-01"
    again = _record(education, as_user(DEPARTMENT), child_id, schoolCode=OTHER_PRIMARY)
    assert again.status_code == 409
    early = education.post(f"{path}/resume", json={"on": "2025-02-01"}, headers=as_user(DEPARTMENT))
    assert early.status_code == 422 and early.json()["fields"] == {"on": "复学日期不能早于休学日期"}
    resumed = education.post(f"{path}/resume", json={}, headers=as_user(DEPARTMENT))
    assert resumed.json()["status"] == "ACTIVE" and resumed.json()["suspendedOn"] is None
    twice = education.post(f"{path}/resume", json={}, headers=as_user(DEPARTMENT))
    assert twice.status_code == 422
    changes = [e["change"] for e in harness.events("education.enrolment.changed")]
    assert changes == ["RECORDED", "SUSPENDED", "RESUMED"]


def test_an_enrolment_ends_with_its_reason_and_history_is_kept(education, harness, as_user):
    child_id = harness.child(birth=BORN)
    first = _record(education, as_user(DEPARTMENT), child_id).json()
    path = f"/enrolments/{first['id']}/end"
    transfer = education.post(path, json={"reason": "TRANSFERRED"}, headers=as_user(DEPARTMENT))
    assert transfer.status_code == 422 and set(transfer.json()["fields"]) == {"reason"}
    before = education.post(
        path, json={"reason": "DROPPED_OUT", "endedOn": "2021-01-01"}, headers=as_user(DEPARTMENT)
    )
    assert before.json()["fields"] == {"endedOn": "终止日期不能早于入学日期"}
    ended = education.post(path, json={"reason": "DROPPED_OUT"}, headers=as_user(DEPARTMENT))
    assert ended.status_code == 200, ended.text
    assert (ended.json()["status"], ended.json()["endReason"]) == ("ENDED", "DROPPED_OUT")
    assert ended.json()["endedOn"] == today().isoformat()
    twice = education.post(path, json={"reason": "GRADUATED"}, headers=as_user(DEPARTMENT))
    assert twice.status_code == 422 and twice.json()["fields"] == {"id": "该学籍已终止"}
    second = _record(education, as_user(DEPARTMENT), child_id, since="2025-09-01", grade=4)
    assert second.status_code == 201
    read = education.get(f"/children/{child_id}/education", headers=as_user(DEPARTMENT)).json()
    assert [e["status"] for e in read["enrolments"]] == ["ACTIVE", "ENDED"]
    [event] = [e for e in harness.events("education.enrolment.changed") if e["change"] == "ENDED"]
    assert event["endReason"] == "DROPPED_OUT"


def test_school_staff_change_and_read_their_own_school_s_enrolments_only(
    education, harness, as_user, as_role
):
    child_id = harness.child(birth=BORN, village="110109101001")  # lives in another town
    other = _record(education, as_user(TEACHER), child_id, schoolCode=OTHER_PRIMARY)
    assert other.status_code == 403 and other.json()["code"] == "FORBIDDEN"
    own = _record(education, as_user(TEACHER), child_id)
    assert own.status_code == 201, own.text
    seen = education.get(f"/children/{child_id}/education", headers=as_user(TEACHER))
    assert [e["id"] for e in seen.json()["enrolments"]] == [own.json()["id"]]
    moved = education.post(
        f"/enrolments/{own.json()['id']}/transfer",
        json={**PRIMARY, "schoolCode": OTHER_PRIMARY, "since": "2024-09-01", "grade": 3},
        headers=as_user(DEPARTMENT),
    )
    new_id = moved.json()["id"]
    # The old school keeps its history; the child's new school is not theirs to see or change.
    seen = education.get(f"/children/{child_id}/education", headers=as_user(TEACHER))
    assert [e["status"] for e in seen.json()["enrolments"]] == ["ENDED"]
    assert education.get(f"/enrolments/{new_id}", headers=as_user(TEACHER)).status_code == 404
    end = education.post(
        f"/enrolments/{new_id}/end", json={"reason": "GRADUATED"}, headers=as_user(TEACHER)
    )
    assert end.status_code == 404
    # A child with no enrolment at the school is not theirs at all.
    stranger = harness.child(birth=BORN)
    assert (
        education.get(f"/children/{stranger}/education", headers=as_user(TEACHER)).status_code
        == 404
    )
    untied = as_role("school_staff", "110109002")
    refused = _record(education, untied, stranger, schoolCode=OTHER_PRIMARY)
    assert refused.status_code == 403
    assert refused.json()["message"] == "该账号尚未关联学校，请联系教育部门"


def test_readers_see_their_division_s_children_and_others_nothing(education, harness, as_user):
    child_id = harness.child(birth=BORN, village="110109101001")
    _record(education, as_user(DEPARTMENT), child_id)
    elsewhere = education.get(
        f"/children/{child_id}/education", headers=as_user("worker.110109001")
    )
    assert elsewhere.status_code == 404
    batch = education.post(
        "/children/education",
        json={"childIds": [child_id, str(uuid.uuid4())]},
        headers=as_user(DEPARTMENT),
    )
    assert [c["childId"] for c in batch.json()] == [child_id]
    police = education.get(f"/children/{child_id}/education", headers=as_user("police.district"))
    assert police.status_code == 403
    record = _record(education, as_user("admin.district"), child_id)
    assert record.status_code == 403 and record.json()["code"] == "FORBIDDEN"


def test_a_school_s_pupils_are_paged_for_its_staff_and_the_department_only(
    education, harness, as_user
):
    first, second, elsewhere = (harness.child(birth=BORN) for _ in range(3))
    for child_id, since in ((first, "2022-09-01"), (second, "2023-09-01")):
        assert _record(education, as_user(DEPARTMENT), child_id, since=since).status_code == 201
    other = {"schoolCode": OTHER_PRIMARY}
    assert _record(education, as_user(DEPARTMENT), elsewhere, **other).status_code == 201
    url = f"/schools/{PRIMARY_SCHOOL}/pupils"
    page = education.get(url, params={"first": 1}, headers=as_user(TEACHER)).json()
    [edge] = page["edges"]
    assert (edge["node"]["enrolment"]["childId"], page["pageInfo"]["hasNextPage"]) == (second, True)
    assert edge["node"]["childName"] and edge["node"]["birthDate"] == BORN.isoformat()
    rest = education.get(
        url, params={"first": 5, "after": page["pageInfo"]["endCursor"]}, headers=as_user(TEACHER)
    ).json()
    assert [e["node"]["enrolment"]["childId"] for e in rest["edges"]] == [first]
    assert not rest["pageInfo"]["hasNextPage"]
    mine = education.get("/school-staff/me", headers=as_user(TEACHER)).json()
    assert mine["code"] == PRIMARY_SCHOOL
    assert education.get("/school-staff/me", headers=as_user(DEPARTMENT)).json() is None
    # Another school's pupils: refused to the staff, open to the department.
    theirs = f"/schools/{OTHER_PRIMARY}/pupils"
    assert education.get(theirs, headers=as_user(TEACHER)).status_code == 403
    read = education.get(theirs, headers=as_user(DEPARTMENT)).json()
    assert [e["node"]["enrolment"]["childId"] for e in read["edges"]] == [elsewhere]
    assert education.get(url, headers=as_user("worker.110109001")).status_code == 403
    assert (
        education.get("/schools/2111099999/pupils", headers=as_user(DEPARTMENT)).status_code == 404
    )

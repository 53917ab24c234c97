"""Schools as reference data: the demo seed, who maintains them, the identifier's check."""

from __future__ import annotations

from sqlmodel import Session, select

from shouhu.education.models import School

DEPARTMENT = "education.district"
NEW = {
    "code": "2111099001",
    "name": "门头沟新建小学",
    "stages": ["PRIMARY"],
    "townCode": "110109005",
    "kind": "PUBLIC",
}


def test_the_demo_schools_are_seeded_once_marked_as_demo(education, as_user):
    response = education.get("/schools", headers=as_user("supervisor.110109001001"))
    assert response.status_code == 200
    schools = response.json()
    assert len(schools) >= 12 and all(s["demo"] for s in schools)
    assert {s["kind"] for s in schools} == {"PUBLIC", "PRIVATE", "SPECIAL_EDUCATION"}
    assert len({s["townCode"] for s in schools}) >= 8
    every_stage = {stage for s in schools for stage in s["stages"]}
    assert {"PRESCHOOL", "PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY"} <= every_stage
    assert all("演示" in s["name"] for s in schools)
    town = education.get("/schools", params={"townCode": "110109001"}, headers=as_user(DEPARTMENT))
    assert {s["townName"] for s in town.json()} == {"大峪街道"}
    assert education.get("/schools").status_code == 401


def test_the_department_creates_and_updates_a_school(education, as_user):
    created = education.post("/schools", json=NEW, headers=as_user(DEPARTMENT))
    assert created.status_code == 201, created.text
    assert created.json()["demo"] is False and created.json()["version"] == 1
    again = education.post("/schools", json=NEW, headers=as_user(DEPARTMENT))
    assert again.status_code == 409 and again.json()["code"] == "DUPLICATE"
    changed = {**NEW, "stages": ["PRIMARY", "JUNIOR_SECONDARY"], "name": "门头沟新建学校"}
    del changed["code"]
    updated = education.put(
        f"/schools/{NEW['code']}", params={"version": 1}, json=changed, headers=as_user(DEPARTMENT)
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["stages"] == ["PRIMARY", "JUNIOR_SECONDARY"]
    assert updated.json()["version"] == 2 and updated.json()["updatedBy"] == DEPARTMENT
    stale = education.put(
        f"/schools/{NEW['code']}", params={"version": 1}, json=changed, headers=as_user(DEPARTMENT)
    )
    assert stale.status_code == 409 and stale.json()["code"] == "CONFLICT"


def test_a_demo_school_the_district_updates_is_its_own(education, as_user):
    body = {k: v for k, v in NEW.items() if k != "code"}
    updated = education.put(
        "/schools/2111090001", params={"version": 1}, json=body, headers=as_user(DEPARTMENT)
    )
    assert updated.status_code == 200 and updated.json()["demo"] is False


def test_a_bad_identifier_town_or_stage_is_refused_naming_the_field(education, as_user):
    cases = [
        ({"code": "21110901"}, "code", "学校标识码应为10位数字"),
        ({"code": "2121090001"}, "code", "学校标识码第2、3位应为北京市代码11"),
        ({"townCode": "110108001"}, "townCode", "所在镇街应为本区9位镇街代码"),
        ({"townCode": "110109999"}, "townCode", "镇街代码不存在"),
        ({"stages": []}, "stages", "学段至少一项"),
        ({"name": "学"}, "name", "学校名称应为2至100个字符"),
    ]
    for change, field, message in cases:
        response = education.post("/schools", json={**NEW, **change}, headers=as_user(DEPARTMENT))
        assert response.status_code == 422, (change, response.text)
        assert response.json()["fields"] == {field: message}, change
    with Session(education.app.state.engine) as session:
        assert session.get(School, NEW["code"]) is None


def test_only_the_district_s_education_department_maintains_schools(education, as_user, as_role):
    for headers in (
        as_user("admin.district"),
        as_user("teacher.110109001"),
        as_role("education", "110109001"),
    ):
        response = education.post("/schools", json=NEW, headers=headers)
        assert response.status_code == 403 and response.json()["code"] == "FORBIDDEN"
    with Session(education.app.state.engine) as session:
        assert not session.exec(select(School).where(School.code == NEW["code"])).all()


def test_the_department_ties_a_staff_user_to_a_school(education, as_user):
    tied = education.put(
        "/school-staff/teacher.110109002",
        json={"schoolCode": "2111090004"},
        headers=as_user(DEPARTMENT),
    )
    assert tied.status_code == 200, tied.text
    assert tied.json()["schoolName"] == "城子小学（演示）"
    unknown = education.put(
        "/school-staff/teacher.110109002",
        json={"schoolCode": "2111099999"},
        headers=as_user(DEPARTMENT),
    )
    assert unknown.status_code == 422 and unknown.json()["fields"] == {
        "schoolCode": "学校标识码不在本区学校名录中"
    }


def test_without_demo_data_the_reference_starts_empty(tmp_path, verifier, as_user):
    from fastapi.testclient import TestClient

    from shouhu.education.app import create_app
    from shouhu.education.settings import EducationSettings

    settings = EducationSettings(database_url=f"sqlite:///{tmp_path / 'live.db'}", run_worker=False)
    with TestClient(create_app(settings, verifier=verifier)) as client:
        assert client.get("/schools", headers=as_user(DEPARTMENT)).json() == []

"""Education end to end on the embedded platform.

register a child at the registry → its event reaches education's projection → an enrolment
recorded through the gateway (bad input refused, nothing written) → `Child.education` shows it →
ended with a reason, and the history kept; a school's staff act for their own school only.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date, timedelta

from sqlmodel import Session

from shouhu.education.app import MIGRATIONS
from shouhu.education.models import ChildProjection
from shouhu.education.rebuild import http_post, rebuild
from shouhu.platform.clock import age_on
from shouhu.platform.db import make_engine, migrate
from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

VILLAGE = "110109001001"
DEPARTMENT = "education.district"
TEACHER = "teacher.110109001"  # tied to 大峪中心小学（演示） by the demo data
REGISTER = """
mutation Register($input: RegisterChildInput!) {
  registerChild(input: $input) { id version name birthDate }
}
"""
EDUCATION = """
query Education($id: ID!) {
  child(id: $id) {
    id
    education {
      enrolments { id schoolCode schoolName stage grade status since endedOn endReason }
      aid { programme }
      dropoutRisk { id }
    }
  }
}
"""
SCHOOLS = "query Schools($town: String) { schools(townCode: $town) { code name stages demo } }"
RECORD = """
mutation Record($childId: ID!, $input: EnrolmentInput!) {
  recordEnrolment(childId: $childId, input: $input) { id schoolName stage status since }
}
"""
END = """
mutation End($id: ID!, $reason: EnrolmentEndReason!) {
  endEnrolment(id: $id, reason: $reason) { id status endReason endedOn }
}
"""
PRIMARY = {"schoolCode": "2111090002", "stage": "PRIMARY", "grade": 2}


def _register(platform, token: str, **extra: str) -> dict:
    # Ten years old: a birth date of its own, so numbers never meet another test's.
    birth = date(2016, 1, 1) + timedelta(days=secrets.randbelow(300))
    child_input = {
        "name": f"入学{uuid.uuid4().hex[:6]}",
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=True),
        "residenceDivisionCode": VILLAGE,
        **extra,
    }
    body = graphql(platform.graphql_url, REGISTER, token, {"input": child_input})
    assert "errors" not in body, body
    child: dict = body["data"]["registerChild"]
    return child


def _education(platform, token: str, child_id: str) -> dict | None:
    body = graphql(platform.graphql_url, EDUCATION, token, {"id": child_id})
    assert "errors" not in body, body
    education: dict | None = body["data"]["child"]["education"]
    return education


def _record(platform, token: str, child_id: str, **change) -> dict:
    variables = {"childId": child_id, "input": {**PRIMARY, **change}}
    return graphql(platform.graphql_url, RECORD, token, variables)


def test_a_child_registered_is_enrolled_and_its_enrolment_ended(embedded):
    platform = embedded
    department = platform.token(DEPARTMENT)
    child = _register(platform, platform.token("admin.district"))
    born = date.fromisoformat(child["birthDate"])

    # The registry's event reaches education: the child is known there, with no enrolment, and
    # at risk of dropping out (tests/test_dropout_flow.py follows the risk).
    known = eventually(lambda: _education(platform, department, child["id"]))
    assert (known["enrolments"], known["aid"]) == ([], [])
    assert known["dropoutRisk"] is not None

    schools = graphql(platform.graphql_url, SCHOOLS, department, {"town": "110109001"})
    assert "2111090002" in {s["code"] for s in schools["data"]["schools"]}

    # Bad input: refused with the field named in Chinese, and nothing written.
    since = date(born.year + 7, 9, 1).isoformat()
    refusals = [
        (
            {"schoolCode": "2111099999", "since": since},
            "schoolCode",
            "学校标识码不在本区学校名录中",
        ),
        (
            {"since": date(born.year + 2, 9, 1).isoformat()},
            "stage",
            f"儿童入学时{age_on(born, date(born.year + 2, 9, 1))}岁",  # 1 when born after 1 Sept
        ),
        ({"since": (born - timedelta(days=1)).isoformat()}, "since", "入学日期不能早于出生日期"),
    ]
    for change, field, message in refusals:
        body = _record(platform, department, child["id"], **change)
        assert error_codes(body) == ["VALIDATION_FAILED"], body
        fields = body["errors"][0]["extensions"]["fields"]
        assert list(fields) == [field] and fields[field].startswith(message), fields
    assert _education(platform, department, child["id"]) == known

    # A school's staff may not enrol a child at another school.
    teacher = platform.token(TEACHER)
    body = _record(platform, teacher, child["id"], schoolCode="2111090004", since=since)
    assert error_codes(body) == ["FORBIDDEN"], body

    recorded = _record(platform, department, child["id"], since=since)
    assert "errors" not in recorded, recorded
    enrolment = recorded["data"]["recordEnrolment"]
    assert (enrolment["schoolName"], enrolment["stage"], enrolment["status"]) == (
        "大峪中心小学（演示）",
        "PRIMARY",
        "ACTIVE",
    )
    twice = _record(platform, department, child["id"], since=since)
    assert error_codes(twice) == ["DUPLICATE"], twice
    assert twice["errors"][0]["extensions"]["existingId"] == enrolment["id"]

    shown = _education(platform, department, child["id"])
    assert shown is not None
    assert [(e["id"], e["schoolName"], e["status"], e["since"]) for e in shown["enrolments"]] == [
        (enrolment["id"], "大峪中心小学（演示）", "ACTIVE", since)
    ]
    # The town's social worker reads it too (a reader of the division).
    worker = _education(platform, platform.token("worker.110109001"), child["id"])
    assert worker is not None and len(worker["enrolments"]) == 1

    ended = graphql(
        platform.graphql_url, END, department, {"id": enrolment["id"], "reason": "GRADUATED"}
    )
    assert "errors" not in ended, ended
    assert (
        ended["data"]["endEnrolment"]["status"],
        ended["data"]["endEnrolment"]["endReason"],
    ) == (
        "ENDED",
        "GRADUATED",
    )
    shown = _education(platform, department, child["id"])
    assert shown is not None
    assert [(e["status"], e["endReason"]) for e in shown["enrolments"]] == [("ENDED", "GRADUATED")]
    again = graphql(
        platform.graphql_url, END, department, {"id": enrolment["id"], "reason": "DROPPED_OUT"}
    )
    assert error_codes(again) == ["VALIDATION_FAILED"], again


def test_a_new_deployment_rebuilds_the_projection_from_the_registry(embedded, tmp_path):
    """`python -m shouhu.education.rebuild`'s work, with the education system's service account."""
    child = _register(embedded, embedded.token("admin.district"), hukouDivisionCode="130102")
    url = f"sqlite:///{tmp_path / 'education.db'}"
    migrate(url, MIGRATIONS)
    engine = make_engine(url)
    token = embedded.service_token("dept-education")
    written = rebuild(engine, http_post(embedded.urls["registry"], token))
    assert written >= 1
    with Session(engine) as session:
        row = session.get(ChildProjection, child["id"])
    assert row is not None
    assert (row.name, row.birth_date.isoformat(), row.hukou_division_code) == (
        child["name"],
        child["birthDate"],
        "130102",
    )
    assert (row.residence_division_code, row.town_code) == (VILLAGE, VILLAGE[:9])

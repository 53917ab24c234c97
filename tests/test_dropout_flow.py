"""The dropout watch (控辍保学) end to end on the embedded platform (the first test on the real
stack too: PostgreSQL, Kafka, Keycloak, each service its own process).

A 10-year-old registered at the registry with no school → education opens a dropout risk → the
town's social worker (and the education department) are notified within seconds, and the risk
is in `dropoutRisks` of the town → enrolled through the gateway → resolved, off the list, the
worker told. A school's long absence opens one for an enrolled child, a return resolves it; the
town's worker records an exemption.
"""

from __future__ import annotations

import secrets
import time
import uuid
from datetime import date, timedelta

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql
from shouhu.platform.workdays import add_working_days, is_workday

VILLAGE = "110109001001"
TOWN = VILLAGE[:9]
DEPARTMENT = "education.district"
WORKER = "worker.110109001"
OTHER_WORKER = "worker.110109101"
TEACHER = "teacher.110109001"  # tied to 大峪中心小学（演示） (2111090002) by the demo data
REGISTER = """
mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id name } }
"""
RISK = """
query Risk($id: ID!) {
  child(id: $id) { education { dropoutRisk { id reason status dueOn overdue openedOn } } }
}
"""
RISKS = """
query Risks($division: String!, $first: Int, $after: String) {
  dropoutRisks(divisionCode: $division, first: $first, after: $after) {
    edges { cursor node { id childId reason openedOn status child { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
NOTIFICATIONS = """query { notifications(first: 100) { edges { node {
  id kind childId title body subjectRef
} } } }"""
RECORD = """
mutation Record($childId: ID!, $input: EnrolmentInput!) {
  recordEnrolment(childId: $childId, input: $input) { id }
}
"""
EXEMPT = """
mutation Exempt($id: ID!, $input: ExemptionInput!) {
  exemptDropoutRisk(id: $id, input: $input) { id status outcome exemptionReason closedBy }
}
"""
ABSENCE = """
mutation Absence($childId: ID!, $input: AbsenceInput!) {
  reportAbsence(childId: $childId, input: $input) {
    days longestRun threshold dropoutRisk { id reason }
  }
}
"""
SCHOOLS = "query Schools($town: String) { schools(townCode: $town) { code } }"
CREATE_SCHOOL = "mutation Create($input: SchoolInput!) { createSchool(input: $input) { code } }"
SCHOOL = "2111090002"  # 大峪中心小学（演示） of the demo data; made where there is none
RETURN = """
mutation Return($childId: ID!) { reportReturn(childId: $childId) { dropoutRisk { id } } }
"""


def _register(platform) -> dict:
    """A child of ten in 东辛房社区, with no school."""
    birth = date(2016, 1, 1) + timedelta(days=secrets.randbelow(300))
    child_input = {
        "name": f"控辍{uuid.uuid4().hex[:6]}",
        "gender": "FEMALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=False),
        "residenceDivisionCode": VILLAGE,
    }
    body = graphql(
        platform.graphql_url, REGISTER, platform.token("admin.district"), {"input": child_input}
    )
    assert "errors" not in body, body
    child: dict = body["data"]["registerChild"]
    return child


def _risk(platform, user: str, child_id: str) -> dict | None:
    body = graphql(platform.graphql_url, RISK, platform.token(user), {"id": child_id})
    assert "errors" not in body, body
    education = body["data"]["child"]["education"]
    return education["dropoutRisk"] if education else None


def _notices(platform, user: str, child_id: str, kind: str) -> list[dict]:
    body = graphql(platform.graphql_url, NOTIFICATIONS, platform.token(user))
    assert "errors" not in body, body
    return [
        e["node"]
        for e in body["data"]["notifications"]["edges"]
        if e["node"]["childId"] == child_id and e["node"]["kind"] == kind
    ]


def _listed(platform, user: str, division: str) -> dict[str, dict]:
    """Every open risk of the division, page by page."""
    found: dict[str, dict] = {}
    after = None
    while True:
        variables = {"division": division, "first": 50, "after": after}
        body = graphql(platform.graphql_url, RISKS, platform.token(user), variables)
        assert "errors" not in body, body
        page = body["data"]["dropoutRisks"]
        found.update({e["node"]["childId"]: e["node"] for e in page["edges"]})
        if not page["pageInfo"]["hasNextPage"]:
            return found
        after = page["pageInfo"]["endCursor"]


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    return request.getfixturevalue(request.param)


def _school(platform) -> None:
    """The primary school the children are enrolled at (the real stack has no demo data)."""
    department = platform.token(DEPARTMENT)
    found = graphql(platform.graphql_url, SCHOOLS, department, {"town": TOWN})
    if SCHOOL in {s["code"] for s in found["data"]["schools"]}:
        return
    school = {
        "code": SCHOOL,
        "name": "大峪中心小学（测试）",
        "stages": ["PRIMARY"],
        "townCode": TOWN,
        "kind": "PUBLIC",
    }
    made = graphql(platform.graphql_url, CREATE_SCHOOL, department, {"input": school})
    assert "errors" not in made, made


def _enrol(platform, child_id: str) -> str:
    variables = {
        "childId": child_id,
        "input": {
            "schoolCode": SCHOOL,
            "stage": "PRIMARY",
            "grade": 4,
            "since": "2025-09-01",
        },
    }
    body = graphql(platform.graphql_url, RECORD, platform.token(DEPARTMENT), variables)
    assert "errors" not in body, body
    enrolment: str = body["data"]["recordEnrolment"]["id"]
    return enrolment


def test_a_child_of_ten_with_no_school_is_at_risk_the_town_told_enrolled_resolved(platform):
    _school(platform)
    started = time.monotonic()
    child = _register(platform)

    # Education opens the risk as its projection takes the registration.
    risk = eventually(lambda: _risk(platform, DEPARTMENT, child["id"]), timeout=10)
    assert (risk["reason"], risk["status"], risk["overdue"]) == ("NOT_ENROLLED", "OPEN", False)
    assert risk["openedOn"] == today().isoformat()
    assert risk["dueOn"] == add_working_days(today(), 10, weekdays_beyond=True).isoformat()

    # The town's social worker hears of it within seconds; so does the education department.
    (told,) = eventually(
        lambda: _notices(platform, WORKER, child["id"], "DROPOUT_RISK_OPENED"), timeout=10
    )
    assert time.monotonic() - started < 10
    assert told["subjectRef"] == f"dropout-risk:{risk['id']}"
    assert child["name"] in told["body"] and "未在任何学校登记学籍" in told["body"]
    eventually(lambda: _notices(platform, DEPARTMENT, child["id"], "DROPOUT_RISK_OPENED"))
    assert _notices(platform, OTHER_WORKER, child["id"], "DROPOUT_RISK_OPENED") == []

    # On the town's list (and the district's), with the child's file; not on another town's.
    listed = _listed(platform, WORKER, TOWN)[child["id"]]
    assert (listed["id"], listed["child"]["name"]) == (risk["id"], child["name"])
    assert child["id"] in _listed(platform, DEPARTMENT, "110109")
    assert child["id"] not in _listed(platform, OTHER_WORKER, "110109101")
    refused = graphql(platform.graphql_url, RISKS, platform.token(OTHER_WORKER), {"division": TOWN})
    assert error_codes(refused) == ["FORBIDDEN"], refused

    # Enrolled: resolved, off the list, and the worker is told.
    _enrol(platform, child["id"])
    assert _risk(platform, DEPARTMENT, child["id"]) is None
    assert child["id"] not in _listed(platform, WORKER, TOWN)
    eventually(lambda: _notices(platform, WORKER, child["id"], "DROPOUT_RISK_CLOSED"), timeout=10)


def test_the_towns_worker_records_an_exemption(embedded):
    platform = embedded
    child = _register(platform)
    risk = eventually(lambda: _risk(platform, WORKER, child["id"]), timeout=10)
    other = graphql(
        platform.graphql_url,
        EXEMPT,
        platform.token(OTHER_WORKER),
        {"id": risk["id"], "input": {"reason": "MEDICAL"}},
    )
    assert error_codes(other) == ["NOT_FOUND"], other
    unexplained = graphql(
        platform.graphql_url,
        EXEMPT,
        platform.token(WORKER),
        {"id": risk["id"], "input": {"reason": "OTHER"}},
    )
    assert error_codes(unexplained) == ["VALIDATION_FAILED"], unexplained
    assert unexplained["errors"][0]["extensions"]["fields"] == {"note": "其他原因须填写说明"}
    body = graphql(
        platform.graphql_url,
        EXEMPT,
        platform.token(WORKER),
        {"id": risk["id"], "input": {"reason": "MEDICAL", "note": "重病住院治疗"}},
    )
    assert "errors" not in body, body
    assert body["data"]["exemptDropoutRisk"] == {
        "id": risk["id"],
        "status": "EXEMPTED",
        "outcome": "EXEMPTED",
        "exemptionReason": "MEDICAL",
        "closedBy": WORKER,
    }
    assert _risk(platform, WORKER, child["id"]) is None


def test_a_schools_long_absence_opens_a_risk_and_a_return_resolves_it(embedded):
    platform = embedded
    child = _register(platform)
    eventually(lambda: _risk(platform, DEPARTMENT, child["id"]), timeout=10)
    _enrol(platform, child["id"])
    teacher = platform.token(TEACHER)
    # Three school days in a row, ending before today.
    first = today() - timedelta(days=14)
    while not is_workday(first, weekdays_beyond=True):
        first += timedelta(days=1)
    variables = {"childId": child["id"], "input": {"from": first.isoformat(), "consecutiveDays": 3}}
    body = graphql(platform.graphql_url, ABSENCE, teacher, variables)
    assert "errors" not in body, body
    reported = body["data"]["reportAbsence"]
    assert (reported["longestRun"], reported["threshold"]) == (3, 3)
    assert reported["dropoutRisk"]["reason"] == "LONG_ABSENCE"
    assert _risk(platform, DEPARTMENT, child["id"])["reason"] == "LONG_ABSENCE"
    body = graphql(platform.graphql_url, RETURN, teacher, {"childId": child["id"]})
    assert "errors" not in body, body
    assert body["data"]["reportReturn"]["dropoutRisk"] is None
    assert _risk(platform, DEPARTMENT, child["id"]) is None

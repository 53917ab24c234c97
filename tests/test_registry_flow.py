"""The registry through the gateway, on the embedded platform and the real stack."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

CHILD = """
fragment File on Child {
  id version name status primaryCategory leftBehind idNumber
  residenceDivision { code }
  classifications { group subtype since until note }
}
"""
REGISTER = (
    CHILD
    + """
mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { ...File } }
"""
)
CLASSIFY = (
    CHILD
    + """
mutation Classify($id: ID!, $version: Int!, $input: ClassifyChildInput!) {
  classifyChild(id: $id, version: $version, input: $input) { ...File }
}
"""
)
READ = (
    CHILD
    + """
query Read($id: ID!) { child(id: $id) { ...File history { operation actor } } }
"""
)
SEARCH = """
query Search($filter: ChildFilter, $first: Int, $after: String) {
  children(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id name primaryCategory } } pageInfo { hasNextPage endCursor }
  }
}
"""


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    """Each test runs on both the embedded platform and the real stack."""
    return request.getfixturevalue(request.param)


def _register(platform, token, village="110109001001", **extra):
    birth = date(2012, 6, 1)
    child_input = {
        "name": f"流程{uuid.uuid4().hex[:6]}",
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=True),
        "residenceDivisionCode": village,
        **extra,
    }
    body = graphql(platform.graphql_url, REGISTER, token, {"input": child_input})
    assert "errors" not in body, body
    return body["data"]["registerChild"]


def test_classify_search_read_and_audit_a_file(platform):
    worker = platform.token("worker.110109001")
    child = _register(platform, worker)
    since = (date.today() - timedelta(days=3)).isoformat()
    body = graphql(
        platform.graphql_url,
        CLASSIFY,
        worker,
        {
            "id": child["id"],
            "version": child["version"],
            "input": {
                "classifications": [
                    {"group": "LEFT_BEHIND", "subtype": "BOTH_PARENTS_AWAY", "since": since},
                    {"group": "ILLNESS_DISABILITY", "subtype": "HIV_AFFECTED", "since": since},
                ],
                "reason": "入户核查",
            },
        },
    )
    assert "errors" not in body, body
    classified = body["data"]["classifyChild"]
    assert (classified["primaryCategory"], classified["leftBehind"]) == ("HARDSHIP", True)
    assert classified["version"] == child["version"] + 1

    # A stale version is CONFLICT.
    stale = graphql(
        platform.graphql_url,
        CLASSIFY,
        worker,
        {"id": child["id"], "version": child["version"], "input": {"classifications": []}},
    )
    assert error_codes(stale) == ["CONFLICT"]

    # Search by pinyin-free name part within the town, with the total.
    page = graphql(
        platform.graphql_url,
        SEARCH,
        worker,
        {"filter": {"name": child["name"], "divisionCode": "110109001"}, "first": 5},
    )["data"]["children"]
    assert [e["node"]["id"] for e in page["edges"]] == [child["id"]]
    assert page["totalCount"] == 1

    # The supervisor reads the file: HIV shown as serious illness, identity number masked,
    # history there.
    supervisor = platform.token("supervisor.110109001001")
    read = graphql(platform.graphql_url, READ, supervisor, {"id": child["id"]})["data"]["child"]
    assert {c["subtype"] for c in read["classifications"]} == {"BOTH_PARENTS_AWAY", "SERIOUSLY_ILL"}
    assert "********" in read["idNumber"]
    # Benefits may already have put measures on the plan; the file's own changes come first.
    operations = [h["operation"] for h in read["history"]]
    assert operations[:2] == ["REGISTERED", "CLASSIFIED"]
    assert all(op.startswith("PLAN_MEASURE") for op in operations[2:]), operations

    # Another town's worker does not see it at all.
    other = graphql(
        platform.graphql_url, READ, platform.token("worker.110109101"), {"id": child["id"]}
    )
    assert other["data"]["child"] is None

    # The district and the auditor see who read it, naming the operation.
    def logged():
        body = graphql(
            platform.graphql_url,
            """query($id: ID!) {
                 accessLog(childId: $id) { edges { node { actor parts operation } } } }""",
            platform.token("auditor.district"),
            {"id": child["id"]},
        )
        entries = [e["node"] for e in body["data"]["accessLog"]["edges"]]
        return entries if any(e["actor"] == "supervisor.110109001001" for e in entries) else None

    entries = eventually(logged, timeout=30)
    read_entry = next(e for e in entries if e["actor"] == "supervisor.110109001001")
    assert read_entry["operation"] == "Read"
    assert set(read_entry["parts"]) == {"identity", "classifications", "history"}
    denied = graphql(
        platform.graphql_url,
        "query($id: ID!) { accessLog(childId: $id) { edges { cursor } } }",
        worker,
        {"id": child["id"]},
    )
    assert error_codes(denied) == ["FORBIDDEN"]


def test_statistics_through_the_gateway(platform):
    clerk = platform.token("clerk.district")
    before = graphql(
        platform.graphql_url,
        '{ childStatistics(divisionCode: "110109101") { counts { total } } }',
        clerk,
    )
    assert "errors" not in before, before
    _register(platform, clerk, village="110109101001")
    after = graphql(
        platform.graphql_url,
        """{ childStatistics(divisionCode: "110109101") {
             divisionCode asOf counts { total byPrimaryCategory { key count } }
             children { divisionCode total } trend { month total } } }""",
        clerk,
    )["data"]["childStatistics"]
    assert after["counts"]["total"] == before["data"]["childStatistics"]["counts"]["total"] + 1
    assert len(after["trend"]) == 12
    village = next(c for c in after["children"] if c["divisionCode"] == "110109101001")
    assert village["total"] >= 1
    out_of_scope = graphql(
        platform.graphql_url,
        '{ childStatistics(divisionCode: "110109001") { counts { total } } }',
        platform.token("worker.110109101"),
    )
    assert error_codes(out_of_scope) == ["NOT_FOUND"]


def test_visits_plan_and_workforce_through_the_gateway(platform):
    supervisor = platform.token("supervisor.110109001001")
    child = _register(platform, supervisor)
    visit = graphql(
        platform.graphql_url,
        """mutation($id: ID!, $input: VisitInput!) {
             recordVisit(childId: $id, input: $input) { id riskLevel visitedOn nextDue } }""",
        supervisor,
        {
            "id": child["id"],
            "input": {
                "visitedOn": date.today().isoformat(),
                "seen": "祖母和孩子",
                "findings": "生活正常",
                "riskLevel": "LOW",
            },
        },
    )
    assert "errors" not in visit, visit
    assert visit["data"]["recordVisit"]["nextDue"] > date.today().isoformat()
    future = graphql(
        platform.graphql_url,
        """mutation($id: ID!, $input: VisitInput!) {
             recordVisit(childId: $id, input: $input) { id } }""",
        supervisor,
        {
            "id": child["id"],
            "input": {
                "visitedOn": (date.today() + timedelta(days=2)).isoformat(),
                "seen": "-",
                "findings": "-",
                "riskLevel": "LOW",
            },
        },
    )
    assert error_codes(future) == ["VALIDATION_FAILED"]
    worker = platform.token("worker.110109001")
    measure = graphql(
        platform.graphql_url,
        """mutation($id: ID!, $input: PlanMeasureInput!) {
             addPlanMeasure(childId: $id, input: $input) { id department status } }""",
        worker,
        {
            "id": child["id"],
            "input": {"department": "EDUCATION", "kind": "助学", "description": "申请教育资助"},
        },
    )
    assert "errors" not in measure, measure
    read = graphql(
        platform.graphql_url,
        """query($id: ID!) { child(id: $id) {
             visits { riskLevel } supportPlan { measures { department description } } } }""",
        worker,
        {"id": child["id"]},
    )["data"]["child"]
    assert [v["riskLevel"] for v in read["visits"]] == ["LOW"]
    assert read["supportPlan"]["measures"] == [
        {"department": "EDUCATION", "description": "申请教育资助"}
    ]
    coverage = graphql(
        platform.graphql_url,
        """{ workforceCoverage(divisionCode: "110109") {
             townCount villageCount townsWithSocialWorker villagesWithSupervisor } }""",
        platform.token("admin.district"),
    )["data"]["workforceCoverage"]
    assert (coverage["townCount"], coverage["villageCount"]) == (13, 304)
    assert coverage["townsWithSocialWorker"] >= 2
    assert coverage["villagesWithSupervisor"] >= 2

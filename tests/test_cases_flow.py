"""Protection cases end to end through the gateway, embedded and on the real stack.

A school's mandated reporter reports neglect in 大峪街道; the town's police station accepts it,
responds and notifies the town (通报); the town's social worker assesses, which opens the
child's file and puts the needs on its plan; a guardianship intervention opens and benefits
grants temporary living support by itself, which ends at the month's end once the intervention
closes; the case closes. The reporter sees the status and nothing else. Bad input is refused
with its code and a Chinese message, and writes nothing.
"""

from __future__ import annotations

import calendar
import json
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

REPORTER = "reporter.school.110109001"
POLICE = "police.110109001"
WORKER = "worker.110109001"
VILLAGE = "110109001001"
OTHER_VILLAGE = "110109101001"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 128

REPORT = """id caseNumber status reportedAt acceptedAt view withheld kind description childName
childId child { id name } division { code } assessmentDueAt assessmentOverdue
assessment { highestRisk summary measureIds } supervisorRequest
attachments { id filename mediaType content { mediaType contentBase64 } }
responses { measure actor } interventions { id status }
timeline { at actor action note }"""
FILE = f"""mutation File($input: ReportInput!) {{ fileReport(input: $input) {{ {REPORT} }} }}"""
READ = f"query Read($id: ID!) {{ report(id: $id) {{ {REPORT} }} }}"
LIST = """query List($filter: ReportFilter) { reports(filter: $filter, first: 100) {
  edges { node { id caseNumber status view description } } } }"""
ACCEPT = f"mutation Accept($id: ID!) {{ acceptReport(id: $id) {{ {REPORT} }} }}"
RESPOND = f"""mutation Respond($id: ID!, $input: ResponseInput!) {{
  recordResponse(reportId: $id, input: $input) {{ {REPORT} }} }}"""
NOTIFY = f"""mutation Notify($id: ID!) {{
  notifyTown(id: $id, note: "请镇街儿童社会工作者评估") {{ {REPORT} }} }}"""
ASSESS = f"""mutation Assess($id: ID!, $input: AssessmentInput!) {{
  recordAssessment(reportId: $id, input: $input) {{ {REPORT} }} }}"""
CLOSE = (
    f"""mutation Close($id: ID!) {{ closeReport(id: $id, outcome: "已落实监护") {{ {REPORT} }} }}"""
)
INTERVENTION = "id childId caseId reason measures status openedOn closedOn"
OPEN = f"""mutation Open($childId: ID!, $caseId: ID) {{
  openIntervention(childId: $childId, reason: GUARDIAN_UNABLE, note: "祖母卧病，无力照料",
    measures: [TEMPORARY_GUARDIANSHIP], caseId: $caseId) {{ {INTERVENTION} }} }}"""
END = f"""mutation End($id: ID!) {{
  closeIntervention(id: $id, outcome: "父亲返乡履行监护职责") {{ {INTERVENTION} }} }}"""
ATTACH = "mutation Attach($id: ID!, $file: Upload!) { addReportAttachment(reportId: $id, file: $file) { id filename mediaType size } }"  # noqa: E501
CHILD = """query Child($id: ID!) { child(id: $id) {
  id supportPlan { measures { kind department } } history { operation }
  benefits { entitlements { programme { code } status startsOn endsOn } } } }"""


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    """Each test runs on both the embedded platform and the real stack."""
    return request.getfixturevalue(request.param)


def report_input(**overrides: Any) -> dict[str, Any]:
    return {
        "childName": f"报告{uuid.uuid4().hex[:4]}",
        "childAge": 9,
        "divisionCode": VILLAGE,
        "kind": "NEGLECT",
        "occurredOn": (today() - timedelta(days=1)).isoformat(),
        "description": "学生连续多日无人接送，衣着单薄，自述家中无人做饭",
        "institution": "大峪第一小学",
        **overrides,
    }


def new_child(name: str) -> dict[str, Any]:
    birth = date(2016, 5, 20)
    return {
        "name": name,
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=True),
        "residenceDivisionCode": VILLAGE,
    }


def call(platform, username: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def refused(platform, username: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert body.get("errors"), body
    error: dict[str, Any] = body["errors"][0]
    return error


def upload(platform, username: str, report_id: str, content: bytes, name: str) -> dict[str, Any]:
    """The GraphQL multipart request, as a browser or a department system sends it."""
    operations = {"query": ATTACH, "variables": {"id": report_id, "file": None}}
    response = httpx.post(
        platform.graphql_url,
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (name, content, "image/png")},
        headers={"Authorization": f"Bearer {platform.token(username)}"},
        timeout=60,
    )
    body: dict[str, Any] = response.json()
    return body


def month_end(day: date) -> str:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1]).isoformat()


CLOCKS = (
    "query Clocks($id: ID!) { report(id: $id) { clocks { step hours limitHours late running } } }"
)
FIGURES = """query Figures($from: Date!, $to: Date!) { caseStatistics(from: $from, to: $to) {
  byReporter { code reports steps { step ended medianHours worstHours late } } } }"""


def test_a_schools_report_followed_to_the_end(platform):
    school = f"大峪第一小学{uuid.uuid4().hex[:4]}"  # its own figures, whatever else ran
    filed = call(platform, REPORTER, FILE, {"input": report_input(institution=school)})[
        "fileReport"
    ]
    assert filed["caseNumber"].startswith(f"MTG-BG-{today().year}-")
    assert (filed["status"], filed["view"], filed["acceptedAt"]) == ("REPORTED", "RECEIPT", None)
    assert filed["kind"] is None and filed["description"] is None and filed["timeline"] is None
    assert {"kind", "description", "childName", "timeline"} <= set(filed["withheld"])
    case_id = filed["id"]

    # A photo through the gateway, told by its bytes; seen by the police with the case.
    added = upload(platform, REPORTER, case_id, PNG, "现场照片.png")
    assert "errors" not in added, added
    assert added["data"]["addReportAttachment"]["mediaType"] == "image/png"

    # The town's police station: the case in full, accepted, responded to, notified to the town.
    seen = call(platform, POLICE, READ, {"id": case_id})["report"]
    assert (seen["view"], seen["kind"], seen["division"]["code"]) == ("DETAIL", "NEGLECT", VILLAGE)
    (photo,) = seen["attachments"]
    assert photo["content"]["mediaType"] == "image/png"
    accepted = call(platform, POLICE, ACCEPT, {"id": case_id})["acceptReport"]
    assert accepted["status"] == "ACCEPTED" and accepted["acceptedAt"]
    responded = call(
        platform,
        POLICE,
        RESPOND,
        {"id": case_id, "input": {"measure": "PLACED_WITH_RELATIVES", "note": "交由姑姑照料"}},
    )["recordResponse"]
    assert [(r["measure"], r["actor"]) for r in responded["responses"]] == [
        ("PLACED_WITH_RELATIVES", POLICE)
    ]
    notified = call(platform, POLICE, NOTIFY, {"id": case_id})["notifyTown"]
    assert notified["status"] == "REFERRED_TO_TOWN" and notified["assessmentDueAt"]
    assert notified["assessmentOverdue"] is False

    # The town's social worker assesses: the file opens, the needs go on its plan.
    name = f"评估{uuid.uuid4().hex[:4]}"
    assessment = {
        "safety": "MEDIUM",
        "guardianship": "HIGH",
        "guardianshipNote": "父母外出务工，祖母卧病",
        "health": "LOW",
        "summary": "监护缺失，需临时监护并落实生活保障",
        "child": new_child(name),
        "needs": [
            {"department": "CIVIL_AFFAIRS", "kind": "临时监护", "description": "民政部门临时监护"},
            {"department": "EDUCATION", "kind": "学业帮扶", "description": "学校安排教师结对"},
        ],
        "supervisorRequest": "每周走访一次",
    }
    assessed = call(platform, WORKER, ASSESS, {"id": case_id, "input": assessment})[
        "recordAssessment"
    ]
    assert assessed["status"] == "ASSESSED"
    assert assessed["assessment"]["highestRisk"] == "HIGH"
    child_id = assessed["child"]["id"]
    assert assessed["child"]["name"] == name
    file = call(platform, WORKER, CHILD, {"id": child_id})["child"]
    assert [(m["kind"], m["department"]) for m in file["supportPlan"]["measures"]] == [
        ("临时监护", "CIVIL_AFFAIRS"),
        ("学业帮扶", "EDUCATION"),
    ]
    assert "CASE_ASSESSED" in [h["operation"] for h in file["history"]]

    # The guardianship intervention: benefits grants temporary living support by itself.
    opened = call(platform, WORKER, OPEN, {"childId": child_id, "caseId": case_id})[
        "openIntervention"
    ]
    assert (opened["status"], opened["caseId"]) == ("OPEN", case_id)

    def support(ended: bool) -> dict[str, Any] | None:
        found = call(platform, "admin.district", CHILD, {"id": child_id})["child"]["benefits"]
        for entitlement in (found or {}).get("entitlements", []):
            if (
                entitlement["programme"]["code"] == "TEMPORARY_LIVING_SUPPORT"
                and (entitlement["endsOn"] is not None) is ended
            ):
                return dict(entitlement)
        return None

    granted = eventually(lambda: support(ended=False), timeout=60)
    assert granted["status"] == "ACTIVE"
    assert granted["startsOn"] == today().replace(day=1).isoformat()
    closed = call(platform, WORKER, END, {"id": opened["id"]})["closeIntervention"]
    assert (closed["status"], closed["closedOn"]) == ("CLOSED", today().isoformat())
    ended = eventually(lambda: support(ended=True), timeout=60)
    assert ended["endsOn"] == month_end(today())

    done = call(platform, WORKER, CLOSE, {"id": case_id})["closeReport"]
    assert done["status"] == "CLOSED"
    assert [s["action"] for s in done["timeline"]] == [
        "REPORTED",
        "ATTACHMENT_ADDED",
        "ACCEPTED",
        "RESPONDED",
        "TOWN_NOTIFIED",
        "CHILD_LINKED",
        "ASSESSED",
        "INTERVENTION_OPENED",
        "INTERVENTION_CLOSED",
        "CLOSED",
    ]
    moments = [s["at"] for s in done["timeline"]]
    assert moments == sorted(moments)

    # Accountability (追责): each step's time against its limit, on the case and in the figures.
    clocks = call(platform, POLICE, CLOCKS, {"id": case_id})["report"]["clocks"]
    assert [(c["step"], c["late"], c["running"]) for c in clocks] == [
        ("FOUND_TO_REPORTED", False, False),
        ("REPORTED_TO_ACCEPTED", False, False),
        ("ACCEPTED_TO_NOTIFIED", False, False),
        ("NOTIFIED_TO_ASSESSED", False, False),
    ]
    assert [c["limitHours"] for c in clocks] == [24, 2, 24, 72]
    period = {"from": today().isoformat(), "to": today().isoformat()}
    figures = call(platform, "auditor.district", FIGURES, period)["caseStatistics"]
    (ours,) = [r for r in figures["byReporter"] if r["code"] == school]
    assert ours["reports"] == 1
    for step, clock in zip(ours["steps"], clocks, strict=True):
        assert (step["step"], step["ended"], step["late"]) == (clock["step"], 1, 0)
        assert step["medianHours"] == step["worstHours"] == pytest.approx(clock["hours"], abs=0.1)

    # The village supervisor sees that a case is open for a child of theirs, and what is asked.
    theirs = call(platform, "supervisor.110109001001", READ, {"id": case_id})["report"]
    assert (theirs["view"], theirs["supervisorRequest"]) == ("SUPERVISOR", "每周走访一次")
    assert theirs["child"]["id"] == child_id
    assert theirs["description"] is None and theirs["assessment"] is None

    # The reporter: the receipt and the status, nothing else; never the child's file.
    receipt = call(platform, REPORTER, READ, {"id": case_id})["report"]
    assert (receipt["status"], receipt["view"]) == ("CLOSED", "RECEIPT")
    assert receipt["acceptedAt"] is not None
    for hidden in ("child", "childId", "childName", "description", "assessment", "attachments"):
        assert receipt[hidden] is None, hidden
    own = call(platform, REPORTER, LIST, {})["reports"]["edges"]
    assert {e["node"]["view"] for e in own} == {"RECEIPT"}
    assert case_id in [e["node"]["id"] for e in own]
    child_read = graphql(
        platform.graphql_url,
        "query($id: ID!) { child(id: $id) { id name } }",
        platform.token(REPORTER),
        {"id": child_id},
    )
    assert error_codes(child_read) == ["FORBIDDEN"]


def _own_numbers(platform) -> set[str]:
    edges = call(platform, REPORTER, LIST, {})["reports"]["edges"]
    return {e["node"]["caseNumber"] for e in edges}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"divisionCode": None}, "divisionCode"),  # no place
        ({"description": "  "}, "description"),  # no description
        ({"divisionCode": "110108001001"}, "divisionCode"),  # outside the district
        ({"occurredOn": "2999-01-01"}, "occurredOn"),  # in the future
        ({"kind": "BULLYING"}, None),  # an unknown kind: the query itself is wrong
    ],
)
def test_bad_reports_are_refused_and_write_nothing(platform, overrides, field):
    before = _own_numbers(platform)
    error = refused(platform, REPORTER, FILE, {"input": report_input(**overrides)})
    assert error["extensions"]["code"] == "VALIDATION_FAILED", error
    if field:
        message = error["extensions"]["fields"][field]
        assert message and not message.isascii()  # said in Chinese
    assert _own_numbers(platform) == before


def test_bad_steps_are_refused_and_write_nothing(platform):
    ours = call(platform, REPORTER, FILE, {"input": report_input()})["fileReport"]["id"]
    far = call(platform, REPORTER, FILE, {"input": report_input(divisionCode=OTHER_VILLAGE)})
    far_id = far["fileReport"]["id"]

    # Acting on a report of another division: not found, never revealed.
    assert refused(platform, POLICE, ACCEPT, {"id": far_id})["extensions"]["code"] == "NOT_FOUND"
    assert call(platform, "police.district", READ, {"id": far_id})["report"]["status"] == "REPORTED"

    # An assessment before 通报.
    early = {"safety": "LOW", "guardianship": "LOW", "health": "LOW", "summary": "无"}
    error = refused(platform, WORKER, ASSESS, {"id": ours, "input": early})
    assert error["extensions"]["fields"] == {"status": "尚未通报镇街，不能评估"}

    # Accepting twice.
    call(platform, POLICE, ACCEPT, {"id": ours})
    error = refused(platform, "police.district", ACCEPT, {"id": ours})
    assert error["extensions"]["fields"] == {"status": "该报告已受理，不能重复受理"}
    timeline = call(platform, POLICE, READ, {"id": ours})["report"]["timeline"]
    assert [s["action"] for s in timeline] == ["REPORTED", "ACCEPTED"]

    # Attachments of the wrong type or too large.
    gif = upload(platform, REPORTER, ours, b"GIF89a" + b"\x00" * 64, "photo.png")
    assert gif["errors"][0]["extensions"]["fields"] == {"file": "附件应为JPEG、PNG图片或PDF文件"}
    large = upload(platform, REPORTER, ours, PNG + b"\x00" * (5 * 1024 * 1024), "big.png")
    assert large["errors"][0]["extensions"]["fields"] == {"file": "附件不能超过5MB"}
    assert call(platform, POLICE, READ, {"id": ours})["report"]["attachments"] == []


def test_closing_an_intervention_that_is_not_open_is_refused(platform):
    birth = date(2015, 1, 1)
    child = {
        "name": f"干预{uuid.uuid4().hex[:4]}",
        "gender": "FEMALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=False),
        "residenceDivisionCode": VILLAGE,
    }
    registered = call(
        platform,
        WORKER,
        "mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
        {"input": child},
    )["registerChild"]
    opened = call(platform, WORKER, OPEN, {"childId": registered["id"], "caseId": None})[
        "openIntervention"
    ]
    call(platform, WORKER, END, {"id": opened["id"]})
    error = refused(platform, WORKER, END, {"id": opened["id"]})
    assert (error["extensions"]["code"], error["extensions"]["fields"]) == (
        "VALIDATION_FAILED",
        {"status": "该监护干预已结束，不能再结束"},
    )
    listed = call(
        platform,
        WORKER,
        f"query($id: ID!) {{ interventions(childId: $id) {{ {INTERVENTION} }} }}",
        {"id": registered["id"]},
    )["interventions"]
    assert [(i["status"], i["closedOn"]) for i in listed] == [("CLOSED", today().isoformat())]

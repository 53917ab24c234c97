"""The authorisation matrix: every GraphQL operation × every role × in scope and out of scope.

The answers are committed in docs/authz-matrix.md; the test runs every cell on the embedded
platform and fails when one differs, so a change of who may do what is a deliberate one
(`make authz-matrix` rewrites the table). A part of it runs on the real stack too.

A cell is `ok` (an answer), `empty` (an answer with nothing in it), `null` (no such record
for this caller) or the error's code. In scope means the record lies in 大峪街道 (110109001),
out of scope in 潭柘寺镇 (110109101); operations without a record have one row.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import eventually, fresh_identity_number, graphql, http

ROOT = Path(__file__).resolve().parents[1]
MATRIX = ROOT / "docs" / "authz-matrix.md"

# One person per role, and town-level people where the division makes a difference.
USERS = [
    "admin.district",
    "clerk.district",
    "clerk.110109001",
    "worker.110109001",
    "supervisor.110109001001",
    "police.district",
    "police.110109001",
    "education.district",
    "health.district",
    "hr.district",
    "judicial.district",
    "housing.district",
    "youthleague.district",
    "union.district",
    "womensfed.district",
    "disabledfed.district",
    "reporter.school.110109001",
    "teacher.110109001",
    "auditor.district",
    "volunteer.110109001001",
]
VILLAGE = {"in": "110109001001", "out": "110109101001"}
TOWN = {"in": "110109001", "out": "110109101"}
BIRTH = date(2014, 6, 1)
_numbers = itertools.count(1)


def new_identity(*, male: bool = False) -> tuple[str, str]:
    """A birth date and an identity number no other cell has used."""
    birth = BIRTH + timedelta(days=next(_numbers) // 400)
    return birth.isoformat(), fresh_identity_number(birth, male=male)


class Tokens:
    """Each user's access token, asked for again before it expires (the run outlasts one)."""

    FRESH_FOR = 300.0  # seconds; the realm's tokens live longer

    def __init__(self, token: Callable[[str], str]) -> None:
        self._token = token
        self._held: dict[str, tuple[float, str]] = {}

    def __call__(self, user: str) -> str:
        asked, token = self._held.get(user, (0.0, ""))
        if time.monotonic() - asked > self.FRESH_FOR:
            asked, token = time.monotonic(), self._token(user)
            self._held[user] = (asked, token)
        return token


class Setup:
    """Records made by the district's civil affairs for a cell to act on."""

    def __init__(self, url: str, token: Callable[[str], str]) -> None:
        self.url = url
        self.token = token

    def call(self, document: str, variables: dict[str, Any], user: str = "") -> dict[str, Any]:
        body = graphql(self.url, document, self.token(user or "admin.district"), variables)
        assert not body.get("errors"), body
        data: dict[str, Any] = body["data"]
        return data

    def child(
        self, scope: str, *, with_number: bool = True, hukou: str | None = None
    ) -> dict[str, Any]:
        birth, number = new_identity()
        data = {
            "name": f"矩阵{number[-6:]}",
            "gender": "FEMALE",
            "birthDate": birth,
            "residenceDivisionCode": VILLAGE[scope],
        }
        if hukou:
            data["hukouDivisionCode"] = hukou
        if with_number:
            data["idNumber"] = number
        child: dict[str, Any] = self.call(REGISTER, {"input": data})["registerChild"]
        child["input"] = data
        return child

    def measure(self, scope: str) -> dict[str, Any]:
        child = self.child(scope)
        added: dict[str, Any] = self.call(ADD_MEASURE, {"childId": child["id"], "input": MEASURE})[
            "addPlanMeasure"
        ]
        return added

    def review(self, scope: str) -> str:
        """A registration held back as a possible duplicate (same name, birth and village)."""
        child = self.child(scope, with_number=False)
        body = graphql(self.url, REGISTER, self.token("admin.district"), {"input": child["input"]})
        (error,) = body["errors"]
        review: str = error["extensions"]["reviewId"]
        return review

    def transfer(self) -> str:
        """A number filed in one town registered again by the other town's supervisor."""
        child = self.child("in")
        again = {**child["input"], "residenceDivisionCode": VILLAGE["out"]}
        body = graphql(self.url, REGISTER, self.token("supervisor.110109101001"), {"input": again})
        (error,) = body["errors"]
        transfer: str = error["extensions"]["transferRequestId"]
        return transfer

    def assignment(self, scope: str) -> str:
        post = self.call(ASSIGN, {"divisionCode": VILLAGE[scope], "input": WORKER})
        assignment: str = post["assignWorker"]["id"]
        return assignment

    def intake(self, scope: str) -> dict[str, Any]:
        """An application for a new child of the scope's village; its task is the police's."""
        intake: dict[str, Any] = self.call(SUBMIT, {"input": intake_input(scope)})["submitIntake"]
        return intake

    def task(self, scope: str) -> str:
        task: str = self.intake(scope)["tasks"][0]["id"]
        return task

    def waiting_task(self, scope: str) -> str:
        """A police task waiting for materials the window is to record."""
        task = self.task(scope)
        self.call(REQUEST_MATERIALS, {"id": task}, user="police.district")
        return task

    def report(self, scope: str) -> str:
        """A school's report of a place in the scope's village."""
        filed = self.call(FILE_REPORT, {"input": report_input(scope)}, user=REPORTER)
        report: str = filed["fileReport"]["id"]
        return report

    def accepted(self, scope: str) -> str:
        report = self.report(scope)
        self.call(ACCEPT_REPORT, {"id": report}, user="police.district")
        return report

    def searching(self, scope: str) -> str:
        """An accepted report whose missing-child search is open."""
        report = self.accepted(scope)
        self.call(MISSING_SEARCH, {"id": report}, user="police.district")
        return report

    def notified(self, scope: str) -> str:
        report = self.accepted(scope)
        self.call(NOTIFY_TOWN, {"id": report}, user="police.district")
        return report

    def intervention(self, scope: str) -> dict[str, Any]:
        """An open guardianship intervention of a new child of the scope's village."""
        child = self.child(scope)
        opened: dict[str, Any] = self.call(OPEN_INTERVENTION, {"childId": child["id"]})[
            "openIntervention"
        ]
        return opened

    def petitioned(self, scope: str) -> str:
        intervention: str = self.intervention(scope)["id"]
        self.call(PETITION, {"id": intervention, "on": today().isoformat()})
        return intervention

    def known_to_education(self, scope: str, *, hukou: str | None = None) -> str:
        """A child of the scope's village once education's projection has it."""
        return str(self.numbered_for_education(scope, hukou=hukou)["id"])

    def numbered_for_education(self, scope: str, *, hukou: str | None = None) -> dict[str, Any]:
        """A child with an identity number, once education's projection has it."""
        registered = self.child(scope, hukou=hukou)
        child: str = registered["id"]
        department = self.token("education.district")

        def known() -> bool:
            body = graphql(self.url, EDUCATION_OF, department, {"id": child})
            return bool((body.get("data") or {}).get("child", {}).get("education"))

        eventually(known)
        return registered

    def enrolment(self, scope: str, *, suspended: bool = False) -> str:
        """An enrolment at the primary school of the scope's town (in: the teacher's school)."""
        child = self.known_to_education(scope)
        variables = {"childId": child, "input": enrolment_input(scope)}
        made = self.call(RECORD_ENROLMENT, variables, user="education.district")
        enrolment: str = made["recordEnrolment"]["id"]
        if suspended:
            self.call(SUSPEND_ENROLMENT, {"id": enrolment}, user="education.district")
        return enrolment

    def enrolled_child(self, scope: str) -> str:
        """A child enrolled at the primary school of the scope's town."""
        child = self.known_to_education(scope)
        variables = {"childId": child, "input": enrolment_input(scope)}
        self.call(RECORD_ENROLMENT, variables, user="education.district")
        return child

    def non_beijing_child(self, scope: str) -> str:
        """A child with its hukou in Hebei (非京籍), enrolled at the scope's primary school."""
        child = self.known_to_education(scope, hukou="130102")
        variables = {"childId": child, "input": enrolment_input(scope)}
        self.call(RECORD_ENROLMENT, variables, user="education.district")
        return child

    def dropout_risk(self, scope: str) -> str:
        """The open dropout risk of a child of the scope's village (12 years old, no school)."""
        child = self.known_to_education(scope)
        body = self.call(DROPOUT_RISK_OF, {"id": child}, user="education.district")
        risk: str = body["child"]["education"]["dropoutRisk"]["id"]
        return risk

    def placed_child(self, scope: str) -> str:
        """A disabled child of the scope's village placed at home teaching by the primary school
        of its town (once education knows the disability)."""
        child = self.child(scope)
        classification = {"group": "ILLNESS_DISABILITY", "subtype": "DISABLED", "since": YESTERDAY}
        variables = {
            "id": child["id"],
            "version": child["version"],
            "input": {"classifications": [classification]},
        }
        self.call(CLASSIFY_DISABLED, variables)
        department = self.token("education.district")
        placement = {"childId": child["id"], "input": placement_input(scope)}

        def placed() -> bool:
            body = graphql(self.url, DECIDE_PLACEMENT, department, placement)
            return not body.get("errors")

        eventually(placed)
        placed_id: str = child["id"]
        return placed_id

    def planned_child(self, scope: str) -> str:
        """A child placed at home teaching with its plan."""
        child = self.placed_child(scope)
        self.call(PLAN_HOME_TEACHING, {"childId": child}, user="education.district")
        return child

    def school(self) -> str:
        """A new school of the district, made by the education department."""
        code = f"21110980{next(_numbers) % 100:02d}"
        self.call(CREATE_SCHOOL, {"input": {**SCHOOL, "code": code}}, user="education.district")
        return code

    def notification(self) -> str:
        """A notification of the village supervisor of 110109001001 (a new child there)."""
        self.child("in")
        for _ in range(50):
            rows = self.call(NOTIFICATIONS, {}, user="supervisor.110109001001")
            edges = rows["notifications"]["edges"]
            if edges:
                notification: str = edges[0]["node"]["id"]
                return notification
        raise AssertionError("the supervisor was not notified")


EDUCATION_OF = "query($id: ID!) { child(id: $id) { education { enrolments { id } } } }"
RECORD_ENROLMENT = """mutation($childId: ID!, $input: EnrolmentInput!) {
  recordEnrolment(childId: $childId, input: $input) { id }
}"""
SUSPEND_ENROLMENT = "mutation($id: ID!) { suspendEnrolment(id: $id) { id } }"
DROPOUT_RISK_OF = "query($id: ID!) { child(id: $id) { education { dropoutRisk { id } } } }"
CREATE_SCHOOL = "mutation($input: SchoolInput!) { createSchool(input: $input) { code } }"
# The demo data's primary schools of the two towns; the teacher is tied to the first.
PRIMARY_SCHOOL = {"in": "2111090002", "out": "2111090010"}
SCHOOL = {"name": "矩阵学校", "stages": ["PRIMARY"], "townCode": "110109005", "kind": "PUBLIC"}


CLASSIFY_DISABLED = """mutation($id: ID!, $version: Int!, $input: ClassifyChildInput!) {
  classifyChild(id: $id, version: $version, input: $input) { id }
}"""
DECIDE_PLACEMENT = """mutation($childId: ID!, $input: PlacementInput!) {
  decidePlacement(childId: $childId, input: $input) { id }
}"""
PLAN_HOME_TEACHING = """mutation($childId: ID!) {
  planHomeTeaching(childId: $childId, input: {teacherName: "矩阵老师"}) { id }
}"""


def placement_input(scope: str) -> dict[str, Any]:
    since = (today() - timedelta(days=1)).isoformat()
    return {
        "kind": "HOME_TEACHING",
        "schoolCode": PRIMARY_SCHOOL[scope],
        "assessment": {"on": since, "by": "区残疾儿童入学评估委员会", "summary": "送教上门"},
        "since": since,
    }


def enrolment_input(scope: str, *, since: str = "2022-09-01") -> dict[str, Any]:
    return {"schoolCode": PRIMARY_SCHOOL[scope], "stage": "PRIMARY", "grade": 3, "since": since}


REGISTER = """mutation($input: RegisterChildInput!) {
  registerChild(input: $input) { id version idNumber }
}"""
ADD_MEASURE = """mutation($childId: ID!, $input: PlanMeasureInput!) {
  addPlanMeasure(childId: $childId, input: $input) { id version }
}"""
ASSIGN = """mutation($divisionCode: String!, $input: AssignWorkerInput!) {
  assignWorker(divisionCode: $divisionCode, input: $input) { id }
}"""
NOTIFICATIONS = "query { notifications(first: 1) { edges { node { id } } } }"
SUBMIT = """mutation($input: SubmitIntakeInput!) {
  submitIntake(input: $input) { id tasks { id } }
}"""
REQUEST_MATERIALS = """mutation($id: ID!) {
  requestMaterials(id: $id, note: "请补充出生医学证明") { id }
}"""


REPORTER = "reporter.school.110109001"
FILE_REPORT = """mutation($input: ReportInput!) { fileReport(input: $input) { id } }"""
ACCEPT_REPORT = "mutation($id: ID!) { acceptReport(id: $id) { id } }"
MISSING_SEARCH = """mutation($id: ID!) {
  recordResponse(reportId: $id, input: {measure: MISSING_SEARCH_OPENED}) { id }
}"""
NOTIFY_TOWN = "mutation($id: ID!) { notifyTown(id: $id) { id } }"
OPEN_INTERVENTION = """mutation($childId: ID!) {
  openIntervention(childId: $childId, reason: GUARDIAN_UNABLE) { id childId }
}"""
PETITION = """mutation($id: ID!, $on: Date!) {
  recordPetition(interventionId: $id, filedOn: $on, court: "门头沟区人民法院") { id }
}"""
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def report_input(scope: str) -> dict[str, Any]:
    """A report of a described child in the scope's village."""
    return {
        "childName": "矩阵儿童",
        "childAge": 8,
        "divisionCode": VILLAGE[scope],
        "kind": "NEGLECT",
        "description": "无人照料",
        "institution": "矩阵小学",
    }


def intake_input(scope: str) -> dict[str, Any]:
    """An application for a new child of the scope's village, for hukou registration (police)."""
    birth, number = new_identity()
    child = {
        "name": f"受理{number[-6:]}",
        "gender": "FEMALE",
        "birthDate": birth,
        "idNumber": number,
        "residenceDivisionCode": VILLAGE[scope],
    }
    return {
        "child": child,
        "applicantName": "矩阵家长",
        "applicantRelation": "PARENT",
        "applicantPhone": "13800000000",
        "needs": ["HUKOU_REGISTRATION"],
    }


MEASURE = {"department": "CIVIL_AFFAIRS", "kind": "生活保障", "description": "按月发放"}
WORKER = {
    "post": "SUPERVISOR",
    "name": "矩阵主任",
    "phone": "13800000000",
    "employment": "PART_TIME",
    "since": "2026-01-01",
}
LAST_MONTH = (today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
YESTERDAY = (today() - timedelta(days=1)).isoformat()


def on_today(
    variables: Callable[[Setup, str], dict[str, Any]],
) -> Callable[[Setup, str], dict[str, Any]]:
    """The arguments and `$on`, today when the cell is called: a date taken at import would lie
    before the records a run made after midnight (a visit before its pairing began)."""
    return lambda setup, scope: {**variables(setup, scope), "on": today().isoformat()}


@dataclass(frozen=True)
class Operation:
    """An operation of the schema, with the arguments a cell gives it."""

    name: str
    document: str
    variables: Callable[[Setup, str], dict[str, Any]]
    scoped: bool = True
    fresh: bool = False  # each cell on records of its own: the operation changes them


def _ledger(setup: Setup, scope: str) -> dict[str, Any]:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["姓名", "性别", "出生日期", "身份证号", "居住地区划代码"])
    birth, number = new_identity()
    writer.writerow([f"台账{number[-6:]}", "女", birth, number, VILLAGE[scope]])
    return {"file": out.getvalue().encode("utf-8-sig"), "mode": "VALID_ROWS"}


def _roster(setup: Setup, scope: str) -> dict[str, Any]:
    """A school's roster of one child of the scope's village, at the scope's primary school."""
    child = setup.numbered_for_education(scope)["input"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["身份证号", "姓名", "学段", "年级", "入学日期", "寄宿"])
    writer.writerow([child["idNumber"], child["name"], "小学", 3, "2022-09-01", "否"])
    return {
        "file": out.getvalue().encode("utf-8-sig"),
        "schoolCode": PRIMARY_SCHOOL[scope],
        "mode": "VALID_ROWS",
    }


def _child_id(setup: Setup, scope: str) -> dict[str, Any]:
    return {"id": setup.child(scope)["id"]}


def _fresh(setup: Setup, scope: str) -> dict[str, Any]:
    child = setup.child(scope)
    return {"id": child["id"], "childId": child["id"], "version": child["version"]}


OPERATIONS = [
    Operation("me", "query { me { username } }", lambda s, _: {}, scoped=False),
    Operation("divisions", "query { divisions { code } }", lambda s, _: {}, scoped=False),
    Operation(
        "division",
        "query($code: String!) { division(code: $code) { code } }",
        lambda s, scope: {"code": TOWN[scope]},
    ),
    Operation("child", "query($id: ID!) { child(id: $id) { id } }", _child_id),
    Operation(
        "children",
        "query($code: String!) { children(filter: {divisionCode: $code}) { edges { cursor } } }",
        lambda s, scope: {"code": TOWN[scope]},
    ),
    Operation(
        "childByIdNumber",
        "query($n: String!) { childByIdNumber(idNumber: $n) { id } }",
        lambda s, scope: {"n": s.child(scope)["input"]["idNumber"]},
    ),
    Operation("duplicateReviews", "query { duplicateReviews { id } }", lambda s, _: {}, False),
    Operation("transferRequests", "query { transferRequests { id } }", lambda s, _: {}, False),
    Operation(
        "childStatistics",
        "query($code: String!) { childStatistics(divisionCode: $code) { divisionCode } }",
        lambda s, scope: {"code": TOWN[scope]},
    ),
    Operation(
        "intakeStatistics",
        'query { intakeStatistics(from: "2026-01-01", to: "2026-12-31") { byTown { code } } }',
        lambda s, _: {},
        scoped=False,
    ),
    Operation("intakeGuide", "query { intakeGuide { today } }", lambda s, _: {}, scoped=False),
    Operation(
        "caseStatistics",
        'query { caseStatistics(from: "2026-01-01", to: "2026-12-31") { total { reports } } }',
        lambda s, _: {},
        scoped=False,
    ),
    Operation(
        "accessLog",
        "query($id: ID!) { accessLog(childId: $id) { edges { cursor } } }",
        lambda s, scope: {"id": s.child(scope)["id"]},
    ),
    Operation(
        "notifications",
        "query { notifications { edges { cursor } } }",
        lambda s, _: {},
        scoped=False,
    ),
    Operation("programmes", "query { programmes { code } }", lambda s, _: {}, scoped=False),
    Operation(
        "paymentBatch",
        "query($m: String!) { paymentBatch(month: $m) { month } }",
        lambda s, _: {"m": LAST_MONTH},
        scoped=False,
    ),
    Operation(
        "paymentBatches", "query { paymentBatches { month } }", lambda s, _: {}, scoped=False
    ),
    Operation(
        "overdueVisits",
        "query($code: String!) { overdueVisits(divisionCode: $code) { edges { cursor } } }",
        lambda s, scope: {"code": TOWN[scope]},
    ),
    Operation(
        "visitPolicy", "query { visitPolicy { intervalDays } }", lambda s, _: {}, scoped=False
    ),
    Operation(
        "workforceCoverage",
        "query($code: String!) { workforceCoverage(divisionCode: $code) { divisionCode } }",
        lambda s, scope: {"code": TOWN[scope]},
    ),
    Operation(
        "registerChild",
        "mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }",
        lambda s, scope: {
            "input": {
                "name": "新登记",
                "gender": "MALE",
                "birthDate": (identity := new_identity(male=True))[0],
                "idNumber": identity[1],
                "residenceDivisionCode": VILLAGE[scope],
            }
        },
        fresh=True,
    ),
    Operation(
        "updateChild",
        "mutation($id: ID!, $version: Int!) {"
        ' updateChild(id: $id, version: $version, input: {notes: "已核实"}) { id } }',
        _fresh,
        fresh=True,
    ),
    Operation(
        "classifyChild",
        "mutation($id: ID!, $version: Int!, $since: Date!) {"
        " classifyChild(id: $id, version: $version, input: {classifications: ["
        " {group: POVERTY, subtype: LOW_INCOME_FAMILY, since: $since}]}) { id } }",
        lambda s, scope: {**_fresh(s, scope), "since": YESTERDAY},
        fresh=True,
    ),
    Operation(
        "exitChild",
        "mutation($id: ID!, $version: Int!) {"
        " exitChild(id: $id, version: $version, reason: OTHER) { id } }",
        _fresh,
        fresh=True,
    ),
    Operation(
        "setGuardians",
        "mutation($childId: ID!, $version: Int!) {"
        " setGuardians(childId: $childId, version: $version, input: {guardians: ["
        ' {name: "母亲", relation: MOTHER, isGuardian: true}]}) { id } }',
        _fresh,
        fresh=True,
    ),
    Operation(
        "decideDuplicateReview",
        "mutation($id: ID!) { decideDuplicateReview(id: $id, decision: SAME_CHILD) { id } }",
        lambda s, scope: {"id": s.review(scope)},
        fresh=True,
    ),
    Operation(
        "decideTransfer",
        "mutation($id: ID!) {"
        ' decideTransfer(id: $id, decision: REFUSE, reason: "家庭未迁居") { id } }',
        lambda s, _: {"id": s.transfer()},
        scoped=False,
        fresh=True,
    ),
    Operation(
        "markNotificationRead",
        "mutation($id: ID!) { markNotificationRead(id: $id) { id } }",
        lambda s, _: {"id": s.notification()},
        scoped=False,
    ),
    Operation(
        "acknowledgeNotification",
        "mutation($id: ID!) { acknowledgeNotification(id: $id) { id } }",
        lambda s, _: {"id": s.notification()},
        scoped=False,
        fresh=True,
    ),
    Operation(
        "failedDeliveries", "query { failedDeliveries { id } }", lambda s, _: {}, scoped=False
    ),
    Operation("escalations", "query { escalations { ladder } }", lambda s, _: {}, scoped=False),
    Operation(
        "setBenefitStandard",
        "mutation($year: Int!) { setBenefitStandard(programme: HARDSHIP_LIVING_ALLOWANCE,"
        " year: $year, monthlyAmountFen: 200000) { code } }",
        lambda s, _: {"year": today().year},
        scoped=False,
    ),
    Operation(
        "setProgrammeEnabled",
        "mutation { setProgrammeEnabled(programme: GUARDIANSHIP_ALLOWANCE, enabled: false)"
        " { code } }",
        lambda s, _: {},
        scoped=False,
    ),
    Operation(
        "runPaymentBatch",
        "mutation($m: String!) { runPaymentBatch(month: $m) { month } }",
        lambda s, _: {"m": LAST_MONTH},
        scoped=False,
    ),
    Operation(
        "recordVisit",
        "mutation($childId: ID!, $on: Date!) { recordVisit(childId: $childId, input:"
        ' {visitedOn: $on, seen: "儿童本人", findings: "良好", riskLevel: LOW}) { id } }',
        lambda s, scope: {"childId": s.child(scope)["id"], "on": YESTERDAY},
    ),
    Operation(
        "setVisitInterval",
        "mutation { setVisitInterval(category: NONE, intervalDays: 365) { intervalDays } }",
        lambda s, _: {},
        scoped=False,
    ),
    Operation(
        "addPlanMeasure",
        "mutation($childId: ID!, $input: PlanMeasureInput!) {"
        " addPlanMeasure(childId: $childId, input: $input) { id } }",
        lambda s, scope: {"childId": s.child(scope)["id"], "input": MEASURE},
    ),
    Operation(
        "updatePlanMeasure",
        "mutation($id: ID!, $version: Int!) { updatePlanMeasure(id: $id, version: $version,"
        ' input: {description: "按月足额发放"}) { id } }',
        lambda s, scope: {k: v for k, v in s.measure(scope).items() if k in ("id", "version")},
        fresh=True,
    ),
    Operation(
        "assignWorker",
        "mutation($code: String!, $input: AssignWorkerInput!) {"
        " assignWorker(divisionCode: $code, input: $input) { id } }",
        lambda s, scope: {"code": VILLAGE[scope], "input": WORKER},
        fresh=True,
    ),
    Operation(
        "endWorkerAssignment",
        "mutation($id: ID!) { endWorkerAssignment(id: $id) { id } }",
        lambda s, scope: {"id": s.assignment(scope)},
        fresh=True,
    ),
    Operation(
        "importLedger",
        "mutation($file: Upload!, $mode: ImportMode!) {"
        " importLedger(file: $file, mode: $mode) { importedRows } }",
        _ledger,
        fresh=True,
    ),
    Operation(
        "intake",
        "query($id: ID!) { intake(id: $id) { id } }",
        lambda s, scope: {"id": s.intake(scope)["id"]},
    ),
    Operation(
        "intakes",
        "query($code: String!) { intakes(filter: {divisionCode: $code}) { edges { cursor } } }",
        lambda s, scope: (s.intake(scope), {"code": TOWN[scope]})[1],
    ),
    Operation(
        "departmentTasks",
        "query { departmentTasks { edges { cursor } } }",
        lambda s, _: (s.intake("in"), {})[1],
        scoped=False,
    ),
    Operation(
        "submitIntake",
        "mutation($input: SubmitIntakeInput!) { submitIntake(input: $input) { id } }",
        lambda s, scope: {"input": intake_input(scope)},
        fresh=True,
    ),
    Operation(
        "acceptTask",
        "mutation($id: ID!) { acceptTask(id: $id) { id } }",
        lambda s, scope: {"id": s.task(scope)},
        fresh=True,
    ),
    Operation(
        "requestMaterials",
        'mutation($id: ID!) { requestMaterials(id: $id, note: "请补充材料") { id } }',
        lambda s, scope: {"id": s.task(scope)},
        fresh=True,
    ),
    Operation(
        "recordMaterials",
        "mutation($taskId: ID!) {"
        ' recordMaterials(taskId: $taskId, materials: ["出生医学证明"]) { id } }',
        lambda s, scope: {"taskId": s.waiting_task(scope)},
        fresh=True,
    ),
    Operation(
        "completeTask",
        'mutation($id: ID!) { completeTask(id: $id, outcome: "已办理户口登记") { id } }',
        lambda s, scope: {"id": s.task(scope)},
        fresh=True,
    ),
    Operation(
        "declineTask",
        'mutation($id: ID!) { declineTask(id: $id, reason: "不符合条件") { id } }',
        lambda s, scope: {"id": s.task(scope)},
        fresh=True,
    ),
    Operation(
        "withdrawIntake",
        'mutation($id: ID!) { withdrawIntake(id: $id, reason: "家长撤回") { id } }',
        lambda s, scope: {"id": s.intake(scope)["id"]},
        fresh=True,
    ),
]


OPERATIONS += [
    Operation(
        "report",
        "query($id: ID!) { report(id: $id) { id } }",
        lambda s, scope: {"id": s.report(scope)},
    ),
    Operation(
        "reports",
        "query($code: String!) { reports(filter: {divisionCode: $code}) { edges { cursor } } }",
        lambda s, scope: (s.report(scope), {"code": TOWN[scope]})[1],
    ),
    Operation(
        "interventions",
        "query($id: ID!) { interventions(childId: $id) { id } }",
        lambda s, scope: {"id": s.intervention(scope)["childId"]},
    ),
    Operation(
        "fileReport",
        "mutation($input: ReportInput!) { fileReport(input: $input) { id } }",
        lambda s, scope: {"input": report_input(scope)},
        fresh=True,
    ),
    Operation(
        "addReportAttachment",
        "mutation($reportId: ID!, $file: Upload!) {"
        " addReportAttachment(reportId: $reportId, file: $file) { id } }",
        lambda s, scope: {"reportId": s.report(scope), "file": PNG},
        fresh=True,
    ),
    Operation(
        "acceptReport",
        ACCEPT_REPORT,
        lambda s, scope: {"id": s.report(scope)},
        fresh=True,
    ),
    Operation(
        "recordResponse",
        "mutation($id: ID!) {"
        " recordResponse(reportId: $id, input: {measure: PLACED_WITH_RELATIVES}) { id } }",
        lambda s, scope: {"id": s.accepted(scope)},
        fresh=True,
    ),
    Operation(
        "closeMissingAlert",
        'mutation($id: ID!) { closeMissingAlert(reportId: $id, note: "已找到") { id } }',
        lambda s, scope: {"id": s.searching(scope)},
        fresh=True,
    ),
    Operation(
        "notifyTown",
        NOTIFY_TOWN,
        lambda s, scope: {"id": s.accepted(scope)},
        fresh=True,
    ),
    Operation(
        "recordAssessment",
        "mutation($id: ID!) { recordAssessment(reportId: $id, input: {safety: LOW,"
        ' guardianship: MEDIUM, health: LOW, summary: "监护不足"}) { id } }',
        lambda s, scope: {"id": s.notified(scope)},
        fresh=True,
    ),
    Operation(
        "closeReport",
        'mutation($id: ID!) { closeReport(id: $id, outcome: "经核实无需处置") { id } }',
        lambda s, scope: {"id": s.report(scope)},
        fresh=True,
    ),
    Operation(
        "openIntervention",
        OPEN_INTERVENTION,
        lambda s, scope: {"childId": s.child(scope)["id"]},
        fresh=True,
    ),
    Operation(
        "closeIntervention",
        'mutation($id: ID!) { closeIntervention(id: $id, outcome: "监护恢复") { id } }',
        lambda s, scope: {"id": s.intervention(scope)["id"]},
        fresh=True,
    ),
    Operation(
        "recordPetition",
        PETITION,
        lambda s, scope: {"id": s.intervention(scope)["id"], "on": today().isoformat()},
        fresh=True,
    ),
    Operation(
        "recordCourtDecision",
        "mutation($id: ID!, $on: Date!) { recordCourtDecision(interventionId: $id,"
        " decidedOn: $on, outcome: REVOKED) { id } }",
        lambda s, scope: {"id": s.petitioned(scope), "on": today().isoformat()},
        fresh=True,
    ),
]

# Education: the scope is the child's village and its town's school.
AID_SEMESTER = f"{today().year - 1}-AUTUMN"  # begun whatever the day
OPERATIONS += [
    Operation("schools", "query { schools { code } }", lambda s, _: {}, scoped=False),
    Operation("mySchool", "query { mySchool { code } }", lambda s, _: {}, scoped=False),
    # A school's pupils: in scope the school of teacher.110109001, out of scope another town's.
    Operation(
        "schoolPupils",
        "query($code: String!) { schoolPupils(schoolCode: $code) { edges { node { childId } } } }",
        lambda s, scope: {"code": PRIMARY_SCHOOL[scope]},
    ),
    Operation(
        "createSchool",
        "mutation($input: SchoolInput!) { createSchool(input: $input) { code } }",
        lambda s, _: {"input": {**SCHOOL, "code": f"21110981{next(_numbers) % 100:02d}"}},
        scoped=False,
        fresh=True,
    ),
    Operation(
        "updateSchool",
        "mutation($code: String!, $input: SchoolFieldsInput!) {"
        " updateSchool(code: $code, version: 1, input: $input) { code } }",
        lambda s, _: {"code": s.school(), "input": SCHOOL},
        scoped=False,
        fresh=True,
    ),
    Operation(
        "recordEnrolment",
        RECORD_ENROLMENT,
        lambda s, scope: {"childId": s.known_to_education(scope), "input": enrolment_input(scope)},
        fresh=True,
    ),
    Operation(
        "importRoster",
        "mutation($schoolCode: String!, $file: Upload!, $mode: ImportMode) {"
        " importRoster(schoolCode: $schoolCode, file: $file, mode: $mode) { enrolledRows } }",
        _roster,
        fresh=True,
    ),
    Operation(
        "endEnrolment",
        "mutation($id: ID!) { endEnrolment(id: $id, reason: GRADUATED) { id } }",
        lambda s, scope: {"id": s.enrolment(scope)},
        fresh=True,
    ),
    Operation(
        "transferEnrolment",
        "mutation($id: ID!, $input: EnrolmentInput!) {"
        " transferEnrolment(id: $id, input: $input) { id } }",
        lambda s, scope: {
            "id": s.enrolment(scope),
            "input": {**enrolment_input(scope, since="2024-09-01"), "schoolCode": "2111090004"},
        },
        fresh=True,
    ),
    Operation(
        "suspendEnrolment",
        SUSPEND_ENROLMENT,
        lambda s, scope: {"id": s.enrolment(scope)},
        fresh=True,
    ),
    Operation(
        "resumeEnrolment",
        "mutation($id: ID!) { resumeEnrolment(id: $id) { id } }",
        lambda s, scope: {"id": s.enrolment(scope, suspended=True)},
        fresh=True,
    ),
    # The dropout watch (控辍保学): a risk opens for a child of 12 known to education, no school.
    Operation(
        "dropoutRisks",
        "query($d: String!) { dropoutRisks(divisionCode: $d) { edges { node { id } } } }",
        lambda s, scope: {"d": VILLAGE[scope]},
    ),
    Operation(
        "exemptDropoutRisk",
        "mutation($id: ID!, $input: ExemptionInput!) {"
        " exemptDropoutRisk(id: $id, input: $input) { id } }",
        lambda s, scope: {"id": s.dropout_risk(scope), "input": {"reason": "MEDICAL"}},
        fresh=True,
    ),
    Operation(
        "reportAbsence",
        "mutation($childId: ID!, $input: AbsenceInput!) {"
        " reportAbsence(childId: $childId, input: $input) { childId } }",
        lambda s, scope: {
            "childId": s.enrolled_child(scope),
            "input": {"from": (today() - timedelta(days=1)).isoformat(), "consecutiveDays": 1},
        },
        fresh=True,
    ),
    Operation(
        "reportReturn",
        "mutation($childId: ID!) { reportReturn(childId: $childId) { childId } }",
        lambda s, scope: {"childId": s.enrolled_child(scope)},
        fresh=True,
    ),
    # Inclusive schooling (融合教育): a disabled child placed at home teaching (送教上门).
    Operation(
        "decidePlacement",
        "mutation($childId: ID!, $input: PlacementInput!) {"
        " decidePlacement(childId: $childId, input: $input) { id } }",
        lambda s, scope: {"childId": s.placed_child(scope), "input": placement_input(scope)},
        fresh=True,
    ),
    Operation(
        "planHomeTeaching",
        "mutation($childId: ID!) {"
        ' planHomeTeaching(childId: $childId, input: {teacherName: "王老师"}) { id } }',
        lambda s, scope: {"childId": s.placed_child(scope)},
        fresh=True,
    ),
    Operation(
        "recordHomeTeachingSession",
        "mutation($childId: ID!, $input: HomeTeachingSessionInput!) {"
        " recordHomeTeachingSession(childId: $childId, input: $input) { id } }",
        lambda s, scope: {
            "childId": s.planned_child(scope),
            "input": {"on": today().isoformat(), "hours": 2, "content": "识字"},
        },
        fresh=True,
    ),
    Operation(
        "homeTeaching",
        "query($d: String!) { homeTeaching(divisionCode: $d) { id } }",
        lambda s, scope: {"d": TOWN[scope]},
    ),
    # Non-Beijing children (非京籍): documents recorded for an enrolled child; the statistics.
    Operation(
        "recordEnrolmentDocuments",
        "mutation($childId: ID!, $input: EnrolmentDocumentsInput!) {"
        " recordEnrolmentDocuments(childId: $childId, input: $input) { complete } }",
        lambda s, scope: {
            "childId": s.non_beijing_child(scope),
            "input": {"documents": ["RESIDENCE_PERMIT"]},
        },
    ),
    Operation(
        "educationStatistics",
        "query($d: String!) { educationStatistics(divisionCode: $d) { allChildren { children } } }",
        lambda s, scope: {"d": VILLAGE[scope]},
    ),
    Operation("aidStandards", "query { aidStandards { code } }", lambda s, _: {}, scoped=False),
    Operation(
        "setAidStandard",
        "mutation { setAidStandard(input: {programme: SENIOR_NATIONAL_GRANT,"
        " annualAmountFen: 200000}) { code } }",
        lambda s, _: {},
        scoped=False,
    ),
    Operation(
        "runAidSemester",
        "mutation($s: String!) { runAidSemester(semester: $s) { semester } }",
        lambda s, _: {"s": AID_SEMESTER},
        scoped=False,
    ),
    Operation(
        "aidSemester",
        "query($s: String!) { aidSemester(semester: $s) { semester } }",
        lambda s, _: {"s": AID_SEMESTER},
        scoped=False,
    ),
    Operation("aidSemesters", "query { aidSemesters { semester } }", lambda s, _: {}, scoped=False),
]

# Volunteers: the scope is the volunteer's village and town; the Youth League registers them.
REGISTER_VOLUNTEER = "mutation($input: VolunteerInput!) { registerVolunteer(input: $input) { id } }"


def volunteer_input(scope: str) -> dict[str, Any]:
    seq = next(_numbers)
    birth = date(1990, 1, 1) + timedelta(days=seq // 400)
    return {
        "name": f"矩阵志愿{seq}",
        "idNumber": fresh_identity_number(birth, male=True),
        "phone": "13800000000",
        "skills": ["TUTORING"],
        "divisionCode": VILLAGE[scope],
    }


def _volunteer(setup: Setup, scope: str) -> dict[str, Any]:
    made = setup.call(REGISTER_VOLUNTEER, {"input": volunteer_input(scope)}, "youthleague.district")
    return {"id": made["registerVolunteer"]["id"]}


def _disabled_volunteer(setup: Setup, scope: str) -> dict[str, Any]:
    """A volunteer the Youth League has disabled: enabling them again changes something."""
    made = _volunteer(setup, scope)
    disable = 'mutation($id: ID!) { disableVolunteer(id: $id, reason: "矩阵停用") { id } }'
    setup.call(disable, made, "youthleague.district")
    return made


def _organisation(setup: Setup, scope: str) -> dict[str, Any]:
    name = f"矩阵公益{next(_numbers)}"
    return {"input": {"kind": "CHARITY", "name": name, "divisionCode": "110109"}}


OPERATIONS += [
    Operation("organisations", "query { organisations { id } }", lambda s, _: {}, scoped=False),
    Operation(
        "createOrganisation",
        "mutation($input: OrganisationInput!) { createOrganisation(input: $input) { id } }",
        _organisation,
        scoped=False,
        fresh=True,
    ),
    Operation(
        "registerVolunteer",
        REGISTER_VOLUNTEER,
        lambda s, scope: {"input": volunteer_input(scope)},
        fresh=True,
    ),
    Operation("volunteer", "query($id: ID!) { volunteer(id: $id) { id } }", _volunteer),
    Operation(
        "volunteers",
        "query($d: String!) { volunteers(divisionCode: $d) { edges { node { id } } } }",
        lambda s, scope: {"d": TOWN[scope]},
    ),
    Operation(
        "recordVetting",
        "mutation($id: ID!) { recordVetting(volunteerId: $id, input: "
        f'{{kind: TRAINING, passed: true, checkedOn: "{YESTERDAY}"}}) {{ id }} }}',
        _volunteer,
        fresh=True,
    ),
]


# Caring families (scope: the family's village), donations (the Youth League's own organisation),
# needs (scope: the need's village) and offers (the district's).
REGISTER_FAMILY = (
    "mutation($input: CaringFamilyInput!) { registerCaringFamily(input: $input) { id version } }"
)
ASSESS_FAMILY = (
    "mutation($id: ID!, $version: Int!, $on: Date!) { assessCaringFamily(id: $id,"
    " version: $version, input: {assessedOn: $on, approved: true}) { id version } }"
)
LINK_FAMILY = (
    "mutation($familyId: ID!, $childId: ID!, $on: Date!) { linkCaringFamily(familyId: $familyId,"
    " input: {childId: $childId, startsOn: $on}) { id links { id } } }"
)
RECORD_DONATION = "mutation($input: DonationInput!) { recordDonation(input: $input) { id } }"
RAISE_NEED = "mutation($input: NeedInput!) { raiseNeed(input: $input) { id } }"
CREATE_OFFER = "mutation($input: OfferInput!) { createOffer(input: $input) { id } }"
LEAGUE_ORGANISATION = "query { organisations { id kind } }"


def family_input(scope: str) -> dict[str, Any]:
    seq = next(_numbers)
    birth = date(1975, 1, 1) + timedelta(days=seq // 400)
    return {
        "kind": "FOSTER",
        "headName": f"矩阵家庭{seq}",
        "idNumber": fresh_identity_number(birth, male=False),
        "mobile": "13800000001",
        "divisionCode": VILLAGE[scope],
        "address": "矩阵测试地址",
    }


def _family(setup: Setup, scope: str) -> dict[str, Any]:
    made = setup.call(REGISTER_FAMILY, {"input": family_input(scope)})["registerCaringFamily"]
    return {"id": made["id"], "version": made["version"], "on": today().isoformat()}


def _approved_family(setup: Setup, scope: str) -> dict[str, Any]:
    family = _family(setup, scope)
    setup.call(ASSESS_FAMILY, family)
    return {"familyId": family["id"], "childId": setup.child(scope)["id"], "on": family["on"]}


def _family_link(setup: Setup, scope: str) -> dict[str, Any]:
    linked = setup.call(LINK_FAMILY, _approved_family(setup, scope))["linkCaringFamily"]
    return {"id": linked["links"][0]["id"]}


def _league(setup: Setup) -> str:
    orgs = setup.call(LEAGUE_ORGANISATION, {}, "youthleague.district")["organisations"]
    return str(next(o["id"] for o in orgs if o["kind"] == "YOUTH_LEAGUE"))


def donation_input(setup: Setup) -> dict[str, Any]:
    return {
        "organisationId": _league(setup),
        "donorKind": "PERSON",
        "donorName": "矩阵捐赠人",
        "kind": "MONEY",
        "amountFen": 100000,
        "receivedOn": today().isoformat(),
    }


def _donation(setup: Setup, scope: str) -> dict[str, Any]:
    made = setup.call(RECORD_DONATION, {"input": donation_input(setup)}, "youthleague.district")
    return {"id": made["recordDonation"]["id"]}


def need_input(setup: Setup, scope: str) -> dict[str, Any]:
    return {
        "divisionCode": VILLAGE[scope],
        "childId": setup.child(scope)["id"],
        "kind": "TUTORING",
        "description": "矩阵辅导需求",
    }


def offer_input(setup: Setup) -> dict[str, Any]:
    return {
        "organisationId": _league(setup),
        "kind": "TUTORING",
        "description": "矩阵辅导资源",
        "divisionCode": "110109",
        "quantity": 100,
    }


def _need(setup: Setup, scope: str) -> dict[str, Any]:
    made = setup.call(RAISE_NEED, {"input": need_input(setup, scope)})
    return {"id": made["raiseNeed"]["id"]}


def _need_and_offer(setup: Setup, scope: str) -> dict[str, Any]:
    offer = setup.call(CREATE_OFFER, {"input": offer_input(setup)}, "youthleague.district")
    return {"need": _need(setup, scope)["id"], "offer": offer["createOffer"]["id"]}


# Activities and hours: the scope is the activity's town and the volunteer's village.
CREATE_ACTIVITY = "mutation($input: ActivityInput!) { createActivity(input: $input) { id } }"
RECORD_HOURS = (
    "mutation($id: ID!, $on: Date!) { recordServiceHours(volunteerId: $id, hours: 1, on: $on) "
    "{ id } }"
)


def activity_input(scope: str) -> dict[str, Any]:
    return {
        "kind": "STUDY_HELP",
        "title": f"矩阵活动{next(_numbers)}",
        "divisionCode": TOWN[scope],
        "on": YESTERDAY,
        "capacity": 10,
    }


def _activity(setup: Setup, scope: str) -> dict[str, Any]:
    made = setup.call(CREATE_ACTIVITY, {"input": activity_input(scope)}, "youthleague.district")
    return {"id": made["createActivity"]["id"]}


def _recorded_hours(setup: Setup, scope: str) -> dict[str, Any]:
    volunteer = _volunteer(setup, scope)["id"]
    setup.call(RECORD_HOURS, {"id": volunteer, "on": YESTERDAY}, "youthleague.district")
    read = setup.call(
        "query($id: ID!) { volunteer(id: $id) { serviceHours { id } } }",
        {"id": volunteer},
        "youthleague.district",
    )
    return {"id": read["volunteer"]["serviceHours"][0]["id"]}


def _volunteer_roster(setup: Setup, scope: str) -> dict[str, Any]:
    """A roster of one volunteer of the scope's village, into the caller's federation's own."""
    row = volunteer_input(scope)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["姓名", "身份证号", "手机号码", "技能", "居住地区划代码"])
    writer.writerow([row["name"], row["idNumber"], row["phone"], "学业辅导", row["divisionCode"]])
    return {"file": out.getvalue().encode("utf-8-sig"), "mode": "VALID_ROWS"}


OPERATIONS += [
    Operation(
        "registerCaringFamily",
        REGISTER_FAMILY,
        lambda s, scope: {"input": family_input(scope)},
        fresh=True,
    ),
    Operation("assessCaringFamily", ASSESS_FAMILY, _family, fresh=True),
    Operation("linkCaringFamily", LINK_FAMILY, _approved_family, fresh=True),
    Operation(
        "unlinkCaringFamily",
        "mutation($id: ID!, $on: Date!) { unlinkCaringFamily(linkId: $id, input: "
        '{endedOn: $on, reason: "矩阵"}) { id } }',
        on_today(_family_link),
        fresh=True,
    ),
    Operation(
        "caringFamilies",
        "query($d: String!) { caringFamilies(divisionCode: $d) { id } }",
        lambda s, scope: {"d": TOWN[scope]},
    ),
    Operation("caringFamily", "query($id: ID!) { caringFamily(id: $id) { id } }", _family),
    Operation(
        "recordDonation",
        RECORD_DONATION,
        lambda s, _: {"input": donation_input(s)},
        scoped=False,
        fresh=True,
    ),
    Operation(
        "recordDonationUse",
        "mutation($id: ID!, $on: Date!) { recordDonationUse(donationId: $id, input: "
        '{amountFen: 1, usedOn: $on, purpose: "矩阵"}) { id } }',
        on_today(_donation),
        scoped=False,
        fresh=True,
    ),
    Operation("donations", "query { donations { id } }", lambda s, _: {}, scoped=False),
    Operation("donation", "query($id: ID!) { donation(id: $id) { id } }", _donation, scoped=False),
    Operation(
        "donationSummary",
        "query($y: Int!) { donationSummary(year: $y) { year } }",
        lambda s, _: {"y": today().year},
        scoped=False,
    ),
    Operation(
        "donationsExport",
        "query($y: Int!) { donationsExport(year: $y, format: CSV) { filename } }",
        lambda s, _: {"y": today().year},
        scoped=False,
    ),
    Operation(
        "raiseNeed", RAISE_NEED, lambda s, scope: {"input": need_input(s, scope)}, fresh=True
    ),
    Operation(
        "needs",
        "query($d: String!) { needs(divisionCode: $d) { id } }",
        lambda s, scope: {"d": TOWN[scope]},
    ),
    Operation(
        "createOffer",
        CREATE_OFFER,
        lambda s, _: {"input": offer_input(s)},
        scoped=False,
        fresh=True,
    ),
    Operation("offers", "query { offers { id } }", lambda s, _: {}, scoped=False),
    Operation(
        "matchNeed",
        "mutation($need: ID!, $offer: ID!) { matchNeed(needId: $need, offerId: $offer) { id } }",
        _need_and_offer,
        fresh=True,
    ),
    Operation(
        "closeNeed",
        'mutation($id: ID!) { closeNeed(needId: $id, note: "矩阵") { id } }',
        _need,
        fresh=True,
    ),
    Operation(
        "activities",
        "query($d: String!) { activities(divisionCode: $d) { id } }",
        lambda s, scope: {"d": TOWN[scope]},
    ),
    Operation("activity", "query($id: ID!) { activity(id: $id) { id } }", _activity),
    Operation(
        "createActivity",
        CREATE_ACTIVITY,
        lambda s, scope: {"input": activity_input(scope)},
        fresh=True,
    ),
    Operation(
        "signUpForActivity",
        "mutation($id: ID!) { signUpForActivity(activityId: $id, input: {children: 1}) { id } }",
        _activity,
        fresh=True,
    ),
    Operation(
        "recordAttendance",
        "mutation($id: ID!) { recordAttendance(activityId: $id, input: {volunteerIds: []}) "
        "{ id } }",
        _activity,
        fresh=True,
    ),
    Operation(
        "recordServiceHours",
        RECORD_HOURS,
        lambda s, scope: {**_volunteer(s, scope), "on": YESTERDAY},
        fresh=True,
    ),
    Operation(
        "approveServiceHours",
        "mutation($id: ID!) { approveServiceHours(hoursId: $id) { id } }",
        _recorded_hours,
        fresh=True,
    ),
    Operation(
        "serviceHoursToApprove",
        "query { serviceHoursToApprove { id } }",
        lambda s, _: {},
        scoped=False,
    ),
    Operation("myVolunteer", "query { myVolunteer { id } }", lambda s, _: {}, scoped=False),
    Operation(
        "disableVolunteer",
        'mutation($id: ID!) { disableVolunteer(id: $id, reason: "矩阵停用") { id } }',
        _volunteer,
        fresh=True,
    ),
    Operation(
        "enableVolunteer",
        "mutation($id: ID!) { enableVolunteer(id: $id) { id } }",
        _disabled_volunteer,
        fresh=True,
    ),
    Operation(
        "importVolunteers",
        "mutation($file: Upload!, $mode: ImportMode) {"
        " importVolunteers(file: $file, mode: $mode) { registeredRows } }",
        _volunteer_roster,
        fresh=True,
    ),
]


# Pairing (一对一帮扶): the scope is the child's village; the volunteer lives there too.
SUGGEST_VOLUNTEERS = "query($c: ID!) { suggestVolunteers(childId: $c) { score } }"
PAIR_VOLUNTEER = "mutation($v: ID!, $c: ID!) { pairVolunteer(volunteerId: $v, childId: $c) { id } }"


def _known_child(setup: Setup, scope: str) -> dict[str, Any]:
    """A child the volunteers service has heard of from the registry."""
    child = setup.child(scope)
    league = setup.token("youthleague.district")
    eventually(
        lambda: not graphql(setup.url, SUGGEST_VOLUNTEERS, league, {"c": child["id"]}).get("errors")
    )
    return {"c": child["id"]}


def _vetted_volunteer(setup: Setup, scope: str) -> str:
    made = _volunteer(setup, scope)["id"]
    for kind in ("MINOR_PROTECTION_RECORD_CHECK", "TRAINING"):
        check = f'{{kind: {kind}, passed: true, checkedOn: "{YESTERDAY}"}}'
        setup.call(
            f"mutation($id: ID!) {{ recordVetting(volunteerId: $id, input: {check}) {{ id }} }}",
            {"id": made},
            "youthleague.district",
        )
    return str(made)


def _pair(setup: Setup, scope: str) -> dict[str, Any]:
    return {"v": _vetted_volunteer(setup, scope), **_known_child(setup, scope)}


def _pairing(setup: Setup, scope: str) -> dict[str, Any]:
    made = setup.call(PAIR_VOLUNTEER, _pair(setup, scope), "youthleague.district")
    return {"id": made["pairVolunteer"]["id"]}


OPERATIONS += [
    Operation("suggestVolunteers", SUGGEST_VOLUNTEERS, _known_child),
    Operation("pairings", "query($c: ID) { pairings(childId: $c) { id } }", _known_child),
    Operation("pairing", "query($id: ID!) { pairing(id: $id) { id } }", _pairing),
    Operation("pairVolunteer", PAIR_VOLUNTEER, _pair, fresh=True),
    Operation(
        "recordPairingVisit",
        "mutation($id: ID!, $on: Date!) { recordPairingVisit(pairingId: $id, input: "
        "{visitedOn: $on, minutes: 60}) { id } }",
        on_today(_pairing),
        fresh=True,
    ),
    Operation(
        "endPairing",
        'mutation($id: ID!) { endPairing(id: $id, reason: "矩阵结束") { id } }',
        _pairing,
        fresh=True,
    ),
    # Only the paired volunteer itself: the demo volunteer has no registration, so none may.
    Operation(
        "recordOwnPairingVisit",
        "mutation($id: ID!, $on: Date!) { recordOwnPairingVisit(pairingId: $id, input: "
        "{visitedOn: $on, minutes: 60}) { id } }",
        on_today(_pairing),
        fresh=True,
    ),
]


def outcome(body: dict[str, Any], field: str) -> str:
    """A cell: ok, empty, null, or the first error's code."""
    if body.get("errors"):
        return str(body["errors"][0].get("extensions", {}).get("code", "?"))
    value = (body.get("data") or {}).get(field)
    if value is None:
        return "null"
    if isinstance(value, dict) and "edges" in value:
        value = value["edges"]
    if value == [] or (field == "importLedger" and value.get("importedRows") == 0):
        return "empty"
    return "ok"


def run(url: str, token: str, operation: Operation, variables: dict[str, Any]) -> str:
    if "file" in variables:  # the GraphQL multipart request
        content = variables.pop("file")
        operations = {"query": operation.document, "variables": {**variables, "file": None}}
        response = http().post(
            url,
            data={
                "operations": json.dumps(operations),
                "map": json.dumps({"0": ["variables.file"]}),
            },
            files={"0": ("台账.csv", content, "text/csv")},
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        return outcome(response.json(), operation.name)
    return outcome(graphql(url, operation.document, token, variables), operation.name)


ANSWERED = {"ok", "empty", "null"}


def cells(
    url: str, token: Callable[[str], str], operations: list[Operation], users: list[str]
) -> dict[tuple[str, str], dict[str, str]]:
    """Every cell: (operation, scope) → user → answer."""
    tokens = Tokens(token)
    setup = Setup(url, tokens)
    found: dict[tuple[str, str], dict[str, str]] = {}
    for operation in operations:
        for scope in ("in", "out") if operation.scoped else ("—",):
            row = found.setdefault((operation.name, scope), {})
            shared = operation.variables(setup, scope)
            for user in users:
                row[user] = run(url, tokens(user), operation, dict(shared))
                # A refused call writes nothing (every write lands whole or not at all), so the
                # next user may act on the same records; one that acted needs fresh ones.
                if operation.fresh and row[user] in ANSWERED:
                    shared = operation.variables(setup, scope)
    return found


def render(found: dict[tuple[str, str], dict[str, str]]) -> str:
    lines = [
        "# Authorisation matrix",
        "",
        "Generated by `tests/test_authz_matrix.py` on the embedded platform (`make authz-matrix`",
        "rewrites it); CI fails when an answer differs, so a change of who may do what is a",
        "deliberate one. `in`: the record lies in 大峪街道 (110109001), `out`: in 潭柘寺镇",
        "(110109101); `—`: the operation has no record to be in or out of scope. A cell is `ok`,",
        "`empty` (an answer with nothing in it), `null` (none for this caller) or the error code.",
        "What each reader sees of a file is in docs/access-policy.md.",
        "",
        "| operation | scope | " + " | ".join(f"`{u}`" for u in USERS) + " |",
        "|---|---|" + "---|" * len(USERS),
    ]
    for (name, scope), row in found.items():
        lines.append(f"| `{name}` | {scope} | " + " | ".join(row[u] for u in USERS) + " |")
    return "\n".join(lines) + "\n"


def committed() -> dict[tuple[str, str], dict[str, str]]:
    """The committed table, read back."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for line in MATRIX.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `") and not line.startswith("| `operation"):
            name, scope, *answers = [c.strip().strip("`") for c in line.strip("|").split("|")]
            rows[(name, scope)] = dict(zip(USERS, answers, strict=True))
    return rows


def test_every_operation_is_in_the_matrix():
    from shouhu.gateway.schema import schema

    query = schema.get_type_by_name("Query")
    mutation = schema.get_type_by_name("Mutation")
    names = {f.graphql_name or f.name for t in (query, mutation) for f in t.fields}  # type: ignore[union-attr]
    from strawberry.utils.str_converters import to_camel_case

    names = {to_camel_case(n) for n in names}
    assert names == {o.name for o in OPERATIONS}


# Every operation for every demo user in and out of scope: thousands of calls, fresh records for
# each writing cell that acted: some two and a half minutes on a 2-core machine, more if loaded.
@pytest.mark.timeout(900)
def test_the_matrix_on_the_embedded_platform(own_embedded):
    found = cells(own_embedded.graphql_url, own_embedded.token, OPERATIONS, USERS)
    if os.environ.get("SHOUHU_UPDATE_MATRIX"):
        MATRIX.write_text(render(found), encoding="utf-8")
    assert render(found) == MATRIX.read_text(encoding="utf-8"), (
        "the authorisation matrix changed: run `make authz-matrix` if deliberate, and review"
        " the diff of docs/authz-matrix.md"
    )


# The part run on the real stack: reads of files, across Keycloak's tokens and real HTTP.
REAL_STACK_OPERATIONS = ("child", "children", "childByIdNumber", "childStatistics", "accessLog")
REAL_STACK_USERS = ["admin.district", "worker.110109001", "police.district", "auditor.district"]


def test_a_part_of_the_matrix_on_the_real_stack(real_stack):
    operations = [o for o in OPERATIONS if o.name in REAL_STACK_OPERATIONS]
    found = cells(real_stack.graphql_url, real_stack.token, operations, REAL_STACK_USERS)
    expected = committed()
    for key, row in found.items():
        assert row == {u: expected[key][u] for u in REAL_STACK_USERS}, key

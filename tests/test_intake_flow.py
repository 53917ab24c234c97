"""The single window end to end through the gateway, embedded and on the real stack.

A town clerk takes one application for a new child; every department it needs gets its task at
once; the judicial department asks for materials, the window records them, the task completes;
the others finish theirs; the timeline and the child's history show each step in order and the
application completes with its last task. Deadlines run on the platform's clock (moved, never
slept). Bad input is refused with its code and writes nothing.
"""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from datetime import date, timedelta
from typing import Any

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import error_codes, eventually, fresh_identity_number, graphql

TASK = """id intakeId receiptNumber department need status dueAt overdue outcome
missingMaterials receivedMaterials intakeStatus"""
INTAKE = f"""id receiptNumber status needs submittedAt
child {{ id name residenceDivision {{ code }} }}
tasks {{ {TASK} }}
timeline {{ at actor action note taskId department }}"""
SUBMIT = f"""mutation Submit($input: SubmitIntakeInput!) {{ submitIntake(input: $input) {{
  {INTAKE} }} }}"""
READ = f"query Read($id: ID!) {{ intake(id: $id) {{ {INTAKE} }} }}"
BOARD = f"""query Board($filter: TaskFilter, $first: Int) {{
  departmentTasks(filter: $filter, first: $first) {{
    edges {{ cursor node {{ {TASK} child {{ id name }} }} }} pageInfo {{ hasNextPage endCursor }}
  }}
}}"""
ACCEPT = f"mutation($id: ID!) {{ acceptTask(id: $id) {{ {TASK} }} }}"
REQUEST = f"""mutation($id: ID!, $note: String!) {{
  requestMaterials(id: $id, note: $note, materials: ["监护人身份证"]) {{ {TASK} }} }}"""
RECORD = f"""mutation($taskId: ID!) {{
  recordMaterials(taskId: $taskId, materials: ["监护人身份证"]) {{ {TASK} }} }}"""
COMPLETE = f"""mutation($id: ID!, $outcome: String!) {{
  completeTask(id: $id, outcome: $outcome) {{ {TASK} }} }}"""
DECLINE = f"""mutation($id: ID!, $reason: String!) {{
  declineTask(id: $id, reason: $reason) {{ {TASK} }} }}"""
RECEIPT = "query($id: ID!) { intake(id: $id) { receipt { filename mediaType contentBase64 } } }"
FIGURES = """query($from: Date!, $to: Date!) { intakeStatistics(from: $from, to: $to) {
  byTown { code applications openTasks overdueTasks medianDays p90Days }
  byDepartment { code name applications openTasks medianDays }
  export { filename mediaType contentBase64 } } }"""
WITHDRAW = 'mutation($id: ID!) { withdrawIntake(id: $id, reason: "家长撤回申请") { id status } }'
HISTORY = "query($id: ID!) { child(id: $id) { history { operation actor } } }"
CLERK = "clerk.110109001"
PHONE = "13911112222"
FINAL = {"DONE", "DECLINED"}


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    """Each test runs on both the embedded platform and the real stack."""
    return request.getfixturevalue(request.param)


def new_child(village: str = "110109001001", number: str | None = None) -> dict[str, Any]:
    birth = date(2015, 5, 20)
    return {
        "name": f"受理{uuid.uuid4().hex[:4]}",
        "gender": "FEMALE",
        "birthDate": birth.isoformat(),
        "idNumber": number or fresh_identity_number(birth, male=False),
        "residenceDivisionCode": village,
    }


def application(**overrides: Any) -> dict[str, Any]:
    return {
        "child": new_child(),
        "applicantName": "李大山",
        "applicantRelation": "PARENT",
        "applicantPhone": PHONE,
        "needs": ["LIVING_ALLOWANCE", "EDUCATION_AID", "LEGAL_AID"],
        "materials": ["户口簿", "身份证"],
        **overrides,
    }


def call(platform, username: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def task_of(intake: dict[str, Any], department: str) -> dict[str, Any]:
    return next(t for t in intake["tasks"] if t["department"] == department)


def test_one_application_every_department_followed_to_the_end(platform):
    # A mobile of its own: the embedded platform and the real stack number their applications
    # alike (MTG-2026-000001 on both) and text through the one fake provider, so only the number
    # tells one platform's texts from the other's.
    phone = f"139{secrets.randbelow(10**8):08d}"
    data = application(applicantPhone=phone)
    intake = call(platform, CLERK, SUBMIT, {"input": data})["submitIntake"]
    assert intake["receiptNumber"].startswith("MTG-") and intake["status"] == "OPEN"
    assert intake["child"]["residenceDivision"]["code"] == "110109001001"
    assert [(t["need"], t["department"], t["status"]) for t in intake["tasks"]] == [
        ("LIVING_ALLOWANCE", "CIVIL_AFFAIRS", "PENDING"),
        ("EDUCATION_AID", "EDUCATION", "PENDING"),
        ("LEGAL_AID", "JUDICIAL", "PENDING"),
    ]
    assert task_of(intake, "CIVIL_AFFAIRS")["missingMaterials"] == ["低保证"]
    judicial = task_of(intake, "JUDICIAL")

    # Each department finds its task on its board at once, with the child as it may see it.
    for username, department in (
        ("judicial.district", "JUDICIAL"),
        ("education.district", "EDUCATION"),
        ("admin.district", "CIVIL_AFFAIRS"),
    ):
        edges = call(platform, username, BOARD, {"first": 50})["departmentTasks"]["edges"]
        mine = [e["node"] for e in edges if e["node"]["intakeId"] == intake["id"]]
        assert [t["department"] for t in mine] == [department], username
        assert mine[0]["child"]["id"] == intake["child"]["id"]

    # The judicial department asks for materials: its clock stops until the window has them.
    call(platform, "judicial.district", ACCEPT, {"id": judicial["id"]})
    asked = call(platform, "judicial.district", REQUEST, {"id": judicial["id"], "note": "缺证明"})
    task = asked["requestMaterials"]
    assert (task["status"], task["dueAt"], task["missingMaterials"]) == (
        "NEEDS_MATERIALS",
        None,
        ["监护人身份证"],
    )
    recorded = call(platform, CLERK, RECORD, {"taskId": judicial["id"]})["recordMaterials"]
    assert recorded["status"] == "ACCEPTED" and recorded["dueAt"] >= judicial["dueAt"]
    call(platform, "judicial.district", COMPLETE, {"id": judicial["id"], "outcome": "已指派律师"})

    # The education department's aid task: education decides the child and answers by itself.
    # A new child has no enrolment: nothing is granted, so it is declined with the reason.
    def education_answered() -> dict[str, Any] | None:
        found = call(platform, CLERK, READ, {"id": intake["id"]})["intake"]
        education = task_of(found, "EDUCATION")
        return education if education["status"] in FINAL else None

    education = eventually(education_answered, timeout=60)
    assert education["status"] == "DECLINED" and "没有在读学籍" in education["outcome"]

    # Civil affairs' task: benefits decides the child and finishes it by itself. A new child
    # has no classification yet: nothing is granted, so the task is declined with the reasons.
    def answered() -> dict[str, Any] | None:
        found = call(platform, CLERK, READ, {"id": intake["id"]})["intake"]
        civil = task_of(found, "CIVIL_AFFAIRS")
        return civil if civil["status"] in FINAL else None

    civil = eventually(answered, timeout=60)
    assert civil["status"] == "DECLINED" and "不予核准" in civil["outcome"]

    def completed() -> dict[str, Any] | None:
        found: dict[str, Any] = call(platform, CLERK, READ, {"id": intake["id"]})["intake"]
        return found if found["status"] == "COMPLETED" else None

    done = eventually(completed, timeout=60)
    assert {t["status"] for t in done["tasks"]} <= FINAL
    actions = [(s["action"], s["department"]) for s in done["timeline"]]
    assert actions[:4] == [
        ("SUBMITTED", None),
        ("ROUTED", "CIVIL_AFFAIRS"),
        ("ROUTED", "EDUCATION"),
        ("ROUTED", "JUDICIAL"),
    ]
    assert [a for a in actions if a[1] == "JUDICIAL"] == [
        ("ROUTED", "JUDICIAL"),
        ("ACCEPTED", "JUDICIAL"),
        ("MATERIALS_REQUESTED", "JUDICIAL"),
        ("MATERIALS_RECEIVED", "JUDICIAL"),
        ("COMPLETED", "JUDICIAL"),
    ]
    assert ("DECLINED", "EDUCATION") in actions
    assert ("DECLINED", "CIVIL_AFFAIRS") in actions
    assert actions[-1] == ("INTAKE_COMPLETED", None)
    benefits = next(
        s
        for s in done["timeline"]
        if s["department"] == "CIVIL_AFFAIRS" and s["action"] == "DECLINED"
    )
    assert benefits["actor"] == "benefits"
    moments = [s["at"] for s in done["timeline"]]
    assert moments == sorted(moments)

    # The same steps on the child's file.
    history = call(platform, CLERK, HISTORY, {"id": intake["child"]["id"]})["child"]["history"]
    operations = [h["operation"] for h in history]
    assert operations[0] == "REGISTERED"
    assert operations[1:3] == ["INTAKE_SUBMITTED", "INTAKE_ROUTED"]
    assert operations[-1] == "INTAKE_COMPLETED"
    assert "INTAKE_MATERIALS_RECEIVED" in operations

    # The applicant had SMS at submission (the receipt number), when the judicial department
    # asked for materials, and at the end; never the child's name.
    def texts() -> list[dict[str, str]] | None:
        sent = [
            json.loads(r["TemplateParam"])
            for r in platform.sms.fake.received
            if r.get("PhoneNumbers") == phone and intake["receiptNumber"] in r["TemplateParam"]
        ]
        return sent if len(sent) == 3 else None

    # The receipt to print, through the gateway.
    printed = call(platform, CLERK, RECEIPT, {"id": intake["id"]})["intake"]["receipt"]
    assert printed["mediaType"] == "application/pdf"
    assert base64.b64decode(printed["contentBase64"]).startswith(b"%PDF")

    received, materials, finished = eventually(texts, timeout=60)
    assert received == {"receiptNumber": intake["receiptNumber"], "needCount": "3"}
    assert materials["departmentName"] == "区司法局"
    assert finished == {"receiptNumber": intake["receiptNumber"]}


def test_a_task_past_its_deadline_is_overdue(platform):
    intake = call(platform, CLERK, SUBMIT, {"input": application(needs=["HUKOU_REGISTRATION"])})[
        "submitIntake"
    ]
    (task,) = intake["tasks"]
    assert task["overdue"] is False
    overdue = {"filter": {"overdue": True}, "first": 100}

    def board_ids(username: str) -> list[str]:
        edges = call(platform, username, BOARD, overdue)["departmentTasks"]["edges"]
        return [e["node"]["id"] for e in edges]

    assert task["id"] not in board_ids("police.district")
    platform.move_clock(timedelta(days=60).total_seconds())
    try:
        assert task["id"] in board_ids("police.district")
        assert task["id"] in board_ids("police.110109001")  # the town's police station
        found = call(platform, CLERK, READ, {"id": intake["id"]})["intake"]
        assert task_of(found, "POLICE")["overdue"] is True

        # The station is reminded at the deadline; a day unacknowledged, it goes up the ladder,
        # and the step is on the application's timeline.
        def reached() -> list[str] | None:
            kinds = [n["kind"] for n in reminders(platform, "police.110109001", task["id"]) or []]
            return kinds if "DEADLINE_REACHED" in kinds else None

        assert eventually(reached, timeout=60)[0] == "DEADLINE_REACHED"  # newest first
        platform.move_clock(timedelta(days=61, minutes=5).total_seconds())

        def escalated() -> list[dict[str, Any]] | None:
            found = call(platform, CLERK, READ, {"id": intake["id"]})["intake"]
            steps = [s for s in found["timeline"] if s["action"] == "ESCALATED"]
            return steps or None

        (step,) = eventually(escalated, timeout=60)
        assert step["department"] == "POLICE" and step["actor"] == "notifications"
        up = eventually(lambda: reminders(platform, "police.district", task["id"]), timeout=60)
        assert [n["kind"] for n in up] == ["ESCALATED"]
    finally:
        platform.move_clock(0)


NOTICES = """query { notifications(first: 100) { edges { node { kind subjectRef } } } }"""


def reminders(platform, username: str, task_id: str) -> list[dict[str, Any]] | None:
    """The notifications about a task in a person's inbox, if any yet."""
    edges = call(platform, username, NOTICES, {})["notifications"]["edges"]
    found = [e["node"] for e in edges if e["node"]["subjectRef"] == f"intake-task:{task_id}"]
    return found or None


def _refused(platform, username: str, document: str, variables: dict[str, Any]) -> dict[str, Any]:
    body = graphql(platform.graphql_url, document, platform.token(username), variables)
    assert body.get("errors"), body
    error: dict[str, Any] = body["errors"][0]
    return error


def _intakes_of(platform, child_name: str) -> list[Any]:
    query = "query { intakes(first: 100) { edges { node { child { name } } } } }"
    edges = call(platform, "clerk.district", query, {})["intakes"]["edges"]
    return [e for e in edges if (e["node"]["child"] or {}).get("name") == child_name]


@pytest.mark.parametrize(
    ("overrides", "code", "field"),
    [
        ({"needs": []}, "VALIDATION_FAILED", "needs"),
        ({"needs": ["LEGAL_AID", "LEGAL_AID"]}, "VALIDATION_FAILED", "needs"),
        ({"needs": ["FLYING_LESSONS"]}, "VALIDATION_FAILED", None),
        ({"applicantPhone": "010-12345678"}, "VALIDATION_FAILED", "applicantPhone"),
        ({"child": new_child(village="110109101001")}, "FORBIDDEN", None),
    ],
)
def test_bad_applications_are_refused_and_write_nothing(platform, overrides, code, field):
    data = application(**overrides)
    error = _refused(platform, CLERK, SUBMIT, {"input": data})
    assert error["extensions"]["code"] == code, error
    if field:
        message = error["extensions"]["fields"][field]
        assert message and not message.isascii()  # said in Chinese
    assert _intakes_of(platform, data["child"]["name"]) == []


def test_a_file_outside_the_clerks_town_is_not_found(platform):
    other = call(
        platform,
        "clerk.district",
        SUBMIT,
        {"input": application(child=new_child(village="110109101001"), needs=["HOUSING"])},
    )["submitIntake"]
    data = {**application(), "childId": other["child"]["id"]}
    del data["child"]
    error = _refused(platform, CLERK, SUBMIT, {"input": data})
    assert error["extensions"]["code"] == "NOT_FOUND"


def test_a_duplicate_identity_number_is_refused_and_writes_nothing(platform):
    first = application(needs=["HOUSING"])
    call(platform, CLERK, SUBMIT, {"input": first})
    again = application(child={**new_child(number=first["child"]["idNumber"]), "name": "重复"})
    error = _refused(platform, CLERK, SUBMIT, {"input": again})
    assert error["extensions"]["code"] == "DUPLICATE"
    assert _intakes_of(platform, "重复") == []


def test_refused_actions_on_tasks(platform):
    intake = call(platform, CLERK, SUBMIT, {"input": application(needs=["LEGAL_AID", "HOUSING"])})[
        "submitIntake"
    ]
    judicial, housing = task_of(intake, "JUDICIAL"), task_of(intake, "HOUSING")
    # Another department's task.
    error = _refused(platform, "education.district", ACCEPT, {"id": judicial["id"]})
    assert error["extensions"]["code"] == "FORBIDDEN"
    # An empty outcome, then completing twice.
    error = _refused(
        platform, "judicial.district", COMPLETE, {"id": judicial["id"], "outcome": " "}
    )
    assert error["extensions"]["fields"] == {"outcome": "办理结果不能为空"}
    call(platform, "judicial.district", COMPLETE, {"id": judicial["id"], "outcome": "已援助"})
    error = _refused(
        platform, "judicial.district", COMPLETE, {"id": judicial["id"], "outcome": "再次"}
    )
    assert error["extensions"]["code"] == "VALIDATION_FAILED"
    # A withdrawn application: nothing more is done on it.
    call(platform, CLERK, WITHDRAW, {"id": intake["id"]})
    error = _refused(platform, "housing.district", ACCEPT, {"id": housing["id"]})
    assert error["extensions"]["fields"] == {"status": "该申请已撤回，不能再办理"}
    found = call(platform, CLERK, READ, {"id": intake["id"]})["intake"]
    assert found["status"] == "WITHDRAWN"
    assert task_of(found, "HOUSING")["status"] == "PENDING"
    assert [s["action"] for s in found["timeline"]][-1] == "WITHDRAWN"
    # A department reads the application it has a task on, and no other.
    read = call(platform, "housing.district", READ, {"id": intake["id"]})["intake"]
    assert read["status"] == "WITHDRAWN"
    assert call(platform, "education.district", READ, {"id": intake["id"]})["intake"] is None
    assert error_codes(
        graphql(
            platform.graphql_url, READ, platform.token("auditor.district"), {"id": intake["id"]}
        )
    ) == ["FORBIDDEN"]


def test_the_district_sees_the_figures_and_takes_them_as_a_workbook(platform):
    call(platform, CLERK, SUBMIT, {"input": application(needs=["PARENT_EMPLOYMENT"])})
    year = today().year
    period = {"from": f"{year}-01-01", "to": f"{year}-12-31"}
    figures = call(platform, "auditor.district", FIGURES, period)["intakeStatistics"]
    dayu = next(t for t in figures["byTown"] if t["code"] == "110109001")
    assert dayu["applications"] >= 1 and dayu["openTasks"] >= 1
    hr = next(d for d in figures["byDepartment"] if d["code"] == "HUMAN_RESOURCES")
    assert hr["name"] == "区人力社保局" and hr["openTasks"] >= 1
    workbook = base64.b64decode(figures["export"]["contentBase64"])
    assert workbook.startswith(b"PK")  # a zip: the xlsx
    assert figures["export"]["filename"] == f"intake-statistics-{year}-01-01-{year}-12-31.xlsx"
    town = call(platform, CLERK, FIGURES, period)["intakeStatistics"]
    assert [t["code"] for t in town["byTown"]] == ["110109001"]

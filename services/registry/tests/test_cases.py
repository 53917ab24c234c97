"""Protection cases in the registry: a report, the police's steps, the town's assessment, the
interventions, who sees what, and the events of each step."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlmodel import Session, col, select

from shouhu.platform.clock import today
from shouhu.platform.events import Envelope, OutboxRow
from shouhu.registry.cases import petitions
from shouhu.registry.models import (
    CaseAttachment,
    CaseResponse,
    CaseStep,
    Child,
    ChildHistory,
    GuardianshipIntervention,
    PlanMeasure,
    ProtectionCase,
)
from shouhu.registry.models.access_log import AccessLogQueued

REPORTER = "reporter.school.110109001"
POLICE = "police.110109001"
WORKER = "worker.110109001"
VILLAGE = "110109001001"  # 大峪街道
OTHER_VILLAGE = "110109101001"  # 潭柘寺镇
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\n" + b"0" * 64


def report(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "childName": "张小明",
        "childAge": 9,
        "divisionCode": VILLAGE,
        "kind": "NEGLECT",
        "occurredOn": (today() - timedelta(days=1)).isoformat(),
        "urgent": False,
        "description": "学生连续多日无人接送，衣着单薄，自述家中无人做饭",
        "institution": "大峪第一小学",
    }
    body.update(overrides)
    return body


@pytest.fixture
def file(registry, as_user) -> Callable[..., Any]:
    """File a report as `by` (the school's mandated reporter by default)."""

    def run(by: str = REPORTER, **overrides: Any) -> Any:
        return registry.post("/reports", json=report(**overrides), headers=as_user(by))

    return run


def rows(registry, model: Any) -> list[Any]:
    with Session(registry.app.state.engine) as session:
        return list(session.exec(select(model)).all())


def events(registry) -> list[tuple[str, str, dict[str, Any]]]:
    """(type, key, data) of every outbox row, in order."""
    with Session(registry.app.state.engine) as session:
        found = session.exec(select(OutboxRow).order_by(col(OutboxRow.seq))).all()
    return [(r.event_type, r.key, json.loads(r.payload)["data"]) for r in found]


def counts(registry) -> dict[str, int]:
    """How many rows each table a case writes holds: 'nothing written' compares them."""
    tables = (
        ProtectionCase,
        CaseStep,
        CaseResponse,
        CaseAttachment,
        GuardianshipIntervention,
        Child,
        ChildHistory,
        PlanMeasure,
        OutboxRow,
    )
    return {model.__name__: len(rows(registry, model)) for model in tables}


def act(registry, as_user, by: str, case_id: str, action: str, body: Any = None) -> Any:
    return registry.post(f"/reports/{case_id}/{action}", json=body or {}, headers=as_user(by))


def read(registry, as_user, by: str, case_id: str) -> Any:
    return registry.get(f"/reports/{case_id}", headers=as_user(by))


ASSESSMENT: dict[str, Any] = {
    "safety": "MEDIUM",
    "safetyNote": "独自在家",
    "guardianship": "HIGH",
    "guardianshipNote": "父母外出务工，祖母卧病",
    "health": "LOW",
    "summary": "监护缺失，需临时照料并落实生活保障",
    "supervisorRequest": "每周走访一次，留意上学情况",
}


def new_child(seq: int = 301, **overrides: Any) -> dict[str, Any]:
    from shouhu.platform.testing import identity_number

    birth = date(2016, 3, 1)
    return {
        "name": "张小明",
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": identity_number(birth, male=True, seq=seq),
        "residenceDivisionCode": VILLAGE,
        **overrides,
    }


def to_town(registry, as_user, file) -> dict[str, Any]:
    """A report accepted by the town's station and notified to the town."""
    case = file().json()
    assert act(registry, as_user, POLICE, case["id"], "accept").status_code == 200
    notified = act(registry, as_user, POLICE, case["id"], "notify-town", {"note": "请评估"})
    assert notified.status_code == 200, notified.text
    body: dict[str, Any] = notified.json()
    return body


def test_a_school_files_a_report_and_gets_a_receipt_with_its_status_only(registry, file):
    response = file()
    assert response.status_code == 201, response.text
    receipt = response.json()
    assert receipt["caseNumber"] == f"MTG-BG-{today().year}-000001"
    assert (receipt["status"], receipt["view"]) == ("REPORTED", "RECEIPT")
    assert receipt["reportedAt"] and receipt["acceptedAt"] is None
    for withheld in ("kind", "description", "childName", "childId", "timeline", "assessment"):
        assert receipt[withheld] is None and withheld in receipt["withheld"], withheld
    (case,) = rows(registry, ProtectionCase)
    assert (case.institution, case.reporter_role, case.town_code) == (
        "大峪第一小学",
        "mandated_reporter",
        "110109001",
    )
    ((kind, key, data),) = events(registry)
    assert (kind, key) == ("registry.case.reported", case.id)  # no child yet: the case's key
    assert data["caseNumber"] == receipt["caseNumber"]
    assert (data["kind"], data["townDivisionCode"], data["childId"]) == (
        "NEGLECT",
        "110109001",
        None,
    )
    assert (data["reporterRole"], data["institution"]) == ("mandated_reporter", "大峪第一小学")
    assert "description" not in data
    assert file().json()["caseNumber"] == f"MTG-BG-{today().year}-000002"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"divisionCode": None}, "divisionCode", "请填写事发地点（镇街或社区（村）区划代码）"),
        (
            {"divisionCode": "110108001001"},
            "divisionCode",
            "事发地点应为本区的镇街或社区（村）区划代码",
        ),
        ({"divisionCode": "110109"}, "divisionCode", "事发地点应为本区的镇街或社区（村）区划代码"),
        ({"description": "   "}, "description", "请描述发现的情况"),
        ({"kind": "BULLYING"}, "kind", "取值不在允许范围内"),
        ({"occurredOn": "2999-01-01"}, "occurredOn", "发生日期不能晚于今天"),
        ({"foundAt": "2999-01-01T00:00:00+08:00"}, "foundAt", "发现时间不能晚于现在"),
        ({"institution": " "}, "institution", "请填写报告机构名称"),
        ({"childAge": None}, "childAge", "请填写儿童年龄（可估计）"),
        ({"childAge": 18}, "childAge", "年龄应在0到17岁之间"),
    ],
)
def test_bad_reports_are_refused_in_chinese_and_write_nothing(
    registry, file, overrides, field, message
):
    before = counts(registry)
    response = file(**overrides)
    assert (response.status_code, response.json()["code"]) == (422, "VALIDATION_FAILED")
    assert response.json()["fields"][field] == message, response.json()
    assert counts(registry) == before


def test_a_mandated_reporter_may_not_name_a_file(registry, file, register):
    child = register()
    before = counts(registry)
    response = file(childId=child["id"])
    assert (response.status_code, response.json()["code"]) == (403, "FORBIDDEN")
    unknown = file(childId="no-such-child")
    assert unknown.status_code == 403  # the same answer: nothing told of what exists
    assert counts(registry) == before


def test_staff_name_a_child_they_see_and_the_case_is_keyed_by_it(
    registry, file, register, logged_reads
):
    child = register()
    response = file(by=WORKER, childId=child["id"], childName=None, childAge=None)
    assert response.status_code == 201, response.text
    assert response.json()["view"] == "DETAIL"  # the town's worker sees case detail anyway
    reads = [(e.child_id, e.actor) for e in logged_reads()]
    assert (child["id"], WORKER) in reads  # and the read of it is logged
    assert response.json()["childName"] == child["name"]
    kind, key, _ = events(registry)[-1]
    assert (kind, key) == ("registry.case.reported", child["id"])
    far = register(village=OTHER_VILLAGE, seq=8)
    assert file(by=WORKER, childId=far["id"]).status_code == 404


def test_the_hotline_files_for_a_caller_with_a_mobile_or_a_landline(registry, file):
    for phone in ("13800138000", "010-69841234", "01069841234"):
        caller = {"name": "王女士", "phone": phone}
        response = file(by="clerk.110109001", institution=None, onBehalfOf=caller)
        assert response.status_code == 201, response.text
    bad = file(by="clerk.110109001", onBehalfOf={"name": "王女士", "phone": "69841234"})
    assert bad.json()["fields"] == {
        "onBehalfOf.phone": "电话应为11位手机号，或带区号的固定电话（如010-69841234）"
    }
    others = file(by=WORKER, onBehalfOf={"name": "王女士", "phone": "13800138000"})
    assert (others.status_code, others.json()["code"]) == (403, "FORBIDDEN")
    assert file(by="auditor.district").status_code == 403


def test_each_step_is_kept_with_its_event(registry, as_user, file):
    case = file(urgent=True).json()
    before = counts(registry)
    early = act(registry, as_user, POLICE, case["id"], "notify-town")
    assert early.json()["fields"] == {"status": "报告尚未受理，请先受理"}
    other_town = act(registry, as_user, "worker.110109101", case["id"], "accept")
    assert other_town.status_code == 403  # the role first
    assert counts(registry) == before

    accepted = act(registry, as_user, POLICE, case["id"], "accept")
    assert accepted.status_code == 200, accepted.text
    assert (accepted.json()["status"], accepted.json()["acceptedBy"]) == ("ACCEPTED", POLICE)
    before = counts(registry)
    again = act(registry, as_user, "police.district", case["id"], "accept")
    assert (again.status_code, again.json()["fields"]) == (
        422,
        {"status": "该报告已受理，不能重复受理"},
    )
    assert counts(registry) == before

    responded = act(
        registry,
        as_user,
        POLICE,
        case["id"],
        "responses",
        {"measure": "MISSING_SEARCH_OPENED", "note": "孩子放学未归"},
    )
    assert responded.status_code == 200, responded.text
    assert responded.json()["missingAlertOpen"] is True
    twice = act(
        registry, as_user, POLICE, case["id"], "responses", {"measure": "MISSING_SEARCH_OPENED"}
    )
    assert twice.json()["fields"] == {"measure": "失踪儿童查找已在进行中"}
    found = act(registry, as_user, POLICE, case["id"], "missing-alert/close", {"note": "已找到"})
    assert found.json()["missingAlertOpen"] is False
    placed = act(
        registry, as_user, POLICE, case["id"], "responses", {"measure": "PLACED_WITH_RELATIVES"}
    )
    assert [r["measure"] for r in placed.json()["responses"]] == [
        "MISSING_SEARCH_OPENED",
        "PLACED_WITH_RELATIVES",
    ]

    notified = act(registry, as_user, POLICE, case["id"], "notify-town", {"note": "请尽快评估"})
    body = notified.json()
    assert body["status"] == "REFERRED_TO_TOWN"
    due = body["assessmentDueAt"]
    assert due and body["assessmentOverdue"] is False
    town = next(d for k, _, d in events(registry) if k == "registry.case.town_notified")
    assert datetime.fromisoformat(town["assessmentDueAt"]) == datetime.fromisoformat(due)
    assert [s["action"] for s in body["timeline"]] == [
        "REPORTED",
        "ACCEPTED",
        "RESPONDED",
        "MISSING_ALERT_OPENED",
        "MISSING_ALERT_CLOSED",
        "RESPONDED",
        "TOWN_NOTIFIED",
    ]
    assert [k for k, _, _ in events(registry)] == [
        "registry.case.reported",
        "registry.case.accepted",
        "registry.case.responded",
        "registry.case.missing_alert_opened",
        "registry.case.missing_alert_closed",
        "registry.case.responded",
        "registry.case.town_notified",
    ]


def test_the_assessment_is_due_in_72_hours_or_24_when_urgent(registry, as_user, file):
    for urgent, hours in ((False, 72), (True, 24)):
        case = file(urgent=urgent).json()
        act(registry, as_user, POLICE, case["id"], "accept")
        body = act(registry, as_user, POLICE, case["id"], "notify-town").json()
        notified = datetime.fromisoformat(body["timeline"][-1]["at"])
        due = datetime.fromisoformat(body["assessmentDueAt"])
        assert due - notified == timedelta(hours=hours)


def test_an_assessment_late_is_overdue(registry, as_user, file, move_clock):
    case = to_town(registry, as_user, file)
    move_clock(timedelta(hours=73))
    body = read(registry, as_user, WORKER, case["id"]).json()
    assert body["assessmentOverdue"] is True


def test_the_assessment_opens_the_file_and_puts_the_needs_on_the_plan(registry, as_user, file):
    case = to_town(registry, as_user, file)
    body = {
        **ASSESSMENT,
        "child": new_child(),
        "needs": [
            {"department": "CIVIL_AFFAIRS", "kind": "临时照料", "description": "落实临时照料"},
            {"department": "EDUCATION", "kind": "心理辅导", "description": "学校心理老师跟进"},
        ],
    }
    response = act(registry, as_user, WORKER, case["id"], "assessment", body)
    assert response.status_code == 200, response.text
    assessed = response.json()
    assert assessed["status"] == "ASSESSED" and assessed["childId"]
    assert assessed["assessment"]["highestRisk"] == "HIGH"
    assert len(assessed["assessment"]["measureIds"]) == 2
    plan = registry.get(
        f"/children/{assessed['childId']}",
        params={"include": ["plan", "history"]},
        headers=as_user(WORKER),
    ).json()
    assert [m["kind"] for m in plan["plan"]["measures"]] == ["临时照料", "心理辅导"]
    operations = [h["operation"] for h in plan["history"]]
    assert operations[:2] == ["REGISTERED", "CASE_CHILD_LINKED"]
    assert "CASE_ASSESSED" in operations
    kinds = [(k, key) for k, key, _ in events(registry)]
    assert ("registry.child.registered", assessed["childId"]) in kinds
    assert kinds[-1] == ("registry.case.assessed", assessed["childId"])
    data = events(registry)[-1][2]
    assert data["highestRisk"] == "HIGH" and "summary" not in data
    again = act(registry, as_user, WORKER, case["id"], "assessment", ASSESSMENT)
    assert again.json()["fields"] == {"status": "该案件已评估"}


def test_an_assessment_before_the_town_is_notified_is_refused(registry, as_user, file):
    case = file().json()
    before = counts(registry)
    response = act(registry, as_user, WORKER, case["id"], "assessment", ASSESSMENT)
    assert (response.status_code, response.json()["fields"]) == (
        422,
        {"status": "尚未通报镇街，不能评估"},
    )
    assert counts(registry) == before


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"summary": " "}, "summary"),
        ({"safety": "EXTREME"}, "safety"),
        ({"needs": [{"department": "CIVIL_AFFAIRS", "kind": "x", "description": "y"}]}, "needs"),
        ({"child": new_child(residenceDivisionCode="110109001")}, "child.residenceDivisionCode"),
    ],
)
def test_bad_assessments_write_nothing(registry, as_user, file, overrides, field):
    case = to_town(registry, as_user, file)
    before = counts(registry)
    response = act(registry, as_user, WORKER, case["id"], "assessment", {**ASSESSMENT, **overrides})
    assert response.status_code == 422, response.text
    assert field in response.json()["fields"], response.json()
    assert counts(registry) == before


def test_a_duplicate_number_in_the_assessment_writes_no_assessment(
    registry, as_user, file, register
):
    from shouhu.platform.testing import identity_number

    filed = register(seq=302, birth=date(2016, 3, 1))
    number = identity_number(date(2016, 3, 1), male=False, seq=302)
    case = to_town(registry, as_user, file)
    response = act(
        registry,
        as_user,
        WORKER,
        case["id"],
        "assessment",
        {**ASSESSMENT, "child": new_child(gender="FEMALE", idNumber=number)},
    )
    assert (response.status_code, response.json()["code"]) == (409, "DUPLICATE"), response.text
    assert response.json()["existingId"] == filed["id"]
    assert read(registry, as_user, WORKER, case["id"]).json()["status"] == "REFERRED_TO_TOWN"


def test_who_sees_what_of_a_case(registry, as_user, file, logged_reads):
    case = to_town(registry, as_user, file)
    act(registry, as_user, WORKER, case["id"], "assessment", {**ASSESSMENT, "child": new_child()})
    views = {}
    for username in (
        "police.district",
        POLICE,
        "admin.district",
        WORKER,
        "judicial.district",
        "supervisor.110109001001",
        REPORTER,
        "worker.110109101",
        "supervisor.110109101001",
        "education.district",
        "clerk.110109001",
    ):
        response = read(registry, as_user, username, case["id"])
        views[username] = response.json().get("view", response.status_code)
    assert views == {
        "police.district": "DETAIL",
        POLICE: "DETAIL",
        "admin.district": "DETAIL",
        WORKER: "DETAIL",
        "judicial.district": "DETAIL",
        "supervisor.110109001001": "SUPERVISOR",
        REPORTER: "RECEIPT",
        "worker.110109101": 404,
        "supervisor.110109101001": 404,
        "education.district": 404,
        "clerk.110109001": 404,
    }
    assert read(registry, as_user, "auditor.district", case["id"]).status_code == 403
    supervisor = read(registry, as_user, "supervisor.110109001001", case["id"]).json()
    assert supervisor["supervisorRequest"] == "每周走访一次，留意上学情况"
    assert supervisor["childId"] and supervisor["status"] == "ASSESSED"
    for hidden in ("description", "kind", "assessment", "timeline", "attachments", "responses"):
        assert supervisor[hidden] is None and hidden in supervisor["withheld"]
    receipt = read(registry, as_user, REPORTER, case["id"]).json()
    assert receipt["childId"] is None and "childId" in receipt["withheld"]
    assert receipt["status"] == "ASSESSED" and receipt["acceptedAt"]
    # Each read of the detail is logged under the child; the receipt and the supervisor's not.
    reads = [(e.actor, e.parts) for e in logged_reads() if e.child_id == supervisor["childId"]]
    assert ("judicial.district", "cases") in reads
    assert all(actor not in (REPORTER, "supervisor.110109001001") for actor, _ in reads)


def test_a_cases_steps_on_the_history_are_for_case_detail_roles_only(registry, as_user, file):
    case = to_town(registry, as_user, file)
    child = act(
        registry, as_user, WORKER, case["id"], "assessment", {**ASSESSMENT, "child": new_child()}
    ).json()["childId"]

    def operations(username: str) -> list[str]:
        found = registry.get(
            f"/children/{child}", params={"include": ["history"]}, headers=as_user(username)
        ).json()
        return [h["operation"] for h in found["history"]]

    assert "CASE_ASSESSED" in operations(WORKER)
    assert not [op for op in operations("supervisor.110109001001") if op.startswith("CASE_")]
    assert not [op for op in operations("clerk.110109001") if op.startswith("CASE_")]


def test_reports_list_each_callers_own_view(registry, as_user, file):
    ours = file().json()
    theirs = file(divisionCode=OTHER_VILLAGE, urgent=True).json()
    worker_own = file(by="worker.110109101", divisionCode=VILLAGE, institution=None).json()

    def listed(username: str, **params: Any) -> list[tuple[str, str]]:
        page = registry.get("/reports", params=params, headers=as_user(username))
        assert page.status_code == 200, page.text
        return [(e["node"]["caseNumber"], e["node"]["view"]) for e in page.json()["edges"]]

    numbers = {c["id"]: c["caseNumber"] for c in (ours, theirs, worker_own)}
    assert listed(REPORTER) == [
        (numbers[theirs["id"]], "RECEIPT"),
        (numbers[ours["id"]], "RECEIPT"),
    ]
    assert listed(POLICE) == [
        (numbers[worker_own["id"]], "DETAIL"),
        (numbers[ours["id"]], "DETAIL"),
    ]
    assert listed("worker.110109101") == [
        (numbers[worker_own["id"]], "RECEIPT"),  # their own report in another town
        (numbers[theirs["id"]], "DETAIL"),
    ]
    assert len(listed("police.district")) == 3
    assert listed("police.district", divisionCode="110109101") == [
        (numbers[theirs["id"]], "DETAIL")
    ]
    assert listed("police.district", status="ACCEPTED") == []
    assert listed("police.district", urgent="true") == [(numbers[theirs["id"]], "DETAIL")]
    assert len(listed("police.district", urgent="false")) == 2
    assert listed("education.district") == []
    assert registry.get("/reports", headers=as_user("auditor.district")).status_code == 403
    page = registry.get("/reports", params={"first": 1}, headers=as_user("police.district")).json()
    rest = registry.get(
        "/reports",
        params={"first": 5, "after": page["pageInfo"]["endCursor"]},
        headers=as_user("police.district"),
    ).json()
    assert len(rest["edges"]) == 2 and rest["pageInfo"]["hasNextPage"] is False


def test_acting_on_a_report_of_another_division_is_not_found(registry, as_user, file):
    case = file(divisionCode=OTHER_VILLAGE).json()
    before = counts(registry)
    for username, action in ((POLICE, "accept"), (WORKER, "assessment"), (WORKER, "close")):
        body = ASSESSMENT if action == "assessment" else {"outcome": "结案"}
        response = act(registry, as_user, username, case["id"], action, body)
        assert response.status_code == 404, (username, action, response.text)
    assert act(registry, as_user, REPORTER, case["id"], "accept").status_code == 403
    assert counts(registry) == before


def test_attachments_are_checked_by_their_bytes_and_seen_with_the_detail(
    registry, as_user, file, logged_reads
):
    case = file().json()

    def upload(by: str, content: bytes, name: str = "photo.png") -> Any:
        return registry.post(
            f"/reports/{case['id']}/attachments",
            files={"file": (name, content, "image/png")},
            headers=as_user(by),
        )

    added = upload(REPORTER, PNG)
    assert added.status_code == 201, added.text
    assert (added.json()["mediaType"], added.json()["size"]) == ("image/png", len(PNG))
    assert upload(REPORTER, PDF, "..\\..\\病历.pdf").json()["filename"] == "病历.pdf"
    before = counts(registry)
    wrong = upload(REPORTER, b"GIF89a" + b"\x00" * 40, "photo.png")
    assert wrong.json()["fields"] == {"file": "附件应为JPEG、PNG图片或PDF文件"}
    large = upload(REPORTER, PNG + b"\x00" * (5 * 1024 * 1024))
    assert large.json()["fields"] == {"file": "附件不能超过5MB"}
    assert upload("education.district", PNG).status_code == 404
    assert counts(registry) == before
    for _ in range(3):
        assert upload(REPORTER, PNG).status_code == 201
    sixth = upload(REPORTER, PNG)
    assert sixth.json()["fields"] == {"file": "每份报告最多5个附件"}

    detail = read(registry, as_user, POLICE, case["id"]).json()
    first = detail["attachments"][0]
    content = registry.get(
        f"/reports/{case['id']}/attachments/{first['id']}", headers=as_user(POLICE)
    )
    assert content.status_code == 200
    assert content.json()["mediaType"] == "image/png"
    assert read(registry, as_user, REPORTER, case["id"]).json()["attachments"] is None
    refused = registry.get(
        f"/reports/{case['id']}/attachments/{first['id']}", headers=as_user(REPORTER)
    )
    assert refused.status_code == 404
    # Without a child, the reads are logged under the case's own id.
    assert ("police.110109001", "caseAttachment") in [
        (e.actor, e.parts) for e in logged_reads() if e.child_id == case["id"]
    ]


def assessed_child(registry, as_user, file) -> tuple[dict[str, Any], str]:
    case = to_town(registry, as_user, file)
    body = act(
        registry, as_user, WORKER, case["id"], "assessment", {**ASSESSMENT, "child": new_child()}
    ).json()
    return case, body["childId"]


def intervene(registry, as_user, child: str, **body: Any) -> Any:
    data = {"reason": "GUARDIAN_UNABLE", "measures": ["TEMPORARY_GUARDIANSHIP"], **body}
    return registry.post(f"/children/{child}/interventions", json=data, headers=as_user(WORKER))


def test_an_intervention_opens_and_closes_as_benefits_expects(registry, as_user, file):
    case, child = assessed_child(registry, as_user, file)
    opened = intervene(registry, as_user, child, caseId=case["id"], note="祖母无力照料")
    assert opened.status_code == 201, opened.text
    intervention = opened.json()
    assert (intervention["status"], intervention["openedOn"]) == ("OPEN", today().isoformat())
    kind, key, data = events(registry)[-1]
    assert (kind, key) == ("registry.case.intervention_opened", child)
    assert {k: data[k] for k in ("childId", "caseId", "openedOn")} == {
        "childId": child,
        "caseId": case["id"],
        "openedOn": today().isoformat(),
    }
    assert (data["interventionId"], data["reason"], data["caseNumber"]) == (
        intervention["id"],
        "GUARDIAN_UNABLE",
        case["caseNumber"],
    )
    second = intervene(registry, as_user, child)
    assert second.json()["fields"] == {"childId": "该儿童已有进行中的监护干预"}
    refused = act(registry, as_user, WORKER, case["id"], "close", {"outcome": "结案"})
    assert refused.json()["fields"] == {"status": "该案件的监护干预尚未结束，不能结案"}

    path = f"/interventions/{intervention['id']}/close"
    closed = registry.post(path, json={"outcome": "父亲返乡履行监护"}, headers=as_user(WORKER))
    assert closed.status_code == 200, closed.text
    kind, _, data = events(registry)[-1]
    assert kind == "registry.case.intervention_closed"
    assert (data["caseId"], data["closedOn"]) == (case["id"], today().isoformat())
    before = counts(registry)
    again = registry.post(path, json={"outcome": "再次"}, headers=as_user(WORKER))
    assert (again.status_code, again.json()["fields"]) == (
        422,
        {"status": "该监护干预已结束，不能再结束"},
    )
    assert counts(registry) == before
    closed_case = act(registry, as_user, WORKER, case["id"], "close", {"outcome": "已妥善安置"})
    assert closed_case.json()["status"] == "CLOSED"
    detail = closed_case.json()
    assert [i["status"] for i in detail["interventions"]] == ["CLOSED"]
    assert events(registry)[-1][0] == "registry.case.closed"
    after_close = act(registry, as_user, POLICE, case["id"], "responses", {"measure": "OTHER"})
    assert after_close.json()["fields"] == {"status": "案件已结案，不能再办理"}


def test_an_intervention_without_a_case_has_its_own_id_as_the_case(registry, as_user, register):
    child = register(seq=303)
    opened = intervene(registry, as_user, child["id"]).json()
    _, _, data = events(registry)[-1]
    assert data["caseId"] == opened["id"] and data["caseNumber"] is None


def test_serious_harm_prompts_the_petition_at_once_then_filed_and_decided(
    registry, as_user, register
):
    child = register(seq=304)
    opened = intervene(registry, as_user, child["id"], reason="SERIOUS_HARM").json()
    assert opened["petitionDueReason"] == "SERIOUS_HARM"
    kinds = [k for k, _, _ in events(registry)]
    assert kinds[-2:] == ["registry.case.intervention_opened", "registry.case.petition_due"]
    assert events(registry)[-1][2]["reason"] == "SERIOUS_HARM"
    base = f"/interventions/{opened['id']}"
    early = registry.post(
        f"{base}/court-decision",
        json={"decidedOn": today().isoformat(), "outcome": "REVOKED"},
        headers=as_user("judicial.district"),
    )
    assert early.json()["fields"] == {"status": "尚未向法院提出申请"}
    filed = registry.post(
        f"{base}/petition",
        json={"filedOn": today().isoformat(), "court": "门头沟区人民法院"},
        headers=as_user("admin.district"),
    )
    assert filed.status_code == 200, filed.text
    decided = registry.post(
        f"{base}/court-decision",
        json={"decidedOn": today().isoformat(), "outcome": "REVOKED", "note": "指定民政部门监护"},
        headers=as_user("judicial.district"),
    )
    assert decided.json()["courtOutcome"] == "REVOKED", decided.text
    assert [k for k, _, _ in events(registry)][-2:] == [
        "registry.case.petition_filed",
        "registry.case.petition_decided",
    ]
    assert events(registry)[-1][2]["outcome"] == "REVOKED"


def test_an_intervention_open_six_months_prompts_the_petition_once(
    registry, as_user, register, move_clock
):
    child = register(seq=305)
    opened = intervene(registry, as_user, child["id"]).json()
    engine = registry.app.state.engine
    assert petitions.prompt_due(engine) == 0
    move_clock(timedelta(days=185))
    assert petitions.prompt_due(engine) == 1
    assert petitions.prompt_due(engine) == 0  # once
    due = [d for k, _, d in events(registry) if k == "registry.case.petition_due"]
    assert [(d["interventionId"], d["reason"]) for d in due] == [(opened["id"], "SIX_MONTHS")]


def test_months_before_keeps_the_day_or_the_months_last():
    assert petitions.months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert petitions.months_before(date(2026, 3, 15), 6) == date(2025, 9, 15)


def test_interventions_are_acted_on_within_the_division(registry, as_user, register):
    near, far = register(seq=306), register(seq=307, village=OTHER_VILLAGE)
    assert intervene(registry, as_user, far["id"]).status_code == 404
    opened = intervene(registry, as_user, near["id"]).json()
    refused = registry.post(
        f"/interventions/{opened['id']}/close",
        json={"outcome": "x"},
        headers=as_user("worker.110109101"),
    )
    assert refused.status_code == 404
    by_police = registry.post(
        f"/children/{near['id']}/interventions",
        json={"reason": "GUARDIAN_UNABLE"},
        headers=as_user(POLICE),
    )
    assert by_police.status_code == 403
    listed = registry.get(f"/children/{near['id']}/interventions", headers=as_user(POLICE))
    assert [i["id"] for i in listed.json()] == [opened["id"]]
    elsewhere = registry.get(f"/children/{far['id']}/interventions", headers=as_user(POLICE))
    assert elsewhere.status_code == 404  # the station reads its town's only
    assert (
        registry.get(
            f"/children/{near['id']}/interventions", headers=as_user("supervisor.110109001001")
        ).status_code
        == 403
    )


def test_an_escalation_of_a_case_is_a_step_of_its_timeline(registry, as_user, file):
    from shouhu.platform.transport import Message
    from shouhu.platform.worker import EventConsumer, combined
    from shouhu.registry.cases.handlers import NOTIFICATION_HANDLERS as CASES
    from shouhu.registry.intakes.handlers import NOTIFICATION_HANDLERS as INTAKES

    case = file().json()
    consumer = EventConsumer("registry", registry.app.state.engine, combined(INTAKES, CASES))
    for ref in (f"case:{case['id']}", "intake-task:t-1", "case:unknown", None):
        envelope = Envelope(
            type="notifications.escalated",
            source="notifications",
            subject="chain-1",
            data={"subjectRef": ref, "recipient": "派出所所长", "rung": 1},
        )
        consumer.handle(
            Message(topic="shouhu.notifications", key="chain-1", value=envelope.to_bytes())
        )
    timeline = read(registry, as_user, POLICE, case["id"]).json()["timeline"]
    assert [(s["action"], s["actor"], s["note"]) for s in timeline][-1] == (
        "ESCALATED",
        "notifications",
        "已提醒派出所所长（第1级）",
    )
    assert [s["action"] for s in timeline].count("ESCALATED") == 1


def test_a_case_read_is_logged_even_before_the_child_is_known(registry, as_user, file):
    case = file().json()
    read(registry, as_user, "police.district", case["id"])
    with Session(registry.app.state.engine) as session:
        entries = session.exec(
            select(AccessLogQueued).where(col(AccessLogQueued.child_id) == case["id"])
        ).all()
    assert [(e.actor, e.parts) for e in entries] == [("police.district", "cases")]

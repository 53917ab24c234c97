"""The single window in the registry: an application, its tasks, their steps and events."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import Session, col, select

from shouhu.platform.clock import today
from shouhu.platform.events import OutboxRow
from shouhu.registry.intakes import service
from shouhu.registry.models import Child, ChildHistory, DepartmentTask, Intake, IntakeStep

TOWN_CLERK = "clerk.110109001"
VILLAGE = "110109001001"  # 大峪街道
OTHER_VILLAGE = "110109101001"  # 潭柘寺镇, outside 大峪街道


def application(child: dict[str, Any] | None = None, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "applicantName": "王大山",
        "applicantRelation": "PARENT",
        "applicantPhone": "13800138000",
        "needs": ["LIVING_ALLOWANCE", "EDUCATION_AID", "LEGAL_AID"],
        "materials": ["户口簿", "身份证"],
        "note": "父亲外出务工",
    }
    if child is not None:
        body["child"] = child
    body.update(overrides)
    return body


@pytest.fixture
def submit(registry, as_user, child_input) -> Callable[..., Any]:
    """Submit an application for a new child (a fresh number each time) as `by`."""
    seq = iter(range(100, 400))

    def run(by: str = TOWN_CLERK, **overrides: Any) -> Any:
        child = child_input(name="李小花", seq=next(seq))
        return registry.post("/intakes", json=application(child, **overrides), headers=as_user(by))

    return run


def rows(registry, model: Any) -> list[Any]:
    with Session(registry.app.state.engine) as session:
        return list(session.exec(select(model)).all())


def events(registry) -> list[tuple[str, dict[str, Any]]]:
    with Session(registry.app.state.engine) as session:
        found = session.exec(select(OutboxRow).order_by(col(OutboxRow.seq))).all()
    return [(r.event_type, json.loads(r.payload)["data"]) for r in found]


def test_an_application_for_a_new_child_routes_a_task_to_each_department(registry, submit):
    response = submit()
    assert response.status_code == 201, response.text
    intake = response.json()
    year = today().year
    assert intake["receiptNumber"] == f"MTG-{year}-000001"
    assert intake["status"] == "OPEN"
    tasks = intake["tasks"]
    assert [(t["need"], t["department"]) for t in tasks] == [
        ("LIVING_ALLOWANCE", "CIVIL_AFFAIRS"),
        ("EDUCATION_AID", "EDUCATION"),
        ("LEGAL_AID", "JUDICIAL"),
    ]
    assert {t["status"] for t in tasks} == {"PENDING"}
    assert tasks[0]["missingMaterials"] == ["低保证"]
    assert tasks[1]["missingMaterials"] == ["学籍证明"]
    assert tasks[2]["missingMaterials"] == []
    assert [s["action"] for s in intake["timeline"]] == ["SUBMITTED", "ROUTED", "ROUTED", "ROUTED"]
    kinds = [kind for kind, _ in events(registry)]
    assert kinds == [
        "registry.child.registered",
        "registry.intake.submitted",
        "registry.intake.task_created",
        "registry.intake.task_created",
        "registry.intake.task_created",
    ]
    assert submit().json()["receiptNumber"] == f"MTG-{year}-000002"


def counts(registry) -> dict[str, int]:
    """How many rows each table an application writes holds: 'nothing written' compares them."""
    tables = (Child, Intake, DepartmentTask, IntakeStep, ChildHistory, OutboxRow)
    return {model.__name__: len(rows(registry, model)) for model in tables}


def first_task(intake: dict[str, Any], department: str) -> dict[str, Any]:
    return next(t for t in intake["tasks"] if t["department"] == department)


def act(registry, as_user, by: str, task_id: str, action: str, body: Any = None) -> Any:
    return registry.post(f"/department-tasks/{task_id}/{action}", json=body, headers=as_user(by))


def test_an_existing_file_in_the_clerks_town_is_applied_for(registry, as_user, register):
    child = register()
    response = registry.post(
        "/intakes",
        json=application(childId=child["id"], needs=["REHABILITATION"], materials=["残疾证"]),
        headers=as_user(TOWN_CLERK),
    )
    assert response.status_code == 201, response.text
    (task,) = response.json()["tasks"]
    assert (task["department"], task["missingMaterials"]) == (
        "DISABLED_PERSONS_FEDERATION",
        ["医院诊断证明"],
    )
    assert response.json()["childId"] == child["id"]


def test_a_file_outside_the_town_clerks_town_is_not_found_and_nothing_written(
    registry, as_user, register
):
    child = register(village=OTHER_VILLAGE)
    before = counts(registry)
    response = registry.post(
        "/intakes", json=application(childId=child["id"]), headers=as_user(TOWN_CLERK)
    )
    assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND")
    assert counts(registry) == before
    # The district's clerk takes applications for every town.
    district = registry.post(
        "/intakes", json=application(childId=child["id"]), headers=as_user("clerk.district")
    )
    assert district.status_code == 201, district.text


def test_a_new_child_outside_the_clerks_town_is_forbidden_and_nothing_written(
    registry, as_user, child_input
):
    before = counts(registry)
    child = child_input(seq=31, residenceDivisionCode=OTHER_VILLAGE)
    response = registry.post("/intakes", json=application(child), headers=as_user(TOWN_CLERK))
    assert (response.status_code, response.json()["code"]) == (403, "FORBIDDEN")
    assert counts(registry) == before


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"needs": []}, "needs", "至少选择一项申请事项"),
        ({"needs": ["LIVING_ALLOWANCE", "LIVING_ALLOWANCE"]}, "needs", "申请事项不能重复"),
        ({"needs": ["FLYING_LESSONS"]}, "needs.0", "取值不在允许范围内"),
        ({"applicantPhone": "1380013800"}, "applicantPhone", "手机号码应为11位中国大陆手机号"),
        ({"applicantPhone": "+8613800138000"}, "applicantPhone", "手机号码应为11位中国大陆手机号"),
        ({"applicantName": "  "}, "applicantName", "申请人姓名不能为空"),
        ({"applicantRelation": "NEIGHBOUR"}, "applicantRelation", "取值不在允许范围内"),
        ({"childId": "c-1"}, "childId", "请选择已有儿童档案或登记新儿童（二者选一）"),
        (
            {
                "child": {
                    "gender": "MALE",
                    "birthDate": "2014-01-01",
                    "residenceDivisionCode": VILLAGE,
                }
            },
            "child.name",
            "必填",
        ),
    ],
)
def test_bad_applications_are_validation_failed_in_chinese_and_write_nothing(
    registry, as_user, child_input, overrides, field, message
):
    before = counts(registry)
    body = {**application(child_input(seq=41)), **overrides}
    response = registry.post("/intakes", json=body, headers=as_user(TOWN_CLERK))
    assert (response.status_code, response.json()["code"]) == (422, "VALIDATION_FAILED")
    assert response.json()["fields"][field] == message, response.json()
    assert counts(registry) == before


def test_a_new_childs_bad_fields_are_named_under_child(registry, as_user, child_input):
    child = child_input(seq=42, idNumber="110109201304090000")
    response = registry.post("/intakes", json=application(child), headers=as_user(TOWN_CLERK))
    assert response.status_code == 422
    assert "child.idNumber" in response.json()["fields"]


def test_neither_a_file_nor_a_new_child_is_refused(registry, as_user):
    response = registry.post("/intakes", json=application(), headers=as_user(TOWN_CLERK))
    assert response.json()["fields"] == {"childId": "请选择已有儿童档案或登记新儿童（二者选一）"}


def test_a_duplicate_identity_number_is_duplicate_and_no_application_is_written(
    registry, as_user, register, child_input
):
    filed = register(seq=51)
    before = counts(registry)
    again = child_input(name="李小花", seq=51)
    response = registry.post("/intakes", json=application(again), headers=as_user(TOWN_CLERK))
    assert (response.status_code, response.json()["code"]) == (409, "DUPLICATE")
    assert response.json()["existingId"] == filed["id"]
    after = counts(registry)
    assert {k: after[k] for k in ("Child", "Intake", "DepartmentTask", "OutboxRow")} == {
        k: before[k] for k in ("Child", "Intake", "DepartmentTask", "OutboxRow")
    }


@pytest.mark.parametrize(
    "username",
    ["supervisor.110109001001", "worker.110109001", "police.district", "auditor.district"],
)
def test_only_clerks_and_civil_affairs_take_applications(registry, as_user, child_input, username):
    child = child_input(seq=61)
    response = registry.post("/intakes", json=application(child), headers=as_user(username))
    assert (response.status_code, response.json()["code"]) == (403, "FORBIDDEN")


def test_civil_affairs_takes_applications_too(submit):
    assert submit(by="admin.district").status_code == 201


def test_each_step_of_a_task_is_kept_with_its_event(registry, as_user, submit, move_clock):
    intake = submit().json()
    judicial = first_task(intake, "JUDICIAL")
    accepted = act(registry, as_user, "judicial.district", judicial["id"], "accept")
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "ACCEPTED"
    asked = act(
        registry,
        as_user,
        "judicial.district",
        judicial["id"],
        "request-materials",
        {"note": "请补充监护人身份证明", "materials": ["监护人身份证"]},
    )
    assert asked.status_code == 200, asked.text
    assert (asked.json()["status"], asked.json()["dueAt"], asked.json()["overdue"]) == (
        "NEEDS_MATERIALS",
        None,
        False,
    )
    assert asked.json()["missingMaterials"] == ["监护人身份证"]
    asked_on = today()
    move_clock(timedelta(days=7))
    recorded = registry.post(
        f"/department-tasks/{judicial['id']}/materials",
        json={"materials": ["监护人身份证"]},
        headers=as_user(TOWN_CLERK),
    )
    assert recorded.status_code == 200, recorded.text
    waited = service.paused_days(asked_on, today())
    assert waited >= 4
    first_due = service.due_on(asked_on, judicial["workingDays"])
    pushed = service.due_on(first_due, waited)
    task = recorded.json()
    assert task["status"] == "ACCEPTED"
    assert task["dueAt"].startswith(pushed.isoformat())
    assert (task["missingMaterials"], task["receivedMaterials"]) == ([], ["监护人身份证"])
    done = act(
        registry,
        as_user,
        "judicial.district",
        judicial["id"],
        "complete",
        {"outcome": "已提供法律援助"},
    )
    assert (done.json()["status"], done.json()["outcome"]) == ("DONE", "已提供法律援助")
    found = registry.get(f"/intakes/{intake['id']}", headers=as_user(TOWN_CLERK)).json()
    steps = [
        (s["action"], s["department"]) for s in found["timeline"] if s["taskId"] == judicial["id"]
    ]
    assert steps == [
        ("ROUTED", "JUDICIAL"),
        ("ACCEPTED", "JUDICIAL"),
        ("MATERIALS_REQUESTED", "JUDICIAL"),
        ("MATERIALS_RECEIVED", "JUDICIAL"),
        ("COMPLETED", "JUDICIAL"),
    ]
    assert found["materials"] == ["户口簿", "身份证", "监护人身份证"]
    told = [(kind, data) for kind, data in events(registry) if data.get("taskId") == judicial["id"]]
    assert [kind.rsplit(".", 1)[1] for kind, _ in told] == [
        "task_created",
        "task_accepted",
        "materials_requested",
        "materials_received",
        "task_completed",
    ]
    created, _, requested, received, completed = (data for _, data in told)
    assert (
        requested["dueAt"] is None and requested["note"] == "请补充监护人身份证明（监护人身份证）"
    )
    assert received["dueAt"].startswith(pushed.isoformat())
    assert completed["dueAt"] is None and completed["note"] == "已提供法律援助"
    assert created["clerk"] == TOWN_CLERK and created["applicantPhone"] == "13800138000"


def test_the_application_completes_when_its_last_task_finishes(registry, as_user, submit):
    intake = submit(needs=["LIVING_ALLOWANCE", "LEGAL_AID"]).json()
    civil, judicial = intake["tasks"]
    act(registry, as_user, "admin.district", civil["id"], "decline", {"reason": "不符合条件"})
    still = registry.get(f"/intakes/{intake['id']}", headers=as_user(TOWN_CLERK)).json()
    assert still["status"] == "OPEN"
    act(registry, as_user, "judicial.district", judicial["id"], "complete", {"outcome": "已援助"})
    found = registry.get(f"/intakes/{intake['id']}", headers=as_user(TOWN_CLERK)).json()
    assert found["status"] == "COMPLETED" and found["closedAt"]
    assert found["timeline"][-1]["action"] == "INTAKE_COMPLETED"
    kind, data = events(registry)[-1]
    assert kind == "registry.intake.completed"
    assert [(t["department"], t["status"], t["outcome"]) for t in data["tasks"]] == [
        ("CIVIL_AFFAIRS", "DECLINED", "不符合条件"),
        ("JUDICIAL", "DONE", "已援助"),
    ]


def test_refused_actions_write_nothing(registry, as_user, submit):
    intake = submit().json()
    judicial = first_task(intake, "JUDICIAL")
    before = counts(registry)
    cases = [
        ("education.district", "accept", None, 403, "FORBIDDEN"),  # another department's
        ("clerk.district", "accept", None, 403, "FORBIDDEN"),  # no department
        ("police.110109001", "accept", None, 403, "FORBIDDEN"),
        ("judicial.district", "complete", {"outcome": "  "}, 422, "VALIDATION_FAILED"),
        ("judicial.district", "decline", {"reason": ""}, 422, "VALIDATION_FAILED"),
        ("judicial.district", "request-materials", {"note": " "}, 422, "VALIDATION_FAILED"),
    ]
    for username, action, body, status, code in cases:
        response = act(registry, as_user, username, judicial["id"], action, body)
        assert (response.status_code, response.json()["code"]) == (status, code), username
    unknown = act(registry, as_user, "judicial.district", "no-such-task", "accept")
    assert unknown.status_code == 404
    assert counts(registry) == before


def test_a_finished_task_cannot_be_finished_again(registry, as_user, submit):
    judicial = first_task(submit().json(), "JUDICIAL")
    act(registry, as_user, "judicial.district", judicial["id"], "complete", {"outcome": "已援助"})
    before = counts(registry)
    for action, body in (("complete", {"outcome": "再次"}), ("decline", {"reason": "x"})):
        response = act(registry, as_user, "judicial.district", judicial["id"], action, body)
        assert (response.status_code, response.json()["code"]) == (422, "VALIDATION_FAILED")
        assert response.json()["fields"]["status"] == "任务已办结，不能再办理"
    assert counts(registry) == before


def test_a_task_waiting_for_materials_is_not_completed_before_they_come(registry, as_user, submit):
    judicial = first_task(submit().json(), "JUDICIAL")
    act(
        registry,
        as_user,
        "judicial.district",
        judicial["id"],
        "request-materials",
        {"note": "缺证明"},
    )
    response = act(
        registry, as_user, "judicial.district", judicial["id"], "complete", {"outcome": "好"}
    )
    assert response.status_code == 422
    declined = act(
        registry, as_user, "judicial.district", judicial["id"], "decline", {"reason": "材料未补"}
    )
    assert declined.json()["status"] == "DECLINED"


def test_materials_are_recorded_only_for_a_waiting_task_in_the_clerks_scope(
    registry, as_user, submit
):
    judicial = first_task(submit().json(), "JUDICIAL")
    path = f"/department-tasks/{judicial['id']}/materials"
    body = {"materials": ["证明"]}
    waiting = registry.post(path, json=body, headers=as_user(TOWN_CLERK))
    assert waiting.json()["fields"] == {"status": "该任务未在等待补充材料"}
    act(registry, as_user, "judicial.district", judicial["id"], "request-materials", {"note": "缺"})
    assert (
        registry.post(path, json={"materials": []}, headers=as_user(TOWN_CLERK)).status_code == 422
    )
    assert registry.post(path, json=body, headers=as_user("judicial.district")).status_code == 403
    assert registry.post(path, json=body, headers=as_user("worker.110109001")).status_code == 403


def test_a_withdrawn_application_is_acted_on_no_more(registry, as_user, submit):
    intake = submit().json()
    judicial = first_task(intake, "JUDICIAL")
    path = f"/intakes/{intake['id']}/withdraw"
    assert registry.post(path, json={"reason": " "}, headers=as_user(TOWN_CLERK)).status_code == 422
    withdrawn = registry.post(path, json={"reason": "家长撤回"}, headers=as_user(TOWN_CLERK))
    assert withdrawn.status_code == 200, withdrawn.text
    assert withdrawn.json()["status"] == "WITHDRAWN"
    assert {t["intakeStatus"] for t in withdrawn.json()["tasks"]} == {"WITHDRAWN"}
    assert {t["dueAt"] for t in withdrawn.json()["tasks"]} == {None}
    assert events(registry)[-1][0] == "registry.intake.withdrawn"
    before = counts(registry)
    response = act(registry, as_user, "judicial.district", judicial["id"], "accept")
    assert (response.status_code, response.json()["fields"]) == (
        422,
        {"status": "该申请已撤回，不能再办理"},
    )
    again = registry.post(path, json={"reason": "再撤"}, headers=as_user(TOWN_CLERK))
    assert again.status_code == 422
    assert counts(registry) == before


def test_applications_are_read_in_their_division_and_by_the_departments_with_a_task(
    registry, as_user, submit
):
    intake = submit().json()  # living allowance, education aid, legal aid
    path = f"/intakes/{intake['id']}"
    for username, status in [
        (TOWN_CLERK, 200),
        ("clerk.district", 200),
        ("admin.district", 200),
        ("worker.110109001", 200),
        ("worker.110109101", 404),
        ("judicial.district", 200),  # its legal aid task
        ("housing.district", 404),  # no task of its own: as if absent
        ("auditor.district", 403),
        ("reporter.school.110109001", 403),
    ]:
        assert registry.get(path, headers=as_user(username)).status_code == status, username
    page = registry.get("/intakes", headers=as_user("worker.110109101")).json()
    assert page["edges"] == []


def test_applications_page_newest_first(registry, as_user, submit):
    numbers = [submit(needs=["HOUSING"]).json()["receiptNumber"] for _ in range(3)]
    first = registry.get("/intakes", params={"first": 2}, headers=as_user(TOWN_CLERK)).json()
    assert [e["node"]["receiptNumber"] for e in first["edges"]] == numbers[:0:-1]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = registry.get(
        "/intakes",
        params={"first": 2, "after": first["pageInfo"]["endCursor"]},
        headers=as_user(TOWN_CLERK),
    ).json()
    assert [e["node"]["receiptNumber"] for e in rest["edges"]] == numbers[:1]
    assert rest["pageInfo"]["hasNextPage"] is False
    bad = registry.get("/intakes", params={"after": "nonsense"}, headers=as_user(TOWN_CLERK))
    assert bad.json()["fields"] == {"after": "游标无效"}


def test_the_board_shows_a_departments_tasks_in_its_division(
    registry, as_user, submit, child_input, move_clock
):
    ours = submit(needs=["HUKOU_REGISTRATION", "LEGAL_AID"]).json()
    other = registry.post(
        "/intakes",
        json=application(
            child_input(seq=71, residenceDivisionCode=OTHER_VILLAGE), needs=["HUKOU_REGISTRATION"]
        ),
        headers=as_user("clerk.district"),
    ).json()

    def board(username: str, **params: Any) -> list[str]:
        response = registry.get("/department-tasks", params=params, headers=as_user(username))
        assert response.status_code == 200, response.text
        return [e["node"]["receiptNumber"] for e in response.json()["edges"]]

    assert board("police.district") == [other["receiptNumber"], ours["receiptNumber"]]
    assert board("police.110109001") == [ours["receiptNumber"]]
    assert board("judicial.district") == [ours["receiptNumber"]]
    assert board("police.district", status="ACCEPTED") == []
    assert board("police.district", overdue=True) == []
    town, other_town = VILLAGE[:9], OTHER_VILLAGE[:9]
    assert board("police.district", townCode=town) == [ours["receiptNumber"]]
    assert board("police.district", townCode=other_town) == [other["receiptNumber"]]
    assert board("police.110109001", townCode=town) == [ours["receiptNumber"]]
    elsewhere = registry.get(
        "/department-tasks", params={"townCode": other_town}, headers=as_user("police.110109001")
    )
    assert elsewhere.status_code == 403
    malformed = registry.get(
        "/department-tasks", params={"townCode": "1101"}, headers=as_user("police.district")
    )
    assert malformed.status_code == 422
    assert malformed.json()["fields"] == {"townCode": "镇街代码应为9位数字"}
    refused = registry.get(
        "/department-tasks", params={"department": "JUDICIAL"}, headers=as_user("police.district")
    )
    assert refused.status_code == 403
    assert registry.get("/department-tasks", headers=as_user(TOWN_CLERK)).status_code == 403
    move_clock(timedelta(days=60))
    assert board("police.district", overdue=True) == [other["receiptNumber"], ours["receiptNumber"]]
    assert board("police.district", overdue=False) == []
    response = registry.get("/department-tasks", headers=as_user("police.110109001")).json()
    assert response["edges"][0]["node"]["overdue"] is True


def test_the_board_pages_newest_first(registry, as_user, submit):
    numbers = [submit(needs=["HOUSING"]).json()["receiptNumber"] for _ in range(3)]
    seen: list[str] = []
    after = None
    while True:
        params: dict[str, Any] = {"first": 2, **({"after": after} if after else {})}
        page = registry.get(
            "/department-tasks", params=params, headers=as_user("housing.district")
        ).json()
        seen += [e["node"]["receiptNumber"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == numbers[::-1]


@contextmanager
def statements(registry) -> Iterator[list[str]]:
    """The SQL statements the registry runs meanwhile."""
    seen: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    engine = registry.app.state.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_an_application_costs_the_same_statements_whatever_its_needs(registry, submit):
    """Its tasks, steps, history entries and events go in one INSERT a table (the burst of the
    bench waits on the receipt counter while they do)."""
    assert submit(needs=["HOUSING"]).status_code == 201  # the village read once
    with statements(registry) as one:
        assert submit(needs=["HOUSING"]).status_code == 201
    with statements(registry) as three:
        assert submit().status_code == 201
    assert len(three) == len(one)
    # Once each: the duplicate probe, the file, its period, history, event, the counter, then
    # the application, its tasks, steps, their history, their events.
    assert len(three) == 11, three


def test_a_board_page_is_one_statement_however_many_it_shows(registry, as_user, submit):
    for _ in range(3):
        assert submit().status_code == 201
    pages = []
    for first in (1, 3):
        with statements(registry) as seen:
            answer = registry.get(
                "/department-tasks", params={"first": first}, headers=as_user("judicial.district")
            )
        assert len(answer.json()["edges"]) == first
        pages.append(len(seen))
    assert pages == [1, 1]


def test_steps_show_on_the_childs_history(registry, as_user, submit):
    intake = submit(needs=["HOUSING"]).json()
    (task,) = intake["tasks"]
    act(registry, as_user, "housing.district", task["id"], "accept")
    child = registry.get(
        f"/children/{intake['childId']}",
        params={"include": ["history"]},
        headers=as_user(TOWN_CLERK),
    ).json()
    operations = [h["operation"] for h in child["history"]]
    assert operations == ["REGISTERED", "INTAKE_SUBMITTED", "INTAKE_ROUTED", "INTAKE_ACCEPTED"]
    assert child["history"][-1]["after"]["receiptNumber"] == intake["receiptNumber"]


def test_receipt_numbers_start_again_each_year(registry, submit, move_clock):
    year = today().year
    assert submit(needs=["HOUSING"]).json()["receiptNumber"].startswith(f"MTG-{year}-")
    move_clock(timedelta(days=400))
    assert submit(needs=["HOUSING"]).json()["receiptNumber"] == f"MTG-{today().year}-000001"


def test_a_routing_change_applies_to_new_applications_only(registry, submit, tmp_path):
    from shouhu.registry.intakes import routing

    kept = submit(needs=["HOUSING"]).json()["tasks"][0]
    default = (routing.resources.files("shouhu.registry.intakes") / "routing.yaml").read_text(
        encoding="utf-8"
    )
    changed = tmp_path / "routing.yaml"
    changed.write_text(
        default.replace('version: "2026-1"', 'version: "2027-1"').replace(
            "HOUSING:\n    - {department: HOUSING, workingDays: 30}",
            "HOUSING:\n    - {department: HOUSING, workingDays: 20}\n"
            "    - {department: CIVIL_AFFAIRS, workingDays: 10}",
        ),
        encoding="utf-8",
    )
    routing.use(str(changed))
    try:
        new = submit(needs=["HOUSING"]).json()
    finally:
        routing.use("")
    assert new["routingVersion"] == "2027-1"
    assert [(t["department"], t["workingDays"]) for t in new["tasks"]] == [
        ("CIVIL_AFFAIRS", 10),
        ("HOUSING", 20),
    ]
    assert kept["workingDays"] == 30


def deliver(registry, envelope: Any, topic: str) -> None:
    """Apply an event through the registry's consumer and inbox, as the worker would."""
    from shouhu.platform.transport import Message
    from shouhu.platform.worker import EventConsumer
    from shouhu.registry.intakes.handlers import NOTIFICATION_HANDLERS, TASK_HANDLERS

    consumer = EventConsumer(
        "registry", registry.app.state.engine, {**TASK_HANDLERS, **NOTIFICATION_HANDLERS}
    )
    consumer.handle(Message(topic=topic, key=envelope.subject, value=envelope.to_bytes()))


def task_updated(task_id: str, status: str, source: str = "benefits") -> Any:
    from shouhu.platform.events import Envelope

    return Envelope(
        type=f"{source}.task.updated",
        source=source,
        subject="c-1",
        data={
            "taskId": task_id,
            "status": status,
            "outcome": "批准困境儿童生活保障",
            "actor": source,
        },
    )


def test_benefits_finishes_civil_affairs_task_once_however_often_it_is_told(
    registry, as_user, submit
):
    intake = submit(needs=["LIVING_ALLOWANCE"]).json()
    (task,) = intake["tasks"]
    done = task_updated(task["id"], "DONE")
    deliver(registry, done, "shouhu.benefits")
    deliver(registry, done, "shouhu.benefits")  # redelivered: the inbox keeps it out
    deliver(registry, task_updated(task["id"], "DECLINED"), "shouhu.benefits")  # finished: ignored
    found = registry.get(f"/intakes/{intake['id']}", headers=as_user(TOWN_CLERK)).json()
    assert found["status"] == "COMPLETED"
    (finished,) = found["tasks"]
    assert (finished["status"], finished["outcome"]) == ("DONE", "批准困境儿童生活保障")
    steps = [(s["action"], s["actor"]) for s in found["timeline"]]
    assert steps[-2:] == [("COMPLETED", "benefits"), ("INTAKE_COMPLETED", "benefits")]


def test_a_service_finishes_only_the_tasks_of_departments_it_acts_for(registry, as_user, submit):
    intake = submit(needs=["LEGAL_AID", "EDUCATION_AID"]).json()
    judicial, education = intake["tasks"]
    deliver(registry, task_updated(judicial["id"], "DONE"), "shouhu.benefits")
    deliver(registry, task_updated("no-such-task", "DONE"), "shouhu.benefits")
    deliver(registry, task_updated(education["id"], "ACCEPTED", "education"), "shouhu.education")
    found = registry.get(f"/intakes/{intake['id']}", headers=as_user(TOWN_CLERK)).json()
    assert [t["status"] for t in found["tasks"]] == ["PENDING", "PENDING"]
    deliver(registry, task_updated(education["id"], "DECLINED", "education"), "shouhu.education")
    found = registry.get(f"/intakes/{intake['id']}", headers=as_user(TOWN_CLERK)).json()
    assert [t["status"] for t in found["tasks"]] == ["PENDING", "DECLINED"]


def test_an_escalation_of_a_tasks_deadline_is_a_step_of_its_timeline(registry, as_user, submit):
    from shouhu.platform.events import Envelope

    intake = submit(needs=["HOUSING"]).json()
    (task,) = intake["tasks"]

    def escalated(ref: str | None) -> Envelope:
        return Envelope(
            type="notifications.escalated",
            source="notifications",
            subject="chain-1",
            data={
                "chainId": "chain-1",
                "kind": "INTAKE_TASK_OVERDUE",
                "rung": 1,
                "ladder": "INTAKE_TASK",
                "notificationId": "n-1",
                "recipient": "区民政局",
                "childId": intake["childId"],
                "subjectRef": ref,
                "lapsedAt": "2026-12-01T00:00:00Z",
            },
        )

    deliver(registry, escalated(f"intake-task:{task['id']}"), "shouhu.notifications")
    deliver(registry, escalated("visit:v-1"), "shouhu.notifications")
    deliver(registry, escalated(None), "shouhu.notifications")
    found = registry.get(f"/intakes/{intake['id']}", headers=as_user(TOWN_CLERK)).json()
    step = found["timeline"][-1]
    assert (step["action"], step["taskId"], step["note"]) == (
        "ESCALATED",
        task["id"],
        "已提醒区民政局（第1级）",
    )
    assert [s["action"] for s in found["timeline"]].count("ESCALATED") == 1


@pytest.mark.parametrize("town_code", [None, "110109001"])
@pytest.mark.parametrize("filters", [{}, {"status": "PENDING"}, {"overdue": True}])
def test_a_board_page_reads_along_its_index_without_sorting(registry, town_code, filters):
    """100,000 tasks of a department stay one index range scan a page, never a sort of them."""
    from datetime import UTC, datetime

    from sqlalchemy import text

    from shouhu.registry.intakes import repository

    now = datetime.now(UTC)
    with Session(registry.app.state.engine) as session:
        captured: list[Any] = []
        run = session.execute

        def capture(statement: Any, *args: Any, **kwargs: Any) -> Any:
            # The statement with its values, as the plan of the values is what is judged.
            captured.append(statement.params(**args[0]) if args else statement)
            return run(statement, *args, **kwargs)

        session.execute = capture  # type: ignore[method-assign]
        repository.board(
            session,
            departments=["POLICE"],
            town_code=town_code,
            status=filters.get("status"),
            overdue=filters.get("overdue"),
            now=now,
            after=(now, "t"),
            limit=21,
        )
        session.execute = run  # type: ignore[method-assign]
        sql = captured[0].compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(row[-1] for row in session.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    index = "ix_department_task_town_board" if town_code else "ix_department_task_board"
    # The page is read first (then joined to its applications, and only its rows sorted again).
    page, _, joined = plan.partition("SCAN page")
    assert f"USING INDEX {index}" in page
    assert "TEMP B-TREE" not in page
    assert "USING INDEX" in joined  # each application by its key


def test_on_postgresql_concurrent_applications_never_share_a_receipt_number(postgres):
    """Twenty transactions at once each take the next number of the year under the row's lock."""
    import secrets
    import threading

    from shouhu.platform.db import make_engine, migrate
    from shouhu.registry.app import MIGRATIONS
    from shouhu.registry.intakes import repository

    url = str(postgres.create_database(f"receipts_{secrets.token_hex(4)}"))
    migrate(url, MIGRATIONS)
    engine = make_engine(url)
    taken: list[int] = []
    start = threading.Barrier(20)

    def take() -> None:
        with Session(engine) as session:
            start.wait()
            number = repository.next_receipt(session, "MTG", 2026)
            session.commit()
        taken.append(number)

    threads = [threading.Thread(target=take) for _ in range(20)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        with Session(engine) as session:
            other_year = repository.next_receipt(session, "MTG", 2027)
    finally:
        engine.dispose()
    assert sorted(taken) == list(range(1, 21))
    assert other_year == 1


def test_the_windows_guide_shows_each_needs_departments_deadlines_and_materials(registry, as_user):
    guide = registry.get("/intake-guide", headers=as_user("clerk.110109001"))
    assert guide.status_code == 200, guide.text
    found = guide.json()
    assert found["routingVersion"] == "2026-1"
    needs = {n["need"]: n for n in found["needs"]}
    assert len(needs) == 11
    living = needs["LIVING_ALLOWANCE"]
    assert living["name"] == "基本生活保障"
    assert living["materials"] == ["户口簿", "身份证", "低保证"]
    (route,) = living["routes"]
    assert (route["department"], route["departmentName"], route["workingDays"]) == (
        "CIVIL_AFFAIRS",
        "区民政局",
        20,
    )
    # 20 working days: at least four weeks on, never more than eight (the longest holidays).
    today = date.fromisoformat(found["today"])
    assert 28 <= (date.fromisoformat(route["dueOn"]) - today).days <= 56
    assert registry.get("/intake-guide").status_code == 401

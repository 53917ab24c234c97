"""Support plans (一策): measures of every department, who writes which, versions and events."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlmodel import Session, col, select

from shouhu.platform.clock import today
from shouhu.platform.errors import NotFound, ValidationFailed
from shouhu.platform.events import OutboxRow
from shouhu.platform.testing import as_gateway, identity_number
from shouhu.registry.models import ChildHistory, PlanMeasure
from shouhu.registry.plans import repository
from shouhu.registry.plans.schemas import Department, MeasureStatus
from shouhu.registry.plans.service import upsert_measure_from_event

VILLAGE = "110109001001"
OTHER_TOWN_VILLAGE = "110109101001"
BIRTH = date(2012, 8, 15)


def _register(registry, as_user, name="李小明", *, seq=9, village=VILLAGE):
    data = {
        "name": name,
        "gender": "MALE",
        "birthDate": BIRTH.isoformat(),
        "idNumber": identity_number(BIRTH, male=True, seq=seq),
        "residenceDivisionCode": village,
    }
    response = registry.post("/children", json=data, headers=as_user("clerk.district"))
    assert response.status_code == 201, response.text
    return response.json()


def _measure(**overrides):
    data = {
        "department": "CIVIL_AFFAIRS",
        "kind": "生活保障",
        "description": "按月发放困境儿童基本生活费",
        "dueDate": (today() + timedelta(days=30)).isoformat(),
        "owner": "大峪街道民政科",
    }
    data.update(overrides)
    return data


def _add(registry, as_user, child_id, by="worker.110109001", **overrides):
    response = registry.post(
        f"/children/{child_id}/plan/measures", json=_measure(**overrides), headers=as_user(by)
    )
    assert response.status_code == 201, response.text
    return response.json()


def _patch(registry, as_user, measure, body, by="worker.110109001", version=None):
    return registry.patch(
        f"/plan-measures/{measure['id']}",
        params={"version": measure["version"] if version is None else version},
        json=body,
        headers=as_user(by),
    )


def _rows(registry, model):
    with Session(registry.app.state.engine) as session:
        return session.exec(select(model)).all()


def _events(registry, event_type):
    return [
        json.loads(r.payload)["data"]
        for r in _rows(registry, OutboxRow)
        if r.event_type == event_type
    ]


# ---- adding and reading ---------------------------------------------------------------------


def test_adding_a_measure_keeps_it_with_history_and_event(registry, as_user):
    child = _register(registry, as_user)
    measure = _add(registry, as_user, child["id"], department="EDUCATION", kind="送教上门")
    assert measure["version"] == 1
    assert measure["status"] == "PLANNED"
    assert measure["createdBy"] == "worker.110109001"
    assert measure["sourceRef"] is None

    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user("education.district"))
    assert plan.status_code == 200
    assert plan.json()["childId"] == child["id"]
    assert [m["id"] for m in plan.json()["measures"]] == [measure["id"]]

    (entry,) = [h for h in _rows(registry, ChildHistory) if h.operation == "PLAN_MEASURE_ADDED"]
    assert entry.actor == "worker.110109001"
    assert entry.after["measureId"] == measure["id"]
    assert entry.after["kind"] == "送教上门"

    (row,) = [
        r for r in _rows(registry, OutboxRow) if r.event_type == "registry.plan.measure_added"
    ]
    assert row.key == child["id"]
    assert json.loads(row.payload)["data"] == {
        "childId": child["id"],
        "measureId": measure["id"],
        "version": 1,
        "department": "EDUCATION",
        "kind": "送教上门",
        "status": "PLANNED",
        "dueDate": measure["dueDate"],
        "sourceRef": None,
        "residenceDivisionCode": VILLAGE,
        "addedBy": "worker.110109001",
    }


def test_the_plan_collects_every_departments_measures_in_order(registry, as_user):
    child = _register(registry, as_user)
    first = _add(registry, as_user, child["id"], by="police.district", department="POLICE")
    second = _add(registry, as_user, child["id"], by="health.district", department="HEALTH")
    third = _add(registry, as_user, child["id"], by="admin.district", department="HOUSING")
    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user("admin.district"))
    assert [m["id"] for m in plan.json()["measures"]] == [first["id"], second["id"], third["id"]]
    # A department reads its own part of the plan only (docs/access-policy.md).
    own = registry.get(f"/children/{child['id']}/plan", headers=as_user("police.district"))
    assert [m["id"] for m in own.json()["measures"]] == [first["id"]]


def test_reading_the_plan_is_logged(registry, as_user, logged_reads):
    child = _register(registry, as_user)
    registry.get(
        f"/children/{child['id']}/plan",
        headers=as_gateway(as_user("health.district"), "ChildPlan"),
    )
    (entry,) = [e for e in logged_reads() if e.parts == "plan"]
    assert (entry.actor, entry.operation) == ("health.district", "ChildPlan")


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("admin.district", 200),
        ("clerk.district", 200),
        ("clerk.110109001", 200),
        ("worker.110109001", 200),
        ("supervisor.110109001001", 200),
        ("police.district", 200),
        ("education.district", 200),
        ("health.district", 200),
        ("youthleague.district", 200),
        ("worker.110109101", 404),
        ("supervisor.110109101001", 404),
        ("reporter.school.110109001", 403),
        ("auditor.district", 403),
    ],
)
def test_the_plan_is_read_within_read_scope(registry, as_user, username, status):
    child = _register(registry, as_user)
    _add(registry, as_user, child["id"])
    response = registry.get(f"/children/{child['id']}/plan", headers=as_user(username))
    assert response.status_code == status, response.text


# ---- who writes which measures --------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("admin.district", 201),
        ("worker.110109001", 201),
        ("worker.110109101", 404),
        ("supervisor.110109001001", 403),
        ("supervisor.110109101001", 404),
        ("clerk.district", 403),
        ("clerk.110109001", 403),
        ("police.district", 403),
        ("education.district", 403),
        ("health.district", 403),
        ("youthleague.district", 403),
        ("reporter.school.110109001", 403),
        ("auditor.district", 403),
    ],
)
def test_civil_affairs_measures_are_written_by_civil_affairs_and_town_workers_in_scope(
    registry, as_user, username, status
):
    child = _register(registry, as_user)
    response = registry.post(
        f"/children/{child['id']}/plan/measures",
        json=_measure(department="CIVIL_AFFAIRS"),
        headers=as_user(username),
    )
    assert response.status_code == status, response.text
    assert len(_rows(registry, PlanMeasure)) == (1 if status == 201 else 0)


@pytest.mark.parametrize(
    ("username", "department", "status"),
    [
        ("police.district", "POLICE", 201),
        ("police.district", "EDUCATION", 403),
        ("education.district", "EDUCATION", 201),
        ("education.district", "HEALTH", 403),
        ("health.district", "HEALTH", 201),
        ("health.district", "CIVIL_AFFAIRS", 403),
        ("youthleague.district", "MASS_ORGANISATION", 201),
        ("youthleague.district", "JUDICIAL", 403),
        ("worker.110109101", "HOUSING", 201),
        ("admin.district", "JUDICIAL", 201),
    ],
)
def test_departments_write_only_their_own_measures_district_wide(
    registry, as_user, username, department, status
):
    child = _register(registry, as_user, village=OTHER_TOWN_VILLAGE)
    response = registry.post(
        f"/children/{child['id']}/plan/measures",
        json=_measure(department=department),
        headers=as_user(username),
    )
    assert response.status_code == status, response.text
    if status == 403:
        assert response.json()["code"] == "FORBIDDEN"
        assert _rows(registry, PlanMeasure) == []


# ---- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"kind": "  "}, "kind", "措施类型不能为空"),
        ({"kind": "类" * 51}, "kind", "过长"),
        ({"description": ""}, "description", "措施内容不能为空"),
        ({"department": "ARMY"}, "department", "取值不在允许范围内"),
        ({"department": None}, "department", None),
        ({"status": "MAYBE"}, "status", "取值不在允许范围内"),
        ({"status": "CANCELLED"}, "status", "不能新增已取消的措施"),
        ({"dueDate": "2026-13-01"}, "dueDate", None),
        ({"dueDate": "0001-01-01"}, "dueDate", "完成期限不能早于1900年1月1日"),
        ({"dueDate": "9999-12-31"}, "dueDate", "完成期限不能晚于10年后的今天"),
        ({"owner": "人" * 101}, "owner", "过长"),
    ],
    ids=[
        "empty-kind",
        "long-kind",
        "empty-description",
        "unknown-department",
        "no-department",
        "unknown-status",
        "born-cancelled",
        "bad-date",
        "due-in-year-1",
        "due-in-year-9999",
        "long-owner",
    ],
)
def test_bad_measures_are_validation_failed_and_write_nothing(
    registry, as_user, overrides, field, message
):
    child = _register(registry, as_user)
    response = registry.post(
        f"/children/{child['id']}/plan/measures",
        json=_measure(**overrides),
        headers=as_user("admin.district"),
    )
    assert response.status_code == 422, response.text
    assert field in response.json()["fields"]
    if message:
        assert response.json()["fields"][field] == message
    assert _rows(registry, PlanMeasure) == []
    assert _events(registry, "registry.plan.measure_added") == []


def test_no_new_measures_for_an_exited_child(registry, as_user):
    child = _register(registry, as_user)
    registry.post(
        f"/children/{child['id']}/exit",
        params={"version": child["version"]},
        json={"reason": "CONDITIONS_ENDED"},
        headers=as_user("clerk.district"),
    )
    response = registry.post(
        f"/children/{child['id']}/plan/measures",
        json=_measure(),
        headers=as_user("admin.district"),
    )
    assert response.status_code == 422
    assert response.json()["fields"] == {"status": "已退出的儿童不能新增帮扶措施"}


# ---- changing a measure ---------------------------------------------------------------------


def test_a_change_bumps_the_version_with_history_and_event(registry, as_user):
    child = _register(registry, as_user)
    measure = _add(registry, as_user, child["id"])
    response = _patch(
        registry, as_user, measure, {"status": "IN_PROGRESS", "owner": "王社工", "reason": "已启动"}
    )
    assert response.status_code == 200, response.text
    changed = response.json()
    assert (changed["version"], changed["status"], changed["owner"]) == (
        2,
        "IN_PROGRESS",
        "王社工",
    )
    (entry,) = [h for h in _rows(registry, ChildHistory) if h.operation == "PLAN_MEASURE_UPDATED"]
    assert entry.reason == "已启动"
    assert entry.before == {
        "measureId": measure["id"],
        "owner": "大峪街道民政科",
        "status": "PLANNED",
    }
    assert entry.after == {"measureId": measure["id"], "owner": "王社工", "status": "IN_PROGRESS"}
    (event,) = _events(registry, "registry.plan.measure_updated")
    assert event == {
        "childId": child["id"],
        "measureId": measure["id"],
        "version": 2,
        "changed": ["owner", "status"],
        "department": "CIVIL_AFFAIRS",
        "kind": "生活保障",
        "status": "IN_PROGRESS",
        "dueDate": measure["dueDate"],
        "sourceRef": None,
        "residenceDivisionCode": VILLAGE,
        "updatedBy": "worker.110109001",
    }


def test_a_stale_version_is_conflict_and_changes_nothing(registry, as_user):
    child = _register(registry, as_user)
    measure = _add(registry, as_user, child["id"])
    assert _patch(registry, as_user, measure, {"status": "IN_PROGRESS"}).status_code == 200
    stale = _patch(registry, as_user, measure, {"description": "改写"}, by="admin.district")
    assert stale.status_code == 409
    assert stale.json()["code"] == "CONFLICT"
    (row,) = _rows(registry, PlanMeasure)
    assert (row.version, row.description) == (2, "按月发放困境儿童基本生活费")
    assert len(_events(registry, "registry.plan.measure_updated")) == 1


def test_the_version_guard_holds_against_a_concurrent_writer(registry, as_user):
    child = _register(registry, as_user)
    measure = _add(registry, as_user, child["id"])
    engine = registry.app.state.engine
    with Session(engine) as mine:
        row = mine.get(PlanMeasure, measure["id"])
        with Session(engine) as theirs:
            theirs.exec(
                update(PlanMeasure)
                .where(col(PlanMeasure.id) == measure["id"])
                .values(version=2, status="DONE")
            )
            theirs.commit()
        assert row.version == 1
        assert not repository.update_at_version(mine, row, 1, {"status": "CANCELLED"})
        mine.rollback()
    (stored,) = _rows(registry, PlanMeasure)
    assert (stored.version, stored.status) == (2, "DONE")


def test_a_change_that_changes_nothing_keeps_the_version(registry, as_user):
    child = _register(registry, as_user)
    measure = _add(registry, as_user, child["id"])
    response = _patch(registry, as_user, measure, {"kind": "生活保障"})
    assert response.status_code == 200
    assert response.json()["version"] == 1
    assert _events(registry, "registry.plan.measure_updated") == []


def test_due_date_and_owner_can_be_cleared(registry, as_user):
    child = _register(registry, as_user)
    measure = _add(registry, as_user, child["id"])
    response = _patch(registry, as_user, measure, {"dueDate": None, "owner": None})
    assert response.status_code == 200, response.text
    assert (response.json()["dueDate"], response.json()["owner"]) == (None, None)


@pytest.mark.parametrize(
    ("path", "body", "field", "message"),
    [
        (["DONE"], {"status": "IN_PROGRESS"}, "status", "措施状态不能从已完成改为实施中"),
        (["CANCELLED"], {"status": "PLANNED"}, "status", "措施状态不能从已取消改为计划中"),
        (["IN_PROGRESS"], {"status": "PLANNED"}, "status", "措施状态不能从实施中改为计划中"),
        (["DONE"], {"description": "补记"}, "status", "已完成的措施不能修改"),
        ([], {"kind": ""}, "kind", "措施类型不能为空"),
        ([], {"description": " "}, "description", "措施内容不能为空"),
        ([], {"department": None}, "department", "不能为空"),
        ([], {"status": "LATER"}, "status", "取值不在允许范围内"),
    ],
    ids=[
        "reopen-done",
        "revive-cancelled",
        "back-to-planned",
        "edit-done",
        "empty-kind",
        "empty-description",
        "no-department",
        "unknown-status",
    ],
)
def test_bad_changes_are_validation_failed(registry, as_user, path, body, field, message):
    child = _register(registry, as_user)
    measure = _add(registry, as_user, child["id"])
    for status in path:
        response = _patch(registry, as_user, measure, {"status": status})
        assert response.status_code == 200, response.text
        measure = response.json()
    response = _patch(registry, as_user, measure, body)
    assert response.status_code == 422, response.text
    assert response.json()["fields"][field] == message
    (row,) = _rows(registry, PlanMeasure)
    assert row.version == measure["version"]


@pytest.mark.parametrize(
    ("username", "department", "body", "status"),
    [
        ("admin.district", "EDUCATION", {"status": "DONE"}, 200),
        ("worker.110109001", "EDUCATION", {"department": "HEALTH"}, 200),
        ("education.district", "EDUCATION", {"status": "DONE"}, 200),
        ("education.district", "EDUCATION", {"department": "POLICE"}, 403),
        ("police.district", "EDUCATION", {"status": "DONE"}, 403),
        ("youthleague.district", "MASS_ORGANISATION", {"status": "DONE"}, 200),
        ("worker.110109101", "EDUCATION", {"status": "DONE"}, 404),
        ("supervisor.110109001001", "EDUCATION", {"status": "DONE"}, 403),
        ("clerk.110109001", "EDUCATION", {"status": "DONE"}, 403),
        ("reporter.school.110109001", "EDUCATION", {"status": "DONE"}, 403),
        ("auditor.district", "EDUCATION", {"status": "DONE"}, 403),
    ],
)
def test_changes_follow_the_same_writers(registry, as_user, username, department, body, status):
    child = _register(registry, as_user)
    measure = _add(registry, as_user, child["id"], by="admin.district", department=department)
    response = _patch(registry, as_user, measure, body, by=username)
    assert response.status_code == status, response.text
    (row,) = _rows(registry, PlanMeasure)
    assert row.version == (2 if status == 200 else 1)


def test_an_unknown_measure_is_not_found(registry, as_user):
    response = registry.patch(
        "/plan-measures/nope", params={"version": 1}, json={}, headers=as_user("admin.district")
    )
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"


def test_a_missing_version_is_validation_failed(registry, as_user):
    child = _register(registry, as_user)
    measure = _add(registry, as_user, child["id"])
    response = registry.patch(
        f"/plan-measures/{measure['id']}", json={}, headers=as_user("admin.district")
    )
    assert response.status_code == 422
    assert "version" in response.json()["fields"]


# ---- measures kept in step with a department's own system -------------------------------------


def _upsert(registry, child_id, source_ref="education:aid:42", **overrides):
    values = {
        "department": Department.EDUCATION,
        "kind": "教育资助",
        "description": "义务教育阶段生活补助",
        "status": MeasureStatus.PLANNED,
        "due_date": today() + timedelta(days=60),
        "owner": "区教委资助中心",
        "actor": "education",
    }
    values.update(overrides)
    with Session(registry.app.state.engine) as session:
        measure = upsert_measure_from_event(session, child_id, source_ref, **values)
        session.commit()
        return measure.id, measure.version


def test_upserting_by_source_ref_creates_once_then_keeps_in_step(registry, as_user):
    child = _register(registry, as_user)
    measure_id, version = _upsert(registry, child["id"])
    assert version == 1
    assert _upsert(registry, child["id"]) == (measure_id, 1)  # redelivered: nothing changes
    assert len(_events(registry, "registry.plan.measure_added")) == 1
    assert _events(registry, "registry.plan.measure_updated") == []

    assert _upsert(registry, child["id"], status=MeasureStatus.DONE) == (measure_id, 2)
    (row,) = _rows(registry, PlanMeasure)
    assert (row.source_ref, row.status, row.created_by) == ("education:aid:42", "DONE", "education")
    (added,) = _events(registry, "registry.plan.measure_added")
    assert added["sourceRef"] == "education:aid:42"
    assert added["addedBy"] == "education"
    (updated,) = _events(registry, "registry.plan.measure_updated")
    assert (updated["changed"], updated["status"], updated["version"]) == (["status"], "DONE", 2)
    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user("admin.district"))
    assert plan.json()["measures"][0]["sourceRef"] == "education:aid:42"


def test_an_upsert_cannot_move_a_source_ref_to_another_child(registry, as_user):
    first = _register(registry, as_user)
    second = _register(registry, as_user, "李小刚", seq=10)
    _upsert(registry, first["id"])
    with pytest.raises(ValidationFailed) as failed:
        _upsert(registry, second["id"])
    assert "sourceRef" in failed.value.fields


def test_an_upsert_for_an_unknown_child_is_not_found(registry):
    with pytest.raises(NotFound):
        _upsert(registry, "nope")


@pytest.mark.parametrize(
    ("source_ref", "overrides", "field"),
    [(" ", {}, "sourceRef"), ("r" * 201, {}, "sourceRef"), ("x:1", {"kind": ""}, "kind")],
)
def test_an_upsert_with_bad_values_writes_nothing(registry, as_user, source_ref, overrides, field):
    child = _register(registry, as_user)
    with pytest.raises(ValidationFailed) as failed:
        _upsert(registry, child["id"], source_ref, **overrides)
    assert field in failed.value.fields
    assert _rows(registry, PlanMeasure) == []


def test_a_benefit_shows_on_the_plan_once_however_often_its_event_arrives(registry, as_user):
    from shouhu.platform.events import Envelope
    from shouhu.platform.transport import Message
    from shouhu.platform.worker import EventConsumer
    from shouhu.registry.plans.handlers import HANDLERS

    child = _register(registry, as_user)
    consumer = EventConsumer("registry", registry.app.state.engine, HANDLERS)

    def event(status: str) -> Envelope:
        return Envelope(
            type="benefits.entitlement.changed",
            source="benefits",
            subject=child["id"],
            data={
                "childId": child["id"],
                "planMeasure": {
                    "sourceRef": "benefits:entitlement:e-1",
                    "department": "CIVIL_AFFAIRS",
                    "kind": "困境儿童生活保障",
                    "description": "困境儿童生活保障，每月发放",
                    "status": status,
                    "dueDate": None,
                },
            },
        )

    granted = event("IN_PROGRESS")
    message = Message(topic="shouhu.benefits", key=child["id"], value=granted.to_bytes())
    consumer.handle(message)
    consumer.handle(message)
    consumer.handle(
        Message(topic="shouhu.benefits", key=child["id"], value=event("DONE").to_bytes())
    )
    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user("clerk.district")).json()
    (measure,) = plan["measures"]
    assert (measure["department"], measure["status"], measure["sourceRef"]) == (
        "CIVIL_AFFAIRS",
        "DONE",
        "benefits:entitlement:e-1",
    )


EDUCATION_EVENTS = Path(__file__).resolve().parents[2] / "education" / "events"


def test_the_aid_decided_fields_read_are_required_by_education_s_published_schema():
    from shouhu.registry.plans.handlers import AID_DECIDED, EDUCATION_HANDLERS

    assert set(EDUCATION_HANDLERS) == {AID_DECIDED}
    schema = json.loads((EDUCATION_EVENTS / f"{AID_DECIDED}.v1.json").read_text(encoding="utf-8"))
    assert {"childId", "planMeasures"} <= set(schema["required"])
    ref = schema["properties"]["planMeasures"]["items"]["$ref"].rsplit("/", 1)[-1]
    measure = schema["$defs"][ref]
    read = {"sourceRef", "department", "kind", "description", "status"}
    assert read <= set(measure["required"])


def test_education_s_aid_shows_on_the_plan_once_and_is_cancelled_when_it_stops(registry, as_user):
    from shouhu.platform.events import Envelope
    from shouhu.platform.transport import Message
    from shouhu.platform.worker import EventConsumer
    from shouhu.registry.plans.handlers import EDUCATION_HANDLERS

    child = _register(registry, as_user)
    consumer = EventConsumer("registry", registry.app.state.engine, EDUCATION_HANDLERS)
    ref = f"education-aid:{child['id']}:SENIOR_NATIONAL_GRANT"

    def event(status: str, description: str) -> Envelope:
        return Envelope(
            type="education.aid.decided",
            source="education",
            subject=child["id"],
            data={
                "childId": child["id"],
                "planMeasures": [
                    {
                        "sourceRef": ref,
                        "department": "EDUCATION",
                        "kind": "教育资助",
                        "description": description,
                        "status": status,
                    }
                ],
            },
        )

    granted = Message(
        topic="shouhu.education",
        key=child["id"],
        value=event("IN_PROGRESS", "普通高中国家助学金：每年2,000.00元").to_bytes(),
    )
    consumer.handle(granted)
    consumer.handle(granted)
    stopped = event("CANCELLED", "普通高中国家助学金：停止资助（不符合条件：休学期间不予资助）")
    consumer.handle(Message(topic="shouhu.education", key=child["id"], value=stopped.to_bytes()))
    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user("clerk.district")).json()
    (measure,) = plan["measures"]
    assert (measure["department"], measure["status"], measure["sourceRef"]) == (
        "EDUCATION",
        "CANCELLED",
        ref,
    )
    assert "休学" in measure["description"]


VOLUNTEERS_EVENTS = Path(__file__).resolve().parents[2] / "volunteers" / "events"


def test_a_volunteer_s_pairing_shows_on_the_plan_and_is_done_when_it_ends(registry, as_user):
    from shouhu.platform.events import Envelope
    from shouhu.platform.transport import Message
    from shouhu.platform.worker import EventConsumer
    from shouhu.registry.plans.handlers import (
        FAMILY_LINKED,
        FAMILY_UNLINKED,
        PAIRING_CHANGED,
        VOLUNTEERS_HANDLERS,
    )

    assert set(VOLUNTEERS_HANDLERS) == {*PAIRING_CHANGED, FAMILY_LINKED, FAMILY_UNLINKED}
    for event_type in PAIRING_CHANGED:
        path = VOLUNTEERS_EVENTS / f"{event_type}.v1.json"
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert {"childId", "planMeasure"} <= set(schema["required"])
    child = _register(registry, as_user)
    consumer = EventConsumer("registry", registry.app.state.engine, VOLUNTEERS_HANDLERS)
    ref = "volunteers:pairing:p-1"

    def event(event_type: str, status: str, description: str) -> Message:
        envelope = Envelope(
            type=event_type,
            source="volunteers",
            subject=child["id"],
            data={
                "childId": child["id"],
                "planMeasure": {
                    "sourceRef": ref,
                    "department": "MASS_ORGANISATION",
                    "kind": "一对一帮扶",
                    "description": description,
                    "status": status,
                },
            },
        )
        return Message(topic="shouhu.volunteers", key=child["id"], value=envelope.to_bytes())

    consumer.handle(event("volunteers.pairing.started", "IN_PROGRESS", "志愿者李某一对一帮扶"))
    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user("clerk.district")).json()
    (measure,) = plan["measures"]
    assert (measure["department"], measure["status"]) == ("MASS_ORGANISATION", "IN_PROGRESS")
    consumer.handle(event("volunteers.pairing.suspended", "PLANNED", "志愿者李某一对一帮扶，暂停"))
    consumer.handle(event("volunteers.pairing.resumed", "IN_PROGRESS", "志愿者李某一对一帮扶"))
    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user("clerk.district")).json()
    (measure,) = plan["measures"]
    assert measure["status"] == "IN_PROGRESS"  # suspended, then resumed on renewed vetting
    consumer.handle(event("volunteers.pairing.ended", "DONE", "志愿者李某一对一帮扶，已结束"))
    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user("clerk.district")).json()
    (measure,) = plan["measures"]
    assert measure["status"] == "DONE" and "已结束" in measure["description"]

"""Every event education writes is what its committed schema says, with the agreed fields."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from shouhu.education.aid.events import EVENTS as AID_EVENTS
from shouhu.education.dropout.events import EVENTS as DROPOUT_EVENTS
from shouhu.education.enrolments.events import EVENTS as ENROLMENT_EVENTS
from shouhu.education.inclusive import jobs as inclusive_jobs
from shouhu.education.inclusive.events import EVENTS as INCLUSIVE_EVENTS
from shouhu.education.tasks.events import EVENTS as TASK_EVENTS
from shouhu.platform.contracts import incompatibilities

SCHEMAS = Path(__file__).resolve().parents[1] / "events"
DEPARTMENT = "education.district"
EVENTS = {**ENROLMENT_EVENTS, **DROPOUT_EVENTS, **AID_EVENTS, **TASK_EVENTS, **INCLUSIVE_EVENTS}
FIELDS = {
    "education.enrolment.changed": {
        "childId",
        "enrolmentId",
        "change",
        "status",
        "schoolCode",
        "schoolName",
        "schoolTownCode",
        "stage",
        "grade",
        "since",
        "on",
        "endReason",
        "transferredFrom",
        "transferredTo",
        "residenceDivisionCode",
        "townDivisionCode",
        "changedBy",
    },
    "education.dropout_risk.opened": {
        "riskId",
        "childId",
        "reason",
        "openedOn",
        "dueOn",
        "residenceDivisionCode",
        "townDivisionCode",
    },
    "education.dropout_risk.closed": {
        "riskId",
        "childId",
        "reason",
        "status",
        "outcome",
        "openedOn",
        "closedOn",
        "exemptionReason",
        "residenceDivisionCode",
        "townDivisionCode",
        "closedBy",
    },
    "education.dropout_risk.overdue": {
        "riskId",
        "childId",
        "reason",
        "openedOn",
        "dueOn",
        "residenceDivisionCode",
        "townDivisionCode",
    },
    "education.aid.decided": {
        "childId",
        "decidedOn",
        "trigger",
        "ruleVersion",
        "stage",
        "residenceDivisionCode",
        "townDivisionCode",
        "outcomes",
        "planMeasures",
    },
    "education.task.updated": {"taskId", "intakeId", "childId", "status", "outcome", "actor"},
    "education.home_teaching.session_recorded": {
        "sessionId",
        "planId",
        "childId",
        "on",
        "hours",
        "counted",
        "schoolCode",
        "residenceDivisionCode",
        "townDivisionCode",
        "recordedBy",
    },
    "education.home_teaching.sessions_missed": {
        "planId",
        "childId",
        "month",
        "expected",
        "held",
        "schoolCode",
        "schoolName",
        "residenceDivisionCode",
        "townDivisionCode",
    },
}


def _schema(event_type: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(
        (SCHEMAS / f"{event_type}.v1.json").read_text(encoding="utf-8")
    )
    return loaded


def test_each_event_has_a_committed_compatible_schema_with_the_agreed_fields():
    assert {event_type for event_type, _ in EVENTS} == set(FIELDS)
    for (event_type, version), model in EVENTS.items():
        published = _schema(event_type)
        assert version == 1
        assert incompatibilities(published, model.model_json_schema(by_alias=True)) == []
        assert set(published["properties"]) == FIELDS[event_type]  # type: ignore[arg-type]


def test_every_payload_written_validates_against_its_schema(education, harness, as_user):
    child_id = harness.child()
    body = {"schoolCode": "2111090002", "stage": "PRIMARY", "grade": 1, "since": "2022-09-01"}
    first = education.post(
        f"/children/{child_id}/enrolments", json=body, headers=as_user(DEPARTMENT)
    ).json()
    path = f"/enrolments/{first['id']}"
    education.post(f"{path}/suspend", json={"on": "2023-03-01"}, headers=as_user(DEPARTMENT))
    education.post(f"{path}/resume", json={"on": "2023-09-01"}, headers=as_user(DEPARTMENT))
    moved = education.post(
        f"{path}/transfer",
        json={**body, "schoolCode": "2111090004", "grade": 3, "since": "2024-09-01"},
        headers=as_user(DEPARTMENT),
    ).json()
    education.post(
        f"/enrolments/{moved['id']}/end",
        json={"reason": "MOVED_OUT_OF_DISTRICT"},
        headers=as_user(DEPARTMENT),
    )
    events = harness.events()
    assert [e.get("change") or e["type"] for e in events] == [
        "education.dropout_risk.opened",  # a child of 10 with no school: at risk
        "RECORDED",
        "education.dropout_risk.closed",  # enrolled: resolved
        "SUSPENDED",
        "RESUMED",
        "ENDED",
        "RECORDED",
        "ENDED",
        "education.dropout_risk.opened",  # moved out of the district, not exited: at risk again
    ]
    for event in events:
        payload = {k: v for k, v in event.items() if k not in {"type", "topic"}}
        jsonschema.validate(payload, _schema(event["type"]))
        assert set(payload) == FIELDS[event["type"]]


def test_aid_and_task_payloads_written_validate_against_their_schemas(
    education, harness, ev, as_user
):
    from datetime import date

    born = date(2010, 3, 1)
    child_id = harness.child(birth=born)
    harness.deliver(ev.classified(child_id, ["MINIMUM_SUBSISTENCE_FAMILY"], birth=born))
    body = {"schoolCode": "2111090003", "stage": "SENIOR_SECONDARY", "grade": 1}
    made = education.post(
        f"/children/{child_id}/enrolments",
        json={**body, "since": "2025-09-01"},
        headers=as_user(DEPARTMENT),
    ).json()
    education.post(f"/enrolments/{made['id']}/suspend", json={}, headers=as_user(DEPARTMENT))
    harness.deliver(ev.task_created(child_id))
    written = harness.events("education.aid.decided") + harness.events("education.task.updated")
    assert [e["type"] for e in written] == ["education.aid.decided"] * 2 + [
        "education.task.updated"
    ]
    for event in written:
        payload = {k: v for k, v in event.items() if k not in {"type", "topic"}}
        jsonschema.validate(payload, _schema(event["type"]))
        assert set(payload) == FIELDS[event["type"]]


def test_home_teaching_payloads_written_validate_against_their_schemas(
    education, harness, ev, as_user
):
    from datetime import date, timedelta

    from shouhu.platform.clock import today

    born = date(2016, 3, 1)
    child_id = harness.child(birth=born)
    harness.deliver(ev.classified(child_id, ["DISABLED"], birth=born))
    month = today().replace(day=1)
    since = (month - timedelta(days=1)).replace(day=1)
    placement = {
        "kind": "HOME_TEACHING",
        "schoolCode": "2111090002",
        "assessment": {
            "on": since.isoformat(),
            "by": "区残疾儿童入学评估委员会",
            "summary": "送教",
        },
        "since": since.isoformat(),
    }
    headers = as_user(DEPARTMENT)
    assert education.post(f"/children/{child_id}/placements", json=placement, headers=headers)
    plan = {"teacherName": "王老师", "since": since.isoformat()}
    assert education.post(f"/children/{child_id}/home-teaching", json=plan, headers=headers)
    session = {"on": since.isoformat(), "hours": 2, "content": "识字"}
    education.post(f"/children/{child_id}/home-teaching/sessions", json=session, headers=headers)
    inclusive_jobs.check(education.app.state.engine, month)
    written = [e for e in harness.events() if e["type"].startswith("education.home_teaching.")]
    assert [e["type"] for e in written] == [
        "education.home_teaching.session_recorded",
        "education.home_teaching.sessions_missed",
    ]
    for event in written:
        payload = {k: v for k, v in event.items() if k not in {"type", "topic"}}
        jsonschema.validate(payload, _schema(event["type"]))
        assert set(payload) == FIELDS[event["type"]]

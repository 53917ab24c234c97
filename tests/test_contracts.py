"""Committed contracts match the code; event payloads stay compatible and consumable."""

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, SQLModel, select

from shouhu.notifications.handlers import REGISTRY_HANDLERS as HANDLERS
from shouhu.notifications.models import Notification, PostHolder
from shouhu.platform.contracts import incompatibilities
from shouhu.platform.db import make_engine
from shouhu.platform.events import Envelope, OutboxRow
from shouhu.registry.children.events import CHILD_REGISTERED, EVENTS, ChildRegistered

ROOT = Path(__file__).resolve().parents[1]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_committed_contracts_match_the_code():
    result = subprocess.run(
        [sys.executable, "scripts/contracts.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_published_event_has_a_committed_compatible_schema():
    for (event_type, version), model in EVENTS.items():
        path = ROOT / "services/registry/events" / f"{event_type}.v{version}.json"
        published = json.loads(path.read_text(encoding="utf-8"))
        assert incompatibilities(published, model.model_json_schema(by_alias=True)) == []


def test_notifications_consumes_the_published_child_registered_payload(tmp_path):
    published = json.loads(
        (ROOT / "services/registry/events/registry.child.registered.v1.json").read_text()
    )
    example = {
        "childId": "c-1",
        "name": "王小红",
        "gender": "FEMALE",
        "birthDate": "2014-05-20",
        "residenceDivisionCode": "110109001001",
        "townDivisionCode": "110109001",
        "registeredBy": "clerk.district",
    }
    assert set(example) == set(published["required"])
    ChildRegistered.model_validate(example)
    engine = make_engine(f"sqlite:///{tmp_path / 'n.db'}")
    SQLModel.metadata.create_all(engine)
    assigned = _example("registry.workforce.assigned")
    with Session(engine) as session:
        HANDLERS["registry.workforce.assigned"](
            session,
            Envelope(
                type="registry.workforce.assigned", source="registry", subject="m-1", data=assigned
            ),
        )
        assert session.exec(select(PostHolder)).one().role == "village_supervisor"
        envelope = Envelope(type=CHILD_REGISTERED, source="registry", subject="c-1", data=example)
        HANDLERS[CHILD_REGISTERED](session, envelope)
        session.commit()
        notification = session.exec(select(Notification)).one()
    assert notification.recipient_division == "110109001001"
    assert notification.recipient_role == "village_supervisor"
    assert "王小红" in notification.body


def _example(event_type: str) -> dict[str, object]:
    """A payload with every required field of the published schema (the workforce's events)."""
    published = json.loads((ROOT / f"services/registry/events/{event_type}.v1.json").read_text())
    example: dict[str, object] = {
        "memberId": "m-1",
        "divisionCode": "110109001001",
        "post": "SUPERVISOR",
        "role": "village_supervisor",
        "username": "supervisor.110109001001",
        "name": "王秀兰",
        "phone": "13701100102",
        "since": "2023-03-01",
        "until": "2024-01-01",
    }
    return {k: v for k, v in example.items() if k in set(published["required"])}


def test_notifications_consumes_the_published_workforce_payloads(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'n.db'}")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        for event_type in ("registry.workforce.assigned", "registry.workforce.ended"):
            envelope = Envelope(
                type=event_type, source="registry", subject="m-1", data=_example(event_type)
            )
            HANDLERS[event_type](session, envelope)
        session.commit()
        holder = session.exec(select(PostHolder)).one()
    assert (holder.username, str(holder.until)) == ("supervisor.110109001001", "2024-01-01")


def _document(service: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        (ROOT / "services" / service / "openapi.json").read_text(encoding="utf-8")
    )
    return document


def _operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            yield method, path, operation


PUBLIC = {
    "/healthz",
    "/readyz",
    "/imports/template.csv",
    "/imports/template.xlsx",
    "/rosters/template.csv",
    "/rosters/template.xlsx",
}


@pytest.mark.parametrize("service", ["registry", "benefits", "education", "notifications"])
def test_each_committed_document_declares_the_token_and_every_refusal(service):
    document = _document(service)
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    for method, path, operation in _operations(document):
        answers = operation["responses"]
        refusals = {status: answer for status, answer in answers.items() if status >= "400"}
        assert "500" in refusals, (method, path)
        if path in PUBLIC:
            assert "security" not in operation, (method, path)
            continue
        assert operation["security"] == [{"bearerAuth": []}], (method, path)
        assert {"401", "403", "404"} <= set(refusals), (method, path)
        for answer in refusals.values():
            assert answer["$ref"].startswith("#/components/responses/"), (method, path)
    for answer in document["components"]["responses"].values():
        assert answer["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }


def test_the_limits_the_services_enforce_are_in_their_documents():
    registry, benefits = _document("registry"), _document("benefits")
    schemas = registry["components"]["schemas"]
    search = schemas["SearchRequest"]["properties"]
    assert (search["first"]["minimum"], search["first"]["maximum"]) == (1, 100)
    assert schemas["BatchRequest"]["properties"]["ids"]["maxItems"] == 100
    assert schemas["SetVisitInterval"]["properties"]["intervalDays"]["maximum"] == 730
    overdue = {
        p["name"]: p["schema"] for p in registry["paths"]["/visits/overdue"]["get"]["parameters"]
    }
    assert overdue["first"]["maximum"] == 100
    standard = benefits["components"]["schemas"]["SetStandard"]["properties"]["monthlyAmountFen"]
    assert (standard["minimum"], standard["maximum"]) == (0, 10_000_000)
    assert benefits["components"]["schemas"]["RunBatch"]["properties"]["month"]["pattern"]


@pytest.mark.parametrize(
    ("service", "path", "media_type"),
    [
        ("registry", "/imports/template.csv", "text/csv"),
        ("registry", "/imports/template.xlsx", XLSX),
        ("education", "/rosters/template.csv", "text/csv"),
        ("education", "/rosters/template.xlsx", XLSX),
        ("benefits", "/payment-batches/{month}/export.csv", "text/csv"),
        ("benefits", "/payment-batches/{month}/export.xlsx", XLSX),
    ],
)
def test_downloads_are_documented_with_their_real_content_type(service, path, media_type):
    ok = _document(service)["paths"][path]["get"]["responses"]["200"]
    assert list(ok["content"]) == [media_type]


# The single window's payloads, as the services built against them expect them (camelCase).
INTAKE_FIELDS = {
    "registry.intake.submitted": {
        "intakeId",
        "receiptNumber",
        "childId",
        "childName",
        "divisionCode",
        "clerk",
        "clerkDivisionCode",
        "applicantName",
        "applicantRelation",
        "applicantPhone",
        "needs",
        "submittedAt",
        "tasks",
    },
    **{
        f"registry.intake.{step}": {
            "taskId",
            "intakeId",
            "receiptNumber",
            "childId",
            "divisionCode",
            "department",
            "need",
            "status",
            "dueAt",
            "actor",
            "at",
            "note",
            "clerk",
            "applicantPhone",
        }
        for step in (
            "task_created",
            "task_accepted",
            "materials_requested",
            "materials_received",
            "task_completed",
            "task_declined",
        )
    },
    "registry.intake.completed": {
        "intakeId",
        "receiptNumber",
        "childId",
        "divisionCode",
        "clerk",
        "applicantPhone",
        "at",
        "tasks",
    },
    "registry.intake.withdrawn": {
        "intakeId",
        "receiptNumber",
        "childId",
        "divisionCode",
        "clerk",
        "applicantPhone",
        "at",
        "tasks",
    },
}
# A value for every field of the intake events, to build payloads of their required fields.
INTAKE_EXAMPLE: dict[str, object] = {
    "intakeId": "i-1",
    "receiptNumber": "MTG-2026-000001",
    "childId": "c-1",
    "childName": "王小红",
    "divisionCode": "110109001001",
    "clerk": "clerk.110109001",
    "clerkDivisionCode": "110109001",
    "applicantName": "王大山",
    "applicantRelation": "PARENT",
    "applicantPhone": "13900001111",
    "needs": ["LIVING_ALLOWANCE"],
    "submittedAt": "2026-11-30T06:00:00Z",
    "taskId": "t-1",
    "department": "CIVIL_AFFAIRS",
    "need": "LIVING_ALLOWANCE",
    "status": "PENDING",
    "dueAt": "2026-12-14T15:59:59Z",
    "actor": "clerk.110109001",
    "at": "2026-11-30T06:00:00Z",
    "note": None,
    "tasks": [
        {
            "taskId": "t-1",
            "department": "CIVIL_AFFAIRS",
            "need": "LIVING_ALLOWANCE",
            "dueAt": "2026-12-14T15:59:59Z",
            "status": "DONE",
            "outcome": "核准",
        }
    ],
}


@pytest.mark.parametrize("event_type", sorted(INTAKE_FIELDS))
def test_the_consumers_take_the_intake_events_as_published(tmp_path, event_type):
    """Notifications (and benefits, for the task created) handle a payload of exactly the
    published required fields."""
    from shouhu.benefits.app import HANDLERS as BENEFITS

    published = json.loads(
        (ROOT / f"services/registry/events/{event_type}.v1.json").read_text(encoding="utf-8")
    )
    data = {k: v for k, v in INTAKE_EXAMPLE.items() if k in set(published["required"])}
    assert set(data) == set(published["required"])
    envelope = Envelope(type=event_type, source="registry", subject="c-1", data=data)
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        assert event_type in HANDLERS
        HANDLERS[event_type](session, envelope)
        if event_type in BENEFITS:
            registered = {
                "childId": "c-1",
                "name": "王小红",
                "gender": "FEMALE",
                "birthDate": "2015-03-01",
                "residenceDivisionCode": "110109001001",
                "townDivisionCode": "110109001",
                "registeredBy": "clerk.110109001",
            }
            BENEFITS[CHILD_REGISTERED](
                session,
                Envelope(type=CHILD_REGISTERED, source="registry", subject="c-1", data=registered),
            )
            session.flush()
            BENEFITS[event_type](session, envelope)
            answered = session.exec(select(OutboxRow.event_type)).all()
            assert "benefits.task.updated" in answered
        session.commit()  # a field the handlers read and the schema lacks fails above


def test_intake_events_have_committed_compatible_schemas_with_the_agreed_fields():
    from shouhu.registry.intakes.events import EVENTS as INTAKE_EVENTS

    assert {event_type for event_type, _ in INTAKE_EVENTS} == set(INTAKE_FIELDS)
    for (event_type, version), model in INTAKE_EVENTS.items():
        path = ROOT / "services/registry/events" / f"{event_type}.v{version}.json"
        published = json.loads(path.read_text(encoding="utf-8"))
        assert incompatibilities(published, model.model_json_schema(by_alias=True)) == []
        assert set(published["properties"]) == INTAKE_FIELDS[event_type], event_type
        assert set(published["required"]) == INTAKE_FIELDS[event_type], event_type
    submitted = json.loads(
        (ROOT / "services/registry/events/registry.intake.submitted.v1.json").read_text()
    )
    task = submitted["$defs"]["SubmittedTask"]
    assert set(task["required"]) == {"taskId", "department", "need", "dueAt"}
    completed = json.loads(
        (ROOT / "services/registry/events/registry.intake.completed.v1.json").read_text()
    )
    finished = completed["$defs"]["FinishedTask"]
    assert set(finished["required"]) == {"taskId", "department", "need", "status", "outcome"}


def test_the_registry_consumes_the_published_escalation_payload(tmp_path, monkeypatch):
    """An escalation as notifications publishes it becomes a step of the task's timeline."""
    from shouhu.platform.db import migrate
    from shouhu.registry.app import MIGRATIONS
    from shouhu.registry.intakes.handlers import NOTIFICATION_HANDLERS
    from shouhu.registry.intakes.service import record_escalation

    published = json.loads(
        (ROOT / "services/notifications/events/notifications.escalated.v1.json").read_text()
    )
    example = {
        "chainId": "chain-1",
        "kind": "INTAKE_TASK_OVERDUE",
        "rung": 2,
        "ladder": "INTAKE_TASK",
        "notificationId": "n-1",
        "recipient": "区民政局",
        "childId": "c-1",
        "subjectRef": "intake-task:t-1",
        "lapsedAt": "2026-12-01T00:00:00Z",
    }
    assert set(example) == set(published["required"])
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    migrate(url, MIGRATIONS)
    seen: list[tuple[str, str, int]] = []

    def spy(session: Session, task_id: str, recipient: str, rung: int) -> bool:
        seen.append((task_id, recipient, rung))
        return record_escalation(session, task_id, recipient, rung)

    monkeypatch.setattr("shouhu.registry.intakes.service.record_escalation", spy)
    with Session(make_engine(url)) as session:
        envelope = Envelope(
            type="notifications.escalated", source="notifications", subject="c-1", data=example
        )
        NOTIFICATION_HANDLERS["notifications.escalated"](session, envelope)
    assert seen == [("t-1", "区民政局", 2)]


# Protection cases: what every case event carries, and what each adds (docs/events-cases.md).
CASE_COMMON = {
    "caseId",
    "caseNumber",
    "kind",
    "urgent",
    "divisionCode",
    "townDivisionCode",
    "childId",
    "actor",
    "at",
}
INTERVENTION_COMMON = CASE_COMMON | {"interventionId", "residenceDivisionCode"}
CASE_FIELDS = {
    "registry.case.reported": CASE_COMMON
    | {"occurredOn", "foundAt", "reporterRole", "institution"},
    "registry.case.accepted": CASE_COMMON,
    "registry.case.responded": CASE_COMMON | {"measure", "note"},
    "registry.case.missing_alert_opened": CASE_COMMON | {"childName", "note"},
    "registry.case.missing_alert_closed": CASE_COMMON | {"childName", "note"},
    "registry.case.town_notified": CASE_COMMON | {"assessmentDueAt", "note"},
    "registry.case.assessed": CASE_COMMON | {"highestRisk"},
    "registry.case.intervention_opened": INTERVENTION_COMMON | {"reason", "openedOn", "measures"},
    "registry.case.intervention_closed": INTERVENTION_COMMON | {"reason", "closedOn", "outcome"},
    "registry.case.petition_due": INTERVENTION_COMMON
    | {"reason", "interventionReason", "openedOn"},
    "registry.case.petition_filed": INTERVENTION_COMMON
    | {"interventionReason", "filedOn", "court"},
    "registry.case.petition_decided": INTERVENTION_COMMON
    | {"interventionReason", "decidedOn", "outcome", "note"},
    "registry.case.closed": CASE_COMMON | {"outcome"},
}


def _published(event_type: str) -> dict[str, Any]:
    path = ROOT / "services/registry/events" / f"{event_type}.v1.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def test_case_events_have_committed_compatible_schemas_with_the_agreed_fields():
    from shouhu.registry.cases.events import EVENTS as CASE_EVENTS

    assert {event_type for event_type, _ in CASE_EVENTS} == set(CASE_FIELDS)
    for (event_type, version), model in CASE_EVENTS.items():
        published = _published(event_type)
        assert version == 1
        assert incompatibilities(published, model.model_json_schema(by_alias=True)) == []
        assert set(published["properties"]) == CASE_FIELDS[event_type], event_type
        assert set(published["required"]) == CASE_FIELDS[event_type], event_type
    # No findings leave the registry: what was found, assessed or written stays in the case.
    every = set().union(*CASE_FIELDS.values())
    assert not every & {"description", "summary", "assessment", "safetyNote"}
    petition = _published("registry.case.petition_due")["properties"]["reason"]
    assert petition["type"] == "string"


@pytest.mark.parametrize("kind", ["opened", "closed"])
def test_benefits_consumes_the_published_intervention_payloads(tmp_path, kind):
    """Benefits takes an intervention event of exactly the published required fields."""
    from shouhu.benefits.app import HANDLERS as BENEFITS
    from shouhu.benefits.models import Intervention as Counted

    event_type = f"registry.case.intervention_{kind}"
    example: dict[str, object] = {
        "interventionId": "i-1",
        "childId": "c-1",
        "caseId": "case-1",
        "caseNumber": "MTG-BG-2026-000001",
        "kind": "NEGLECT",
        "urgent": False,
        "divisionCode": "110109001001",
        "townDivisionCode": "110109001",
        "residenceDivisionCode": "110109001001",
        "reason": "GUARDIAN_UNABLE",
        "measures": ["TEMPORARY_GUARDIANSHIP"],
        "openedOn": "2026-03-02",
        "closedOn": "2026-05-20",
        "outcome": "监护恢复",
        "actor": "worker.110109001",
        "at": "2026-03-02T02:00:00Z",
    }
    required = set(_published(event_type)["required"])
    data = {k: v for k, v in example.items() if k in required}
    assert set(data) == required
    engine = make_engine(f"sqlite:///{tmp_path / 'benefits.db'}")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        BENEFITS[event_type](
            session, Envelope(type=event_type, source="registry", subject="c-1", data=data)
        )
        session.commit()
        counted = session.exec(select(Counted)).one()
    assert (counted.case_id, counted.child_id) == ("case-1", "c-1")
    assert str(counted.opened_on if kind == "opened" else counted.closed_on) == data[f"{kind}On"]


def test_the_registry_takes_an_escalation_of_a_case_onto_its_timeline(tmp_path, monkeypatch):
    """An escalation as notifications publishes it, `subjectRef` `case:<caseId>`."""
    from shouhu.platform.db import migrate
    from shouhu.registry.app import MIGRATIONS
    from shouhu.registry.cases.handlers import NOTIFICATION_HANDLERS
    from shouhu.registry.cases.service import record_escalation

    required = set(
        json.loads(
            (ROOT / "services/notifications/events/notifications.escalated.v1.json").read_text()
        )["required"]
    )
    assert "subjectRef" in required and "recipient" in required and "rung" in required
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    migrate(url, MIGRATIONS)
    seen: list[tuple[str, str, int]] = []

    def spy(session: Session, case_id: str, recipient: str, rung: int) -> bool:
        seen.append((case_id, recipient, rung))
        return record_escalation(session, case_id, recipient, rung)

    monkeypatch.setattr("shouhu.registry.cases.service.record_escalation", spy)
    data = {"subjectRef": "case:k-1", "recipient": "公安分局指挥中心", "rung": 2}
    with Session(make_engine(url)) as session:
        envelope = Envelope(
            type="notifications.escalated", source="notifications", subject="k-1", data=data
        )
        NOTIFICATION_HANDLERS["notifications.escalated"](session, envelope)
    assert seen == [("k-1", "公安分局指挥中心", 2)]

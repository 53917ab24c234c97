"""The single window in the registry: an application, its tasks, their steps and events."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session, col, select

from shouhu.platform.clock import today
from shouhu.platform.events import OutboxRow
from shouhu.platform.testing import identity_number
from shouhu.registry.intakes import service
from shouhu.registry.models import Child, ChildHistory, DepartmentTask, Intake, IntakeStep

TOWN_CLERK = "clerk.110109001"
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

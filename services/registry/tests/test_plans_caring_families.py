"""A caring family linked to a child (volunteers' events) shows on the child's support plan as
civil affairs' measure, once however often the event arrives, and is done when unlinked."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from shouhu.platform.events import Envelope
from shouhu.platform.testing import identity_number
from shouhu.platform.transport import Message
from shouhu.platform.worker import EventConsumer
from shouhu.registry.plans.handlers import (
    FAMILY_LINKED,
    FAMILY_UNLINKED,
    VOLUNTEERS_HANDLERS,
)

VOLUNTEERS_EVENTS = Path(__file__).resolve().parents[2] / "volunteers" / "events"
BIRTH = date(2015, 4, 1)


def test_the_fields_read_are_required_by_the_published_schemas():
    for event_type in (FAMILY_LINKED, FAMILY_UNLINKED):
        path = VOLUNTEERS_EVENTS / f"{event_type}.v1.json"
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert {"childId", "planMeasure"} <= set(schema["required"])
        ref = schema["properties"]["planMeasure"]["$ref"].rsplit("/", 1)[-1]
        read = {"sourceRef", "department", "kind", "description", "status"}
        assert read <= set(schema["$defs"][ref]["required"])


def test_a_caring_family_shows_on_the_plan_once_and_is_done_when_unlinked(registry, as_user):
    data = {
        "name": "王寄养",
        "gender": "MALE",
        "birthDate": BIRTH.isoformat(),
        "idNumber": identity_number(BIRTH, male=True, seq=31),
        "residenceDivisionCode": "110109001001",
    }
    child = registry.post("/children", json=data, headers=as_user("clerk.district")).json()
    consumer = EventConsumer("registry", registry.app.state.engine, VOLUNTEERS_HANDLERS)
    ref = "volunteers:caring-family-link:l-1"

    def message(event_type: str, status: str) -> Message:
        envelope = Envelope(
            type=event_type,
            source="volunteers",
            subject=child["id"],
            data={
                "childId": child["id"],
                "planMeasure": {
                    "sourceRef": ref,
                    "department": "CIVIL_AFFAIRS",
                    "kind": "家庭寄养",
                    "description": "家庭寄养：李爱心家庭，自2026-12-01起",
                    "status": status,
                    "dueDate": "2027-11-30",
                },
            },
        )
        return Message(topic="shouhu.volunteers", key=child["id"], value=envelope.to_bytes())

    linked = message(FAMILY_LINKED, "IN_PROGRESS")
    consumer.handle(linked)
    consumer.handle(linked)
    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user("clerk.district")).json()
    (measure,) = plan["measures"]
    assert (measure["kind"], measure["status"], measure["dueDate"]) == (
        "家庭寄养",
        "IN_PROGRESS",
        "2027-11-30",
    )
    consumer.handle(message(FAMILY_UNLINKED, "DONE"))
    plan = registry.get(f"/children/{child['id']}/plan", headers=as_user("clerk.district")).json()
    (measure,) = plan["measures"]
    assert (measure["department"], measure["status"], measure["sourceRef"]) == (
        "CIVIL_AFFAIRS",
        "DONE",
        ref,
    )

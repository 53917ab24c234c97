"""Every event volunteers writes is what its committed schema says, with the agreed fields, and
none carries an identity number."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema

from shouhu.platform.clock import today
from shouhu.platform.contracts import incompatibilities
from shouhu.platform.testing import identity_number
from shouhu.volunteers.pairing.events import EVENTS as PAIRING_EVENTS
from shouhu.volunteers.vetting.events import EVENTS as VETTING_EVENTS
from shouhu.volunteers.volunteers.events import EVENTS as VOLUNTEER_EVENTS

SCHEMAS = Path(__file__).resolve().parents[1] / "events"
EVENTS = {**VOLUNTEER_EVENTS, **VETTING_EVENTS, **PAIRING_EVENTS}
PAIRING = {
    "pairingId",
    "volunteerId",
    "childId",
    "organisationId",
    "status",
    "startedOn",
    "endedOn",
    "reason",
    "actor",
    "planMeasure",
}
ENDING = {
    "volunteerId",
    "volunteerName",
    "organisationId",
    "organisationName",
    "actingRole",
    "divisionCode",
    "checkValidUntil",
    "towns",
    "on",
}
FIELDS = {
    "volunteers.volunteer.registered": {
        "volunteerId",
        "organisationId",
        "name",
        "divisionCode",
        "skills",
        "availability",
        "serviceArea",
        "adult",
        "registeredOn",
        "registeredBy",
    },
    "volunteers.volunteer.vetted": {
        "volunteerId",
        "organisationId",
        "divisionCode",
        "vetted",
        "trained",
        "checkValidUntil",
        "kind",
        "on",
        "changedBy",
    },
    "volunteers.pairing.started": PAIRING,
    "volunteers.pairing.suspended": PAIRING,
    "volunteers.pairing.ended": PAIRING,
    "volunteers.task.updated": {"taskId", "intakeId", "childId", "status", "outcome", "actor"},
    "volunteers.vetting.expiring": ENDING,
    "volunteers.vetting.expired": ENDING,
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


def test_every_payload_written_validates_against_its_schema(volunteers, as_user, store):
    number = identity_number(date(1992, 7, 1), male=True, seq=5)
    headers = as_user("youthleague.district")
    body = {
        "name": "王事件",
        "idNumber": number,
        "phone": "13512345678",
        "skills": ["LEGAL"],
        "divisionCode": "110109101001",
    }
    made = volunteers.post("/volunteers", json=body, headers=headers).json()
    for kind in ("MINOR_PROTECTION_RECORD_CHECK", "TRAINING"):
        check = {"kind": kind, "passed": True, "checkedOn": today().isoformat()}
        volunteers.post(f"/volunteers/{made['id']}/vettings", json=check, headers=headers)
    events = store.events()
    assert [e["type"] for e in events] == [
        "volunteers.volunteer.registered",
        "volunteers.volunteer.vetted",
    ]
    for event in events:
        payload = {k: v for k, v in event.items() if k != "type"}
        jsonschema.validate(payload, _schema(event["type"]))
        assert set(payload) == FIELDS[event["type"]]
    assert not any(number in raw or number[6:14] in raw for raw in store.raw_events())

"""Every event volunteers writes is what its committed schema says, with the agreed fields, and
none carries an identity number."""

from __future__ import annotations

import json
import uuid
from datetime import date
from pathlib import Path

import jsonschema

from shouhu.platform.clock import today
from shouhu.platform.contracts import incompatibilities
from shouhu.platform.testing import identity_number
from shouhu.volunteers.accounts.events import EVENTS as ACCOUNT_EVENTS
from shouhu.volunteers.families.events import EVENTS as FAMILY_EVENTS
from shouhu.volunteers.hours.events import EVENTS as HOURS_EVENTS
from shouhu.volunteers.pairing.events import EVENTS as PAIRING_EVENTS
from shouhu.volunteers.vetting.events import EVENTS as VETTING_EVENTS
from shouhu.volunteers.volunteers.events import EVENTS as VOLUNTEER_EVENTS

SCHEMAS = Path(__file__).resolve().parents[1] / "events"
EVENTS = {
    **VOLUNTEER_EVENTS,
    **VETTING_EVENTS,
    **FAMILY_EVENTS,
    **HOURS_EVENTS,
    **ACCOUNT_EVENTS,
    **PAIRING_EVENTS,
}
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
    "volunteers.volunteer.disabled": {
        "volunteerId",
        "organisationId",
        "divisionCode",
        "username",
        "reason",
        "disabledOn",
        "disabledBy",
    },
    "volunteers.volunteer.enabled": {
        "volunteerId",
        "organisationId",
        "divisionCode",
        "username",
        "enabledOn",
        "enabledBy",
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
    "volunteers.caring_family.linked": {
        "linkId",
        "familyId",
        "childId",
        "kind",
        "startsOn",
        "until",
        "linkedBy",
        "planMeasure",
    },
    "volunteers.caring_family.unlinked": {
        "linkId",
        "familyId",
        "childId",
        "kind",
        "endedOn",
        "reason",
        "unlinkedBy",
        "planMeasure",
    },
    "volunteers.hours.approved": {
        "hoursId",
        "volunteerId",
        "organisationId",
        "activityId",
        "hours",
        "on",
        "totalHours",
        "starLevel",
        "previousStarLevel",
        "starsVersion",
        "approvedBy",
    },
    "volunteers.pairing.started": PAIRING,
    "volunteers.pairing.suspended": PAIRING,
    "volunteers.pairing.resumed": PAIRING,
    "volunteers.pairing.ended": PAIRING,
    "volunteers.task.updated": {"taskId", "intakeId", "childId", "status", "outcome", "actor"},
    "volunteers.vetting.expiring": ENDING,
    "volunteers.vetting.expired": ENDING,
    "volunteers.vetting.renewed": ENDING,
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
    hours = {"hours": 2.5, "on": today().isoformat()}
    volunteers.post(f"/volunteers/{made['id']}/hours", json=hours, headers=headers)
    (record,) = volunteers.get(f"/volunteers/{made['id']}/hours", headers=headers).json()
    volunteers.post(f"/hours/{record['id']}/decision", json={}, headers=headers)
    events = store.events()
    assert [e["type"] for e in events] == [
        "volunteers.volunteer.registered",
        "volunteers.volunteer.vetted",
        "volunteers.hours.approved",
    ]
    for event in events:
        payload = {k: v for k, v in event.items() if k != "type"}
        jsonschema.validate(payload, _schema(event["type"]))
        assert set(payload) == FIELDS[event["type"]]
    assert not any(number in raw or number[6:14] in raw for raw in store.raw_events())


def test_the_caring_family_payloads_validate_and_carry_no_identity_number(
    volunteers, as_user, store
):
    number = identity_number(date(1979, 2, 3), male=False, seq=9)
    headers = as_user("admin.district")
    family = {
        "kind": "SPONSORSHIP",
        "headName": "周事件",
        "idNumber": number,
        "mobile": "13612345678",
        "divisionCode": "110109001001",
        "address": "事件测试地址",
    }
    made = volunteers.post("/caring-families", json=family, headers=headers).json()
    assessment = {"assessedOn": today().isoformat(), "approved": True}
    volunteers.post(
        f"/caring-families/{made['id']}/assessment",
        params={"version": made["version"]},
        json=assessment,
        headers=headers,
    )
    link = {"childId": str(uuid.uuid4()), "startsOn": today().isoformat()}
    linked = volunteers.post(f"/caring-families/{made['id']}/links", json=link, headers=headers)
    end = {"endedOn": today().isoformat(), "reason": "结束"}
    volunteers.post(
        f"/caring-family-links/{linked.json()['links'][0]['id']}/end", json=end, headers=headers
    )
    events = store.events()
    assert [e["type"] for e in events] == [
        "volunteers.caring_family.linked",
        "volunteers.caring_family.unlinked",
    ]
    for event in events:
        payload = {k: v for k, v in event.items() if k != "type"}
        jsonschema.validate(payload, _schema(event["type"]))
        assert set(payload) == FIELDS[event["type"]]
    assert not any(number in raw or "13612345678" in raw for raw in store.raw_events())

"""Volunteers' notices: a record check to renew tells the organisation's federation; one that
ran out tells it and the social worker of each town with a child whose pairing stopped. What the
handlers read is what volunteers publishes (its committed schemas)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from sqlmodel import Session, col, select

from shouhu.notifications.handlers import VOLUNTEERS_HANDLERS
from shouhu.notifications.models import Notification
from shouhu.platform.events import Envelope

SCHEMAS = Path(__file__).resolve().parents[2] / "volunteers" / "events"
ENDING = {
    "volunteerId": "v-1",
    "volunteerName": "李志愿",
    "organisationId": "o-1",
    "organisationName": "共青团北京市门头沟区委员会",
    "actingRole": "youth_league",
    "divisionCode": "110109001001",
    "checkValidUntil": "2026-12-31",
    "towns": [],
    "on": "2026-12-01",
}


def _tell(client, event_type: str, **data: object) -> None:
    payload = {**ENDING, **data}
    schema = json.loads((SCHEMAS / f"{event_type}.v1.json").read_text(encoding="utf-8"))
    jsonschema.validate(payload, schema)
    envelope = Envelope(type=event_type, source="volunteers", subject="v-1", data=payload)
    with Session(client.app.state.engine) as session:
        VOLUNTEERS_HANDLERS[event_type](session, envelope)
        session.commit()


def _sent(client) -> list[tuple[str, str | None, str | None, str]]:
    with Session(client.app.state.engine) as session:
        rows = session.exec(select(Notification).order_by(col(Notification.seq))).all()
    return [(n.kind, n.recipient_role, n.recipient_division, n.body) for n in rows]


def test_a_check_to_renew_tells_the_federation(notifications, holders):
    _tell(notifications, "volunteers.vetting.expiring")
    ((kind, role, division, body),) = _sent(notifications)
    assert (kind, role, division) == ("VETTING_EXPIRING", "youth_league", "110109")
    assert "李志愿" in body and "2026年12月31日" in body


def test_an_expired_check_tells_the_federation_and_the_towns_workers(notifications, holders):
    _tell(notifications, "volunteers.vetting.expired", towns=["110109001", "110109101"])
    assert [s[:3] for s in _sent(notifications)] == [
        ("VETTING_EXPIRED", "youth_league", "110109"),
        ("VETTING_EXPIRED", "town_social_worker", "110109001"),
        ("VETTING_EXPIRED", "town_social_worker", "110109101"),
    ]


def test_a_renewed_check_tells_the_towns_workers_their_pairings_resumed(notifications, holders):
    _tell(notifications, "volunteers.vetting.renewed", towns=["110109001"])
    ((kind, role, division, body),) = _sent(notifications)
    assert (kind, role, division) == ("PAIRING_RESUMED", "town_social_worker", "110109001")
    assert "李志愿" in body and "恢复" in body

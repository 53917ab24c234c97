"""A mandatory report reaches the police at once — live, in the app and by SMS — and goes up the
ladder while nobody accepts it; embedded and on the real stack (a settable clock, no sleeping)."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any

import pytest

from shouhu.platform.clock import today
from shouhu.platform.testing import GraphQLSocket, eventually, graphql

REPORTER = "reporter.school.110109001"
POLICE = "police.110109001"
STATION_PHONE = "13800001111"  # the station's duty phone (post_mobiles, demo data)
CHIEF_PHONE = "13800001101"
FILE = """mutation File($input: ReportInput!) { fileReport(input: $input) { id caseNumber } }"""
TIMELINE = "query Read($id: ID!) { report(id: $id) { status timeline { action note } } }"
ACCEPT = "mutation Accept($id: ID!) { acceptReport(id: $id) { status } }"
INBOX = "{ notifications(first: 50) { edges { cursor node { id kind subjectRef } } } }"
LIVE = """subscription Live($after: String) {
  notificationReceived(after: $after) { id kind severity requiresAck subjectRef } }"""


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    """Each test runs on both the embedded platform and the real stack."""
    return request.getfixturevalue(request.param)


def file_report(platform: Any, **overrides: Any) -> dict[str, Any]:
    body = {
        "childName": f"报告{uuid.uuid4().hex[:4]}",
        "childAge": 8,
        "divisionCode": "110109001001",
        "kind": "NEGLECT",
        "occurredOn": (today() - timedelta(days=1)).isoformat(),
        "description": "学生连续多日无人接送",
        "institution": "大峪第一小学",
        **overrides,
    }
    answer = graphql(platform.graphql_url, FILE, platform.token(REPORTER), {"input": body})
    assert "errors" not in answer, answer
    filed: dict[str, Any] = answer["data"]["fileReport"]
    return filed


def texts_of(platform: Any, phone: str, notification_id: str) -> list[dict[str, Any]]:
    """The texts of one notification (its id is the provider's OutId). Both platforms send to
    one fake provider and number their cases alike: a case number could be the other's case."""
    return [
        r
        for r in platform.sms.fake.received
        if r.get("PhoneNumbers") == phone and r.get("OutId") == notification_id
    ]


def station_told(platform: Any, report: dict[str, Any]) -> str | None:
    """The id of the station's REPORT_FILED notification about this report, once made."""
    body = graphql(platform.graphql_url, INBOX, platform.token(POLICE))
    return next(
        (
            e["node"]["id"]
            for e in body["data"]["notifications"]["edges"]
            if e["node"]["subjectRef"] == f"case:{report['id']}"
            and e["node"]["kind"] == "REPORT_FILED"
        ),
        None,
    )


def newest_cursor(platform: Any, username: str) -> str | None:
    body = graphql(platform.graphql_url, INBOX, platform.token(username))
    edges = body["data"]["notifications"]["edges"]
    return edges[0]["cursor"] if edges else None


def test_the_station_hears_at_once_live_in_the_app_and_by_sms(platform):
    token = platform.token(POLICE)
    with GraphQLSocket.open(platform.graphql_url, {"Authorization": f"Bearer {token}"}) as live:
        live.acknowledged()
        live.subscribe("live", LIVE, {"after": newest_cursor(platform, POLICE)})
        filed = file_report(platform)
        ref = f"case:{filed['id']}"
        while True:  # frames of earlier tests' cases may come first
            frame = live.next("live", timeout=60)["data"]["notificationReceived"]
            if frame["subjectRef"] == ref:
                break
    assert (frame["kind"], frame["severity"], frame["requiresAck"]) == (
        "REPORT_FILED",
        "URGENT",
        True,
    )
    (sms,) = eventually(lambda: texts_of(platform, STATION_PHONE, frame["id"]), timeout=60)
    assert json.loads(sms["TemplateParam"])["caseNumber"] == filed["caseNumber"]


def test_unaccepted_it_goes_to_the_chief_and_onto_the_timeline_accepted_it_stops(platform):
    waited = file_report(platform)
    taken = file_report(platform)
    for report in (taken, waited):
        told = eventually(lambda r=report: station_told(platform, r), timeout=60)
        eventually(lambda t=told: texts_of(platform, STATION_PHONE, t), timeout=60)
    police = platform.token(POLICE)
    accepted = graphql(platform.graphql_url, ACCEPT, police, {"id": taken["id"]})
    assert accepted["data"]["acceptReport"]["status"] == "ACCEPTED"
    chief_before = len(to_phone(platform, CHIEF_PHONE))
    platform.move_clock(timedelta(minutes=31).total_seconds())
    try:

        def escalated(report: dict[str, Any]) -> list[dict[str, Any]]:
            found = graphql(platform.graphql_url, TIMELINE, police, {"id": report["id"]})
            steps = found["data"]["report"]["timeline"]
            return [s for s in steps if s["action"] == "ESCALATED"]

        (step,) = eventually(lambda: escalated(waited), timeout=120)
        assert "police_chief@110109001" in (step["note"] or "")
        eventually(lambda: len(to_phone(platform, CHIEF_PHONE)) > chief_before, timeout=60)
    finally:
        platform.move_clock(0)
    assert escalated(taken) == []  # accepted in time: its ladder stopped


def to_phone(platform: Any, phone: str) -> list[dict[str, Any]]:
    return [r for r in platform.sms.fake.received if r.get("PhoneNumbers") == phone]

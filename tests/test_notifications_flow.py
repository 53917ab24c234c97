"""Notifications end to end, embedded and on the real stack.

A high-risk visit reaches the town's social worker at once, in the app and by SMS through the
provider's adapter (to a local fake that checks the signature); unacknowledged, it goes up the
ladder when the clock has run (moved, never slept); acknowledged, the ladder stops.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from shouhu.notifications.rules import rules
from shouhu.platform.clock import today
from shouhu.platform.testing import eventually, fresh_identity_number, graphql

REGISTER = """mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }"""
VISIT = """mutation($id: ID!, $input: VisitInput!) { recordVisit(childId: $id, input: $input) {
  id } }"""
NOTIFICATIONS = """query { notifications(first: 50) { edges { node {
  id kind rung childId requiresAck acknowledgedBy
  deliveries { channel address status attempts }
} } } }"""
ACKNOWLEDGE = "mutation($id: ID!) { acknowledgeNotification(id: $id) { id acknowledgedBy } }"
WORKER_MOBILE = "13601100101"  # the demo social worker of 大峪街道


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    return request.getfixturevalue(request.param)


def _high_risk_visit(platform) -> str:
    """A child of 东辛房社区 (110109001001) visited and found at high risk; the child's id."""
    birth = date(2014, 3, 3)
    child = {
        "name": f"风险{uuid.uuid4().hex[:4]}",
        "gender": "MALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=True),
        "residenceDivisionCode": "110109001001",
    }
    body = graphql(
        platform.graphql_url, REGISTER, platform.token("clerk.district"), {"input": child}
    )
    assert "errors" not in body, body
    child_id: str = body["data"]["registerChild"]["id"]
    visit = {
        "visitedOn": (today() - timedelta(days=1)).isoformat(),
        "seen": "儿童本人及祖母",
        "findings": "家中无人照料，儿童身上有伤",
        "riskLevel": "HIGH",
    }
    supervisor = platform.token("supervisor.110109001001")
    body = graphql(platform.graphql_url, VISIT, supervisor, {"id": child_id, "input": visit})
    assert "errors" not in body, body
    return child_id


def _notifications(platform, username: str, child_id: str) -> list[dict]:
    body = graphql(platform.graphql_url, NOTIFICATIONS, platform.token(username))
    assert "errors" not in body, body
    # The child is of compulsory-school age with no school: the dropout watch's notices to the
    # town's worker (控辍保学, tests/test_dropout_flow.py) are not this test's.
    return [
        e["node"]
        for e in body["data"]["notifications"]["edges"]
        if e["node"]["childId"] == child_id and not e["node"]["kind"].startswith("DROPOUT_RISK")
    ]


def test_a_high_risk_visit_reaches_the_town_at_once_in_the_app_and_by_sms(platform):
    child_id = _high_risk_visit(platform)
    (told,) = eventually(lambda: _notifications(platform, "worker.110109001", child_id), timeout=60)
    assert told["kind"] == "VISIT_HIGH_RISK" and told["requiresAck"] is True

    def sent():
        found = _notifications(platform, "worker.110109001", child_id)[0]["deliveries"]
        return found if found and found[0]["status"] == "SENT" else None

    (delivery,) = eventually(sent, timeout=60)
    assert (delivery["channel"], delivery["address"]) == ("SMS", "136****0101")
    assert platform.sms is not None
    received = [r for r in platform.sms.fake.received if r.get("PhoneNumbers") == WORKER_MOBILE]
    assert received and received[-1]["SignName"] == "守护儿童关爱"


def test_unacknowledged_it_goes_up_acknowledged_it_stops(platform):
    waited = _high_risk_visit(platform)
    taken = _high_risk_visit(platform)
    worker = platform.token("worker.110109001")
    (first,) = eventually(lambda: _notifications(platform, "worker.110109001", taken), timeout=60)
    eventually(lambda: _notifications(platform, "worker.110109001", waited), timeout=60)
    body = graphql(platform.graphql_url, ACKNOWLEDGE, worker, {"id": first["id"]})
    assert body["data"]["acknowledgeNotification"]["acknowledgedBy"] == "worker.110109001"
    minutes = rules().ladders["HIGH_RISK_FAMILY"].ack_within_minutes
    platform.move_clock((minutes + 1) * 60)
    try:
        (escalated,) = eventually(
            lambda: _notifications(platform, "admin.district", waited), timeout=60
        )
    finally:
        platform.move_clock(0)
    assert (escalated["kind"], escalated["rung"]) == ("ESCALATED", 1)
    assert _notifications(platform, "admin.district", taken) == []

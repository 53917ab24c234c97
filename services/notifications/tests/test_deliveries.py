"""Deliveries: sent through the channel, retried with backoff, failed for good and told."""

import json
from datetime import timedelta

from sqlmodel import Session, select

from shouhu.notifications.channels.base import Message, SendResult
from shouhu.notifications.channels.sms import FileSms
from shouhu.notifications.deliveries.service import BACKOFF
from shouhu.notifications.models import Delivery
from shouhu.notifications.notify import deliver_due
from shouhu.platform.events import Envelope, OutboxRow


class Answering:
    """A channel that answers as told (the adapters' own tests use real servers)."""

    def __init__(self, result: SendResult) -> None:
        self.result, self.sent = result, []

    async def send(self, message: Message) -> SendResult:
        self.sent.append(message)
        return self.result


def _high_risk(deliver) -> None:
    deliver(
        Envelope(
            type="registry.visit.recorded",
            source="registry",
            subject="child-1",
            data={
                "childId": "child-1",
                "visitId": "visit-1",
                "visitedOn": "2026-11-29",
                "riskLevel": "HIGH",
                "highRisk": True,
                "nextDue": "2026-12-29",
                "residenceDivisionCode": "110109001001",
                "townDivisionCode": "110109001",
                "recordedBy": "supervisor.110109001001",
            },
        )
    )


def _delivery(client) -> Delivery:
    with Session(client.app.state.engine) as session:
        return session.exec(select(Delivery)).one()


def test_an_sms_is_written_by_the_embedded_channel(notifications, deliver, holders, tmp_path):
    _high_risk(deliver)
    path = tmp_path / "sms.jsonl"
    assert deliver_due(notifications.app.state.engine, {"sms": FileSms(path)}) == 1
    sent = _delivery(notifications)
    assert (sent.status, sent.attempts, sent.address) == ("SENT", 1, "13601100101")
    (line,) = path.read_text(encoding="utf-8").splitlines()
    text = json.loads(line)
    assert text["mobile"] == "13601100101" and "高风险" in text["text"]
    assert deliver_due(notifications.app.state.engine, {"sms": FileSms(path)}) == 0


def test_a_transient_failure_is_retried_then_fails_and_is_told(
    notifications, deliver, holders, move_clock, as_user
):
    _high_risk(deliver)
    engine = notifications.app.state.engine
    throttled = Answering(SendResult.transient("触发流控"))
    deliver_due(engine, {"sms": throttled})
    waiting = _delivery(notifications)
    assert (waiting.status, waiting.attempts, waiting.last_error) == ("PENDING", 1, "触发流控")
    assert deliver_due(engine, {"sms": throttled}) == 0  # not before its wait
    for wait in BACKOFF:
        move_clock(wait + timedelta(seconds=1))
        deliver_due(engine, {"sms": throttled})
    failed = _delivery(notifications)
    assert (failed.status, failed.attempts) == ("FAILED", len(BACKOFF) + 1)
    with Session(engine) as session:
        events = [r for r in session.exec(select(OutboxRow)).all()]
    assert [e.event_type for e in events].count("notifications.delivery_failed") == 1
    listed = notifications.get("/deliveries/failed", headers=as_user("admin.district")).json()
    assert [(d["status"], d["address"]) for d in listed] == [("FAILED", "136****0101")]


def test_a_refused_number_fails_at_once_with_the_reason(notifications, deliver, holders):
    _high_risk(deliver)
    deliver_due(
        notifications.app.state.engine, {"sms": Answering(SendResult.refused("手机号码格式错误"))}
    )
    refused = _delivery(notifications)
    assert (refused.status, refused.attempts, refused.last_error) == (
        "FAILED",
        1,
        "手机号码格式错误",
    )


def test_the_recipient_sees_the_deliveries_of_their_notification(
    notifications, deliver, holders, as_user
):
    _high_risk(deliver)
    worker = as_user("worker.110109001")
    node = notifications.get("/notifications", headers=worker).json()["edges"][0]["node"]
    body = {"notificationIds": [node["id"]]}
    mine = notifications.post("/notifications/deliveries", json=body, headers=worker).json()
    assert [d["channel"] for d in mine[node["id"]]] == ["SMS"]
    other = notifications.post(
        "/notifications/deliveries", json=body, headers=as_user("worker.110109101")
    ).json()
    assert other == {}

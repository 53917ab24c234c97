"""Acknowledgement clocks: a high-risk family is told to the town, then up the ladder."""

import email
import email.policy
from datetime import timedelta

from aiosmtpd.controller import Controller
from sqlmodel import Session, select

from shouhu.notifications.channels.base import SendResult
from shouhu.notifications.channels.email import SmtpEmail
from shouhu.notifications.models import EscalationTimer, Notification
from shouhu.notifications.notify import deliver_due, escalate_due
from shouhu.notifications.rules import rules
from shouhu.notifications.settings import SmtpSecurity
from shouhu.platform.events import Envelope, OutboxRow
from shouhu.platform.testing import free_port


def _high_risk_visit(n: int = 1) -> Envelope:
    return Envelope(
        type="registry.visit.recorded",
        source="registry",
        subject=f"child-{n}",
        data={
            "childId": f"child-{n}",
            "visitId": f"visit-{n}",
            "visitedOn": "2026-11-29",
            "riskLevel": "HIGH",
            "highRisk": True,
            "nextDue": "2026-12-29",
            "residenceDivisionCode": "110109001001",
            "townDivisionCode": "110109001",
            "recordedBy": "supervisor.110109001001",
        },
    )


def _rows(client, model):
    with Session(client.app.state.engine) as session:
        return session.exec(
            select(model).order_by(model.created_at if model is Notification else model.due_at)
        ).all()


def _escalations(client):
    with Session(client.app.state.engine) as session:
        rows = session.exec(select(OutboxRow)).all()
    return [r for r in rows if r.event_type == "notifications.escalated"]


def test_a_high_risk_visit_reaches_the_towns_worker_at_once(
    notifications, as_user, deliver, holders
):
    deliver(_high_risk_visit())
    page = notifications.get("/notifications", headers=as_user("worker.110109001")).json()
    (edge,) = page["edges"]
    assert edge["node"]["kind"] == "VISIT_HIGH_RISK"
    assert edge["node"]["urgent"] is True and edge["node"]["requiresAck"] is True
    (timer,) = _rows(notifications, EscalationTimer)
    assert timer.rung == 0 and timer.fired_at is None


def test_unacknowledged_it_goes_up_the_ladder_once(
    notifications, as_user, deliver, holders, move_clock
):
    deliver(_high_risk_visit())
    first = notifications.get("/notifications", headers=as_user("worker.110109001")).json()
    root = first["edges"][0]["node"]["id"]
    engine = notifications.app.state.engine
    assert escalate_due(engine) == 0  # not yet due
    minutes = rules().ladders["HIGH_RISK_FAMILY"].ack_within_minutes
    move_clock(timedelta(minutes=minutes + 1))
    assert escalate_due(engine) == 1
    assert escalate_due(engine) == 0  # a timer fires once
    admin = notifications.get("/notifications", headers=as_user("admin.district")).json()
    (edge,) = admin["edges"]
    assert edge["node"]["kind"] == "ESCALATED" and edge["node"]["rung"] == 1
    assert edge["node"]["childId"] == "child-1"
    (event,) = _escalations(notifications)
    assert event.key == root  # on the chain's key: its rungs in order


def test_an_acknowledgement_stops_the_ladder(notifications, as_user, deliver, holders, move_clock):
    deliver(_high_risk_visit())
    worker = as_user("worker.110109001")
    node = notifications.get("/notifications", headers=worker).json()["edges"][0]["node"]
    acked = notifications.post(f"/notifications/{node['id']}/acknowledge", headers=worker)
    assert acked.status_code == 200
    assert acked.json()["acknowledgedBy"] == "worker.110109001"
    move_clock(timedelta(days=30))
    assert escalate_due(notifications.app.state.engine) == 0
    assert (
        notifications.get("/notifications", headers=as_user("admin.district")).json()["totalCount"]
        == 0
    )
    assert _escalations(notifications) == []


def test_someone_elses_notification_cannot_be_acknowledged(
    notifications, as_user, deliver, holders
):
    deliver(_high_risk_visit())
    node = notifications.get("/notifications", headers=as_user("worker.110109001")).json()["edges"][
        0
    ]["node"]
    other = notifications.post(
        f"/notifications/{node['id']}/acknowledge", headers=as_user("worker.110109101")
    )
    assert other.status_code == 404


def test_the_district_sees_the_clocks_running(notifications, as_user, deliver, holders):
    deliver(_high_risk_visit())
    running = notifications.get("/escalations", headers=as_user("admin.district"))
    assert [e["ladder"] for e in running.json()] == ["HIGH_RISK_FAMILY"]
    assert notifications.get("/escalations", headers=as_user("worker.110109001")).status_code == 403


def test_a_low_risk_visit_tells_nobody(notifications, deliver, holders):
    visit = _high_risk_visit()
    visit.data.update(riskLevel="LOW", highRisk=False)
    deliver(visit)
    assert _rows(notifications, Notification) == []


def test_the_duty_officer_gets_the_escalation_by_email(notifications, deliver, holders, move_clock):
    """Through a real SMTP server on loopback, read back: subject and Chinese body."""

    class Mailbox:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append((envelope.rcpt_tos, envelope.content))
            return "250 OK"

    mailbox, port = Mailbox(), free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        deliver(_high_risk_visit())
        move_clock(timedelta(minutes=rules().ladders["HIGH_RISK_FAMILY"].ack_within_minutes + 1))
        engine = notifications.app.state.engine
        assert escalate_due(engine) == 1
        smtp = SmtpEmail(
            host="127.0.0.1",
            port=port,
            from_address="守护平台 <noreply@shouhu.example.org>",
            security=SmtpSecurity.PLAIN,
        )
        deliver_due(engine, {"email": smtp, "sms": _NoSms()})
    finally:
        controller.stop()
    ((recipients, content),) = mailbox.messages
    assert recipients == [rules().post_emails["civil_affairs@110109"]]
    message = email.message_from_bytes(content, policy=email.policy.default)
    assert message["Subject"].startswith("【守护】督办")
    assert "小时未处理" in message.get_body().get_content()


class _NoSms:
    async def send(self, message):
        return SendResult.sent("no-sms")

"""Mandatory reports' notices: the police at once and until they accept, up the ladder when
they do not; the town's workforce for a missing child; the assessment's deadline; the
reporter's status and nothing else."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, select

from shouhu.notifications.models import DeadlineReminder, Delivery, Notification
from shouhu.notifications.notify import escalate_due
from shouhu.platform.events import Envelope

REPORTER = "reporter.school.110109001"
VILLAGE = "110109001001"


def case_event(step: str, **data: Any) -> Envelope:
    return Envelope(
        type=f"registry.case.{step}",
        source="registry",
        subject="case-1",
        data={
            "caseId": "case-1",
            "caseNumber": "MTG-BG-2026-000001",
            "kind": "NEGLECT",
            "urgent": False,
            "divisionCode": VILLAGE,
            "townDivisionCode": "110109001",
            "childId": None,
            "actor": REPORTER,
            "at": "2026-11-30T06:00:00Z",
            **data,
        },
    )


def reported(**data: Any) -> Envelope:
    return case_event(
        "reported",
        **{
            "occurredOn": "2026-11-29",
            "foundAt": "2026-11-30T05:00:00Z",
            "reporterRole": "mandated_reporter",
            "institution": "大峪第一小学",
            **data,
        },
    )


def _sent(client) -> list[tuple[str, str | None, str | None, str | None]]:
    with Session(client.app.state.engine) as session:
        rows = session.exec(select(Notification).order_by(col(Notification.seq))).all()
    return [(n.kind, n.recipient_username, n.recipient_role, n.recipient_division) for n in rows]


def _sms(client) -> list[str]:
    with Session(client.app.state.engine) as session:
        return [d.address for d in session.exec(select(Delivery)).all() if d.channel == "SMS"]


def test_a_report_reaches_the_towns_station_at_once_and_the_reporter_has_a_receipt(
    notifications, deliver
):
    deliver(reported())
    assert _sent(notifications) == [
        ("REPORT_FILED", None, "police", "110109001"),
        ("REPORT_STATUS", REPORTER, None, None),
    ]
    with Session(notifications.app.state.engine) as session:
        police = session.exec(select(Notification).where(Notification.kind == "REPORT_FILED")).one()
        status = session.exec(
            select(Notification).where(Notification.kind == "REPORT_STATUS")
        ).one()
    assert police.urgent and police.requires_ack and "大峪第一小学" in police.body
    assert "已送达公安机关" in status.body and "疏于照料" not in status.body  # status only
    assert _sms(notifications) == ["13800001111"]  # the station's duty phone


def test_unaccepted_it_goes_to_the_chief_then_the_command_and_civil_affairs(
    notifications, deliver, move_clock
):
    deliver(reported())
    engine = notifications.app.state.engine
    move_clock(timedelta(minutes=31))
    assert escalate_due(engine) == 1
    move_clock(timedelta(minutes=62))
    assert escalate_due(engine) == 1
    assert [s[2:] for s in _sent(notifications) if s[0] == "ESCALATED"] == [
        ("police_chief", "110109001"),
        ("police", "110109"),
        ("civil_affairs", "110109"),
    ]
    assert "13800001101" in _sms(notifications)  # the chief's mobile, deployment data


def test_an_urgent_report_has_five_minutes(notifications, deliver, move_clock):
    deliver(reported(urgent=True))
    move_clock(timedelta(minutes=6))
    assert escalate_due(notifications.app.state.engine) == 1


def test_accepted_the_ladder_stops_and_the_reporter_hears_it(notifications, deliver, move_clock):
    deliver(reported(), case_event("accepted", actor="police.110109001"))
    move_clock(timedelta(hours=5))
    assert escalate_due(notifications.app.state.engine) == 0
    told = [s for s in _sent(notifications) if s[1] == REPORTER]
    assert len(told) == 2


def test_a_missing_child_alerts_the_towns_workforce_and_stands_it_down(
    notifications, deliver, holders
):
    deliver(reported(kind="MISSING"))
    deliver(case_event("missing_alert_opened", childName="王小红", note="穿红色外套。"))
    alerts = [s[2:] for s in _sent(notifications) if s[0] == "MISSING_CHILD_ALERT"]
    # The village with a supervisor hears it; the others' alerts go up to the town, once.
    assert sorted(alerts) == [("town_social_worker", "110109001"), ("village_supervisor", VILLAGE)]
    deliver(case_event("missing_alert_closed", childName="王小红", note="已找到"))
    found = [s for s in _sent(notifications) if s[0] == "MISSING_CHILD_FOUND"]
    assert len(found) == len(alerts)


def test_the_town_is_told_to_assess_within_the_deadline_until_it_has(
    notifications, deliver, holders
):
    deliver(reported(), case_event("accepted", actor="police.110109001"))
    deliver(
        case_event(
            "town_notified",
            actor="police.110109001",
            assessmentDueAt="2026-12-03T06:00:00Z",
            note="儿童已临时安置在亲属家中。",
        )
    )
    referred = [s for s in _sent(notifications) if s[0] == "CASE_REFERRED"]
    assert referred == [("CASE_REFERRED", None, "town_social_worker", "110109001")]
    with Session(notifications.app.state.engine) as session:
        planned = session.exec(
            select(DeadlineReminder).where(col(DeadlineReminder.cancelled_at).is_(None))
        ).all()
    assert {r.deadline for r in planned} == {"CASE_ASSESSMENT"}
    deliver(case_event("assessed", actor="worker.110109001", highestRisk="HIGH"))
    with Session(notifications.app.state.engine) as session:
        left = session.exec(
            select(DeadlineReminder).where(col(DeadlineReminder.cancelled_at).is_(None))
        ).all()
    assert left == []
    statuses = [s for s in _sent(notifications) if s[1] == REPORTER]
    assert len(statuses) == 4  # received, accepted, referred, assessed


def test_a_petition_due_prompts_the_town_and_civil_affairs(notifications, deliver, holders):
    deliver(case_event("petition_due", interventionId="i-1", reason="SIX_MONTHS"))
    assert [s[2:] for s in _sent(notifications)] == [
        ("town_social_worker", "110109001"),
        ("civil_affairs", "110109"),
    ]


def test_a_report_without_the_day_it_happened_reaches_the_police_all_the_same(
    notifications, deliver
):
    deliver(reported(occurredOn=None))  # optional: the reporter may not know it
    assert [s[0] for s in _sent(notifications)] == ["REPORT_FILED", "REPORT_STATUS"]
    with Session(notifications.app.state.engine) as session:
        police = session.exec(select(Notification).where(Notification.kind == "REPORT_FILED")).one()
    assert "发生于日期不详" in police.body

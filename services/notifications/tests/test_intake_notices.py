"""The single window's notices: the applicant by SMS, the clerk in-app, each department's board,
and every task's deadline planned, paused, moved and met."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, col, select

from shouhu.notifications.handlers import BENEFITS_HANDLERS
from shouhu.notifications.models import ChildCard, DeadlineReminder, Delivery, Notification
from shouhu.platform.events import Envelope

APPLICANT = "13900001111"
CLERK = "clerk.110109001"
VILLAGE = "110109001001"
DUE = datetime(2026, 12, 14, 15, 59, tzinfo=UTC)


def submitted() -> Envelope:
    return Envelope(
        type="registry.intake.submitted",
        source="registry",
        subject="child-1",
        data={
            "intakeId": "intake-1",
            "receiptNumber": "MTG-2026-000007",
            "childId": "child-1",
            "childName": "王小红",
            "divisionCode": VILLAGE,
            "clerk": CLERK,
            "clerkDivisionCode": "110109001",
            "applicantName": "王大山",
            "applicantRelation": "PARENT",
            "applicantPhone": APPLICANT,
            "needs": ["LEGAL_AID", "HUKOU_REGISTRATION"],
            "submittedAt": "2026-11-30T06:00:00Z",
            "tasks": [],
        },
    )


def task(step: str, *, department: str = "JUDICIAL", need: str = "LEGAL_AID", **data) -> Envelope:
    return Envelope(
        type=f"registry.intake.{step}",
        source="registry",
        subject="child-1",
        data={
            "taskId": f"task-{department}",
            "intakeId": "intake-1",
            "receiptNumber": "MTG-2026-000007",
            "childId": "child-1",
            "divisionCode": VILLAGE,
            "department": department,
            "need": need,
            "status": "PENDING",
            "dueAt": DUE.isoformat(),
            "actor": CLERK,
            "at": "2026-11-30T06:00:00Z",
            "note": None,
            "clerk": CLERK,
            "applicantPhone": APPLICANT,
            **data,
        },
    )


def _notifications(client) -> list[Notification]:
    with Session(client.app.state.engine) as session:
        return list(session.exec(select(Notification).order_by(col(Notification.seq))).all())


def _sms(client) -> list[tuple[str, str]]:
    with Session(client.app.state.engine) as session:
        rows = session.exec(select(Delivery).where(Delivery.channel == "SMS")).all()
    return [(d.address, d.body) for d in rows]


def _pending_reminders(client, task_id: str = "task-JUDICIAL") -> list[DeadlineReminder]:
    with Session(client.app.state.engine) as session:
        return list(
            session.exec(
                select(DeadlineReminder).where(
                    DeadlineReminder.subject_ref == f"intake-task:{task_id}",
                    col(DeadlineReminder.cancelled_at).is_(None),
                )
            ).all()
        )


def test_the_applicant_gets_the_receipt_number_by_sms(notifications, deliver):
    deliver(submitted())
    [(address, body)] = _sms(notifications)
    assert address == APPLICANT and "MTG-2026-000007" in body and "2项申请" in body
    assert "王" not in body  # no child's name leaves by SMS
    with Session(notifications.app.state.engine) as session:
        assert session.get(ChildCard, "child-1").applicant_mobile == APPLICANT


def test_each_task_reaches_its_departments_board_with_its_deadline(notifications, deliver):
    deliver(submitted(), task("task_created"), task("task_created", department="POLICE"))
    boards = [
        (n.kind, n.recipient_role, n.recipient_division) for n in _notifications(notifications)
    ]
    assert boards[1:] == [
        ("TASK_ASSIGNED", "judicial", "110109"),
        ("TASK_ASSIGNED", "police", "110109001"),  # the station of the child's town
    ]
    assert "2026年12月14日" in _notifications(notifications)[1].body
    reminders = _pending_reminders(notifications)
    assert [r.kind for r in reminders] == ["DEADLINE_SOON", "DEADLINE_REACHED"]
    assert reminders[0].variables["subject"] == "MTG-2026-000007法律援助"


def test_materials_requested_pause_the_clock_and_tell_the_clerk_and_the_applicant(
    notifications, deliver
):
    deliver(submitted(), task("task_created"))
    deliver(task("materials_requested", dueAt=None, note="请补充户口簿复印件"))
    assert _pending_reminders(notifications) == []
    clerk = [n for n in _notifications(notifications) if n.recipient_username == CLERK]
    assert clerk[0].kind == "MATERIALS_REQUESTED" and "请补充户口簿复印件" in clerk[0].body
    assert _sms(notifications)[-1][0] == APPLICANT
    later = DUE + timedelta(days=3)
    deliver(task("materials_received", dueAt=later.isoformat()))
    assert {r.due_at.replace(tzinfo=UTC) for r in _pending_reminders(notifications)} == {later}


def test_a_task_benefits_decided_is_told_to_the_clerk_and_meets_its_deadline(
    notifications, deliver
):
    created = task("task_created", department="CIVIL_AFFAIRS", need="LIVING_ALLOWANCE")
    deliver(submitted(), created)
    assert _pending_reminders(notifications, "task-CIVIL_AFFAIRS")
    deliver(
        task(
            "task_completed",
            department="CIVIL_AFFAIRS",
            need="LIVING_ALLOWANCE",
            actor="benefits",
            dueAt=None,
            note="特困人员救助供养：核准，每月2,000.00元",
        )
    )
    assert _pending_reminders(notifications, "task-CIVIL_AFFAIRS") == []
    last = _notifications(notifications)[-1]
    assert (last.kind, last.recipient_username) == ("BENEFITS_DECIDED", CLERK)
    assert "每月2,000.00元" in last.body


def test_a_completed_intake_tells_the_clerk_and_the_applicant(notifications, deliver):
    done = Envelope(
        type="registry.intake.completed",
        source="registry",
        subject="child-1",
        data={
            "intakeId": "intake-1",
            "receiptNumber": "MTG-2026-000007",
            "childId": "child-1",
            "divisionCode": VILLAGE,
            "clerk": CLERK,
            "applicantPhone": APPLICANT,
            "at": "2026-12-01T06:00:00Z",
            "tasks": [
                {
                    "taskId": "a",
                    "department": "JUDICIAL",
                    "need": "LEGAL_AID",
                    "status": "DONE",
                    "outcome": "已指派律师",
                },
                {
                    "taskId": "b",
                    "department": "POLICE",
                    "need": "HUKOU_REGISTRATION",
                    "status": "DECLINED",
                    "outcome": "不符合条件",
                },
            ],
        },
    )
    deliver(submitted(), done)
    last = _notifications(notifications)[-2]
    assert (last.kind, last.recipient_username) == ("INTAKE_COMPLETED", CLERK)
    assert "法律援助已办结，户籍登记不予办理" in last.body
    assert _sms(notifications)[-1] == (
        APPLICANT,
        "受理编号MTG-2026-000007的申请已全部办结，办理结果请咨询受理窗口。",
    )


def test_an_entitlement_that_starts_is_told_to_the_applicant(notifications, deliver):
    deliver(submitted())
    with Session(notifications.app.state.engine) as session:
        BENEFITS_HANDLERS["benefits.entitlement.changed"](
            session,
            Envelope(
                type="benefits.entitlement.changed",
                source="benefits",
                subject="child-1",
                data={
                    "childId": "child-1",
                    "entitlementId": "e-1",
                    "change": "STARTED",
                    "programmeName": "困境儿童生活保障",
                    "startsOn": "2026-12-01",
                    "endsOn": None,
                    "reason": "符合条件",
                    "residenceDivisionCode": VILLAGE,
                },
            ),
        )
        session.commit()
    assert _sms(notifications)[-1][1].startswith("您申请的困境儿童生活保障自2026年12月起开始发放")


def test_a_task_of_an_unknown_department_is_refused_for_parking(notifications, deliver):
    with pytest.raises(KeyError, match="unknown department"):
        deliver(task("task_created", department="NAVY"))

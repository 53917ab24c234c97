"""Deadline reminders: a day before, at the deadline, then up the ladder; met, they stop."""

from datetime import timedelta

from sqlmodel import Session, select

from shouhu.notifications.models import DeadlineReminder, Notification
from shouhu.notifications.notify import clear_deadline, escalate_due, plan_deadline, remind_due
from shouhu.notifications.recipients.service import To
from shouhu.platform.events import utcnow

TASK = "intake-task:t-1"
JUDICIAL_TOWN = To.post("judicial", "110109001")


def _plan(client, due_in: timedelta, subject_ref: str = TASK) -> None:
    with Session(client.app.state.engine) as session:
        plan_deadline(
            session,
            subject_ref,
            deadline="INTAKE_TASK",
            due_at=utcnow() + due_in,
            to=JUDICIAL_TOWN,
            variables={"subject": "MTG-2026-000001法律援助", "childName": "王小红"},
            child_id="child-1",
        )
        session.commit()


def _sent(client) -> list[tuple[str, str | None, str | None]]:
    with Session(client.app.state.engine) as session:
        rows = session.exec(select(Notification).order_by(Notification.seq)).all()
    return [(r.kind, r.recipient_role, r.recipient_division) for r in rows]


def test_a_day_before_and_at_the_deadline_the_assignee_is_reminded(notifications, move_clock):
    engine = notifications.app.state.engine
    _plan(notifications, timedelta(days=5))
    assert remind_due(engine) == 0
    move_clock(timedelta(days=4, minutes=1))
    assert remind_due(engine) == 1
    assert remind_due(engine) == 0  # each reminder once
    move_clock(timedelta(days=1))
    assert remind_due(engine) == 1
    assert _sent(notifications) == [
        ("DEADLINE_SOON", "judicial", "110109001"),
        ("DEADLINE_REACHED", "judicial", "110109001"),
    ]
    with Session(engine) as session:
        reached = session.exec(select(Notification).where(Notification.seq == 2)).one()
    assert reached.requires_ack and reached.subject_ref == TASK
    assert "MTG-2026-000001法律援助" in reached.title and "王小红" in reached.body


def test_past_the_deadline_it_goes_to_the_departments_head_then_civil_affairs(
    notifications, move_clock
):
    engine = notifications.app.state.engine
    _plan(notifications, timedelta(hours=1))
    move_clock(timedelta(hours=1, minutes=1))
    remind_due(engine)
    move_clock(timedelta(days=1))
    assert escalate_due(engine) == 1
    move_clock(timedelta(days=1))
    assert escalate_due(engine) == 1
    assert _sent(notifications)[1:] == [
        ("ESCALATED", "judicial", "110109"),  # the department's own, at the district
        ("ESCALATED", "civil_affairs", "110109"),
    ]


def test_a_deadline_met_cancels_its_reminders_and_stops_its_ladder(notifications, move_clock):
    engine = notifications.app.state.engine
    _plan(notifications, timedelta(hours=1))
    _plan(notifications, timedelta(days=3), subject_ref="intake-task:other")
    move_clock(timedelta(hours=1, minutes=1))
    assert remind_due(engine) == 1  # at the deadline; the other's day-before is not yet due
    with Session(engine) as session:
        clear_deadline(session, TASK)
        session.commit()
    move_clock(timedelta(days=10))
    assert escalate_due(engine) == 0
    assert remind_due(engine) == 2  # the other task's two; nothing more of the met one
    assert [kind for kind, _, _ in _sent(notifications)].count("ESCALATED") == 0


def test_a_moved_deadline_replaces_the_plan_and_skips_what_is_already_past(notifications):
    _plan(notifications, timedelta(days=5))
    _plan(notifications, timedelta(hours=2))  # paused and resumed: less than a day left
    with Session(notifications.app.state.engine) as session:
        pending = session.exec(
            select(DeadlineReminder).where(DeadlineReminder.cancelled_at.is_(None))  # type: ignore[union-attr]
        ).all()
    assert [r.kind for r in pending] == ["DEADLINE_REACHED"]
    assert pending[0].variables["dueDate"].endswith("日")

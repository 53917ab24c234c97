"""Deadline reminders: planned from a deadline, cancelled when it moves or is met; never commits."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from shouhu.notifications.models import DeadlineReminder
from shouhu.notifications.recipients.service import To
from shouhu.notifications.reminders import repository
from shouhu.notifications.rules import rules
from shouhu.platform.events import utcnow

DISTRICT_TIME = ZoneInfo("Asia/Shanghai")


def plan(
    session: Session,
    subject_ref: str,
    *,
    deadline: str,
    due_at: datetime,
    to: To,
    variables: Mapping[str, object],
    child_id: str | None = None,
) -> Sequence[DeadlineReminder]:
    """The reminders of `subject_ref`'s deadline (cancel any earlier plan first).

    A reminder whose time has passed is not sent late, except the one at the deadline itself.
    The texts get `dueDate` (2026年12月14日) and `dueTime` (17:30) beside `variables`.
    """
    spec = rules().deadline(deadline)
    local = due_at.astimezone(DISTRICT_TIME)
    texts = {
        **{name: str(value) for name, value in variables.items()},
        "dueDate": f"{local.year}年{local.month}月{local.day}日",
        "dueTime": local.strftime("%H:%M"),
    }
    now, planned = utcnow(), []
    for n, step in enumerate(spec.reminders):
        fire_at = due_at - timedelta(minutes=step.minutes_before)
        if fire_at <= now and n < len(spec.reminders) - 1:
            continue
        reminder = DeadlineReminder(
            id=str(uuid.uuid4()),
            subject_ref=subject_ref,
            deadline=deadline,
            kind=step.kind,
            recipient_username=to.username,
            recipient_role=to.role,
            recipient_division=to.division,
            variables=texts,
            child_id=child_id,
            due_at=due_at,
            fire_at=fire_at,
        )
        repository.add(session, reminder)
        planned.append(reminder)
    return planned


def cancel(session: Session, subject_ref: str) -> int:
    """No more reminders of the subject's deadline."""
    return repository.cancel(session, subject_ref, utcnow())


def recipient(reminder: DeadlineReminder) -> To:
    return To(
        username=reminder.recipient_username,
        role=reminder.recipient_role,
        division=reminder.recipient_division,
    )

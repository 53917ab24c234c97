"""Acknowledgement clocks (确认时限) and their ladders; never commits."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlmodel import Session

from shouhu.notifications.escalations import repository
from shouhu.notifications.escalations.schemas import EscalationOut
from shouhu.notifications.models import EscalationTimer, Notification
from shouhu.platform.auth import Principal, Role
from shouhu.platform.errors import Forbidden

MAX_LIST = 200


def start(
    session: Session, notification: Notification, ladder: str, rung: int, minutes: int
) -> EscalationTimer:
    """The clock of a notification: unless acknowledged within `minutes`, rung `rung` is told."""
    timer = EscalationTimer(
        id=str(uuid.uuid4()),
        chain_id=notification.chain_id,
        notification_id=notification.id,
        ladder=ladder,
        rung=rung,
        due_at=notification.created_at + timedelta(minutes=minutes),
    )
    repository.add(session, timer)
    return timer


def stop(session: Session, chain_id: str, now: datetime) -> int:
    return repository.stop_chain(session, chain_id, now)


def stop_about(session: Session, subject_ref: str, now: datetime) -> int:
    return repository.stop_about(session, subject_ref, now)


def under_way(session: Session, principal: Principal) -> list[EscalationOut]:
    """For the district's civil affairs: every chain whose clock is running."""
    if not principal.has_role(Role.CIVIL_AFFAIRS) or len(principal.division_code) != 6:
        raise Forbidden("仅区民政局可查看升级提醒")
    return [
        EscalationOut(
            chain_id=t.chain_id,
            notification_id=t.notification_id,
            ladder=t.ladder,
            next_rung=t.rung,
            due_at=t.due_at,
        )
        for t in repository.under_way(session, MAX_LIST)
    ]

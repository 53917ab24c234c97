"""Rules of in-app notifications; never commits."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement
from sqlmodel import Session

from shouhu.notifications.inapp import repository
from shouhu.notifications.inapp.schemas import (
    NotificationEdge,
    NotificationOut,
    NotificationPage,
)
from shouhu.notifications.models import Notification
from shouhu.platform.auth import Principal
from shouhu.platform.errors import NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.paging import decode_seq_cursor, encode_cursor
from shouhu.platform.schemas import PageInfo

MAX_PAGE = 100


def notify_post(
    session: Session,
    *,
    role: str,
    division: str,
    kind: str,
    title: str,
    body: str,
    child_id: str | None,
    source_event_id: str,
) -> Notification:
    """Leave a notification for whoever holds a post (a role in a division)."""
    notification = Notification(
        id=str(uuid.uuid4()),
        recipient_role=role,
        recipient_division=division,
        kind=kind,
        title=title,
        body=body,
        child_id=child_id,
        source_event_id=source_event_id,
        created_at=utcnow(),
    )
    repository.add(session, notification)
    return notification


def cursor_of(seq: int) -> str:
    """The opaque cursor of a notification's seq: the same in pages and in the live stream."""
    return encode_cursor("notification", str(seq))


def to_out(notification: Notification) -> NotificationOut:
    return NotificationOut(
        id=notification.id,
        cursor=cursor_of(notification.seq or 0),
        kind=notification.kind,
        title=notification.title,
        body=notification.body,
        child_id=notification.child_id,
        created_at=notification.created_at,
        read_at=notification.read_at,
    )


def list_for(
    session: Session,
    principal: Principal,
    *,
    first: int,
    after: str | None,
    unread_only: bool,
) -> NotificationPage:
    """The principal's notifications, newest first."""
    if not 1 <= first <= MAX_PAGE:
        raise ValidationFailed(fields={"first": f"每页条数应在1到{MAX_PAGE}之间"})
    before = decode_seq_cursor("notification", after) if after else None
    rows = repository.page(
        session,
        principal.roles,
        principal.division_code,
        limit=first + 1,
        before_seq=before,
        unread_only=unread_only,
    )
    edges = [NotificationEdge(cursor=cursor_of(n.seq or 0), node=to_out(n)) for n in rows[:first]]
    return NotificationPage(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > first, end_cursor=edges[-1].cursor if edges else None
        ),
        total_count=repository.count(
            session, principal.roles, principal.division_code, unread_only=unread_only
        ),
        unread_count=repository.count(
            session, principal.roles, principal.division_code, unread_only=True
        ),
    )


def visible_to(principal: Principal) -> ColumnElement[bool]:
    """Who sees what: the condition on a notification row under which `principal` may see it."""
    # The one rule of the live stream: `visible_since` filters by it, and the hub hands out new
    # notifications by it for every streaming principal in one query. A change of recipients
    # (another table: an EXISTS here) is made here alone. Today: the posts the principal holds,
    # its roles in its division.
    return repository.for_posts(principal.roles, principal.division_code)


def visible_since(
    session: Session, principal: Principal, after_seq: int | None, limit: int
) -> list[NotificationOut]:
    """What `principal` may see with seq > `after_seq` (None: from the first), oldest first."""
    rows = repository.since(session, visible_to(principal), after_seq=after_seq, limit=limit)
    return [to_out(n) for n in rows]


def mark_read(session: Session, principal: Principal, notification_id: str) -> NotificationOut:
    """Mark one of the principal's notifications read; others' answer `NOT_FOUND`."""
    notification = repository.get(session, notification_id)
    if (
        notification is None
        or notification.recipient_role not in principal.roles
        or notification.recipient_division != principal.division_code
    ):
        raise NotFound("通知不存在")
    if notification.read_at is None:
        notification.read_at = utcnow()
        notification.read_by = principal.username
        repository.add(session, notification)
    return to_out(notification)

"""Rules of in-app notifications: who sees which, read and acknowledged per person."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement
from sqlmodel import Session

from shouhu.notifications.inapp import repository
from shouhu.notifications.inapp.schemas import (
    NotificationEdge,
    NotificationOut,
    NotificationPage,
)
from shouhu.notifications.models import Notification, Receipt
from shouhu.notifications.recipients.service import To
from shouhu.notifications.rules import rules
from shouhu.platform.auth import Principal
from shouhu.platform.errors import NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.paging import decode_seq_cursor, encode_cursor
from shouhu.platform.schemas import PageInfo

MAX_PAGE = 100


def leave(
    session: Session,
    to: To,
    *,
    kind: str,
    urgent: bool,
    requires_ack: bool,
    title: str,
    body: str,
    child_id: str | None,
    subject_ref: str | None,
    source_event_id: str,
    addressed: To | None = None,
    chain_id: str | None = None,
    rung: int = 0,
) -> Notification:
    """Write a notification for its recipient (a person or a post; a contact has no inbox)."""
    notification_id = str(uuid.uuid4())
    notification = Notification(
        id=notification_id,
        recipient_username=to.username,
        recipient_role=to.role,
        recipient_division=to.division,
        contact_mobile=to.mobile,
        addressed_post=addressed.label if addressed and addressed != to else None,
        kind=kind,
        urgent=urgent,
        requires_ack=requires_ack,
        title=title,
        body=body,
        child_id=child_id,
        subject_ref=subject_ref,
        chain_id=chain_id or notification_id,
        rung=rung,
        source_event_id=source_event_id,
        created_at=utcnow(),
    )
    repository.add(session, notification)
    return notification


def cursor_of(seq: int) -> str:
    """The opaque cursor of a notification's seq: the same in pages and in the live stream."""
    return encode_cursor("notification", str(seq))


def to_out(notification: Notification, receipt: Receipt | None = None) -> NotificationOut:
    """As a recipient sees it; without their receipt, as one who has not read it yet."""
    recipient = notification.recipient_username or (
        f"{notification.recipient_role}@{notification.recipient_division}"
        if notification.recipient_role
        else "contact"
    )
    return NotificationOut(
        id=notification.id,
        cursor=cursor_of(notification.seq or 0),
        kind=notification.kind,
        urgent=notification.urgent,
        severity=rules().severity(notification.kind, notification.urgent),
        requires_ack=notification.requires_ack,
        title=notification.title,
        body=notification.body,
        child_id=notification.child_id,
        subject_ref=notification.subject_ref,
        recipient=recipient,
        addressed_post=notification.addressed_post,
        rung=notification.rung,
        created_at=notification.created_at,
        read_at=receipt.read_at if receipt else None,
        acknowledged_at=notification.acknowledged_at,
        acknowledged_by=notification.acknowledged_by,
    )


def outs(
    session: Session, principal: Principal, rows: Sequence[Notification]
) -> list[NotificationOut]:
    """The rows as this person sees them, with their own receipts, in one query."""
    receipts = repository.receipts(session, principal.username, [n.id for n in rows])
    return [to_out(n, receipts.get(n.id)) for n in rows]


def list_for(
    session: Session,
    principal: Principal,
    *,
    first: int,
    after: str | None,
    unread_only: bool,
) -> NotificationPage:
    """The principal's notifications (their own and their posts'), newest first."""
    if not 1 <= first <= MAX_PAGE:
        raise ValidationFailed(fields={"first": f"每页条数应在1到{MAX_PAGE}之间"})
    before = decode_seq_cursor("notification", after) if after else None
    found = repository.page(
        session, principal, limit=first + 1, before_seq=before, unread_only=unread_only
    )
    rows = found[:first]
    edges = [
        NotificationEdge(cursor=out.cursor, node=out)
        for n, out in zip(rows, outs(session, principal, rows), strict=True)
    ]
    return NotificationPage(
        edges=edges,
        page_info=PageInfo.of(edges, more=len(found) > first),
        total_count=repository.count(session, principal, unread_only=unread_only),
        unread_count=repository.count(session, principal, unread_only=True),
    )


def visible_to(principal: Principal) -> ColumnElement[bool]:
    """Who sees what: the condition on a notification under which `principal` may see it.

    The one rule of the pages and the live stream: `visible_since` filters by it, and the hub
    hands out new notifications by it for every streaming principal in one query.
    """
    return repository.visible(principal)


def visible_since(
    session: Session, principal: Principal, after_seq: int | None, limit: int
) -> list[NotificationOut]:
    """What `principal` may see with seq > `after_seq` (None: from the first), oldest first."""
    rows = repository.since(session, visible_to(principal), after_seq=after_seq, limit=limit)
    return outs(session, principal, rows)


def load(session: Session, principal: Principal, notification_id: str) -> Notification:
    """One of the principal's notifications; anyone else's answers `NOT_FOUND`."""
    notification = repository.get(session, notification_id)
    if notification is None or not (
        notification.recipient_username == principal.username
        or (
            notification.recipient_role in principal.roles
            and notification.recipient_division == principal.division_code
        )
    ):
        raise NotFound("通知不存在")
    return notification


def visible_among(session: Session, principal: Principal, ids: Sequence[str]) -> list[str]:
    """Those of these notifications the principal may see, in the order given."""
    seen = set(repository.visible_ids(session, principal, ids))
    return [i for i in dict.fromkeys(ids) if i in seen]


def receipt(session: Session, notification: Notification, username: str) -> Receipt:
    found = repository.receipts(session, username, [notification.id]).get(notification.id)
    return found or Receipt(notification_id=notification.id, username=username)


def mark_read(session: Session, principal: Principal, notification_id: str) -> NotificationOut:
    """Mark one of the principal's notifications read, for this person only."""
    notification = load(session, principal, notification_id)
    mine = receipt(session, notification, principal.username)
    if mine.read_at is None:
        mine.read_at = utcnow()
        repository.add(session, mine)
    return to_out(notification, mine)


def acknowledge(
    session: Session, principal: Principal, notification_id: str
) -> tuple[Notification, NotificationOut]:
    """This person confirms they took it on (确认); reading it is implied. Idempotent."""
    notification = load(session, principal, notification_id)
    now = utcnow()
    mine = receipt(session, notification, principal.username)
    mine.read_at = mine.read_at or now
    mine.acknowledged_at = mine.acknowledged_at or now
    repository.add(session, mine)
    if notification.acknowledged_at is None:
        notification.acknowledged_at, notification.acknowledged_by = now, principal.username
        repository.add(session, notification)
    return notification, to_out(notification, mine)

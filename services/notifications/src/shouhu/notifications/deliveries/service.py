"""Sending through channels: one delivery per channel and address, retried; never commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import Session

from shouhu.notifications.deliveries import repository
from shouhu.notifications.deliveries.events import DELIVERY_FAILED, DeliveryFailed
from shouhu.notifications.deliveries.schemas import DeliveryOut, DeliveryStatus
from shouhu.notifications.models import Delivery, Notification
from shouhu.notifications.recipients import service as recipients
from shouhu.notifications.recipients.service import To
from shouhu.notifications.rules import Channel
from shouhu.platform.auth import Principal, Role
from shouhu.platform.errors import Forbidden
from shouhu.platform.events import record_event
from shouhu.platform.settings import topic_of

TOPIC = topic_of("notifications")
# Waits before each retry of a transient failure; after the last, the delivery fails.
BACKOFF = (timedelta(seconds=30), timedelta(minutes=2), timedelta(minutes=10), timedelta(hours=1))
MAX_LIST = 200


def plan_email(
    session: Session, notification: Notification, to: To, subject: str, body: str
) -> list[Delivery]:
    """An email to each address the recipient has (a duty officer's post, say)."""
    return [
        _planned(session, notification, Channel.EMAIL, address, subject, body, {})
        for address in recipients.emails(to)
    ]


def plan_sms(
    session: Session, notification: Notification, to: To, body: str, params: dict[str, str]
) -> list[Delivery]:
    """An SMS to each mobile of the recipient, sent by the worker as soon as it can."""
    return [
        _planned(session, notification, Channel.SMS, mobile, "", body, params)
        for mobile in recipients.mobiles(session, to)
    ]


def _planned(
    session: Session,
    notification: Notification,
    channel: Channel,
    address: str,
    subject: str,
    body: str,
    params: dict[str, str],
) -> Delivery:
    delivery = Delivery(
        id=str(uuid.uuid4()),
        notification_id=notification.id,
        kind=notification.kind,
        channel=channel.value,
        address=address,
        subject=subject,
        body=body,
        params=params,
        next_attempt_at=notification.created_at,
        created_at=notification.created_at,
    )
    repository.add(session, delivery)
    return delivery


def due(session: Session, now: datetime, limit: int) -> Sequence[Delivery]:
    return repository.due(session, now, limit)


def sent(delivery: Delivery, now: datetime, provider_ref: str | None) -> None:
    delivery.attempts += 1
    delivery.status, delivery.sent_at, delivery.provider_ref = "SENT", now, provider_ref
    delivery.last_error = None


def retry_or_fail(
    session: Session, delivery: Delivery, now: datetime, reason: str, *, final: bool
) -> None:
    """A failure: retried after the next wait, or failed for good (and announced)."""
    delivery.attempts += 1
    delivery.last_error = reason
    if not final and delivery.attempts <= len(BACKOFF):
        delivery.next_attempt_at = now + BACKOFF[delivery.attempts - 1]
        return
    delivery.status = DeliveryStatus.FAILED.value
    record_event(
        session,
        topic=TOPIC,
        source="notifications",
        event_type=DELIVERY_FAILED,
        subject=delivery.notification_id,
        data=DeliveryFailed(
            delivery_id=delivery.id,
            notification_id=delivery.notification_id,
            kind=delivery.kind,
            channel=delivery.channel,
            attempts=delivery.attempts,
            reason=reason,
        ).model_dump(mode="json", by_alias=True),
    )


def masked(address: str) -> str:
    """138****8000, d***@example.org: enough to tell addresses apart, not to use one."""
    if "@" in address:
        local, _, domain = address.partition("@")
        return f"{local[:1]}***@{domain}"
    return address[:3] + "****" + address[-4:] if len(address) == 11 else "***"


def to_out(delivery: Delivery) -> DeliveryOut:
    return DeliveryOut(
        id=delivery.id,
        notification_id=delivery.notification_id,
        channel=delivery.channel,
        address=masked(delivery.address),
        status=DeliveryStatus(delivery.status),
        attempts=delivery.attempts,
        last_error=delivery.last_error,
        next_attempt_at=delivery.next_attempt_at if delivery.status == "PENDING" else None,
        sent_at=delivery.sent_at,
    )


def of_notifications(session: Session, ids: Sequence[str]) -> dict[str, list[DeliveryOut]]:
    """The deliveries of notifications the caller may see, in one query."""
    found: dict[str, list[DeliveryOut]] = {i: [] for i in ids}
    for delivery in repository.of_notifications(session, ids):
        found[delivery.notification_id].append(to_out(delivery))
    return found


def failed(session: Session, principal: Principal) -> list[DeliveryOut]:
    """For the district's civil affairs: deliveries that gave up, newest first."""
    if not principal.has_role(Role.CIVIL_AFFAIRS) or len(principal.division_code) != 6:
        raise Forbidden("仅区民政局可查看投递失败的通知")
    return [to_out(d) for d in repository.failed(session, MAX_LIST)]

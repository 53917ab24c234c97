"""Notifying: above the in-app, deliveries and escalations modules, so none imports another.

`notify` resolves the recipient, leaves the notification, plans its deliveries and starts its
acknowledgement clock, all in the caller's transaction; `escalate_due` moves the ladders on
and `remind_due` sends the deadlines' reminders.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.notifications.channels.base import Channel as Sender
from shouhu.notifications.channels.base import Message, Outcome
from shouhu.notifications.deliveries import service as deliveries
from shouhu.notifications.escalations import repository as timers
from shouhu.notifications.escalations import service as escalations
from shouhu.notifications.escalations.events import ESCALATED, Escalated
from shouhu.notifications.inapp import repository as inbox
from shouhu.notifications.inapp import service as inapp
from shouhu.notifications.inapp.schemas import NotificationOut
from shouhu.notifications.models import Notification
from shouhu.notifications.recipients import cards
from shouhu.notifications.recipients import service as recipients
from shouhu.notifications.recipients.service import To
from shouhu.notifications.reminders import repository as reminders_due
from shouhu.notifications.reminders import service as reminders
from shouhu.notifications.rules import Channel, rules
from shouhu.notifications.templating import Templates, installed
from shouhu.platform.auth import Principal
from shouhu.platform.events import record_event, utcnow
from shouhu.platform.settings import topic_of

log = logging.getLogger(__name__)
TOPIC = topic_of("notifications")
BATCH = 100


def notify(
    session: Session,
    to: To,
    *,
    kind: str,
    variables: Mapping[str, object],
    source_event_id: str,
    child_id: str | None = None,
    subject_ref: str | None = None,
    channels: Sequence[Channel] | None = None,
    chain: tuple[str, int] | None = None,
    pressing: bool = False,
    deadline: str | None = None,
) -> Notification:
    """Tell a recipient in the words of the kind's templates; a kind with a ladder starts its
    acknowledgement clock (the shorter one when `pressing`, a deadline's own for its reminder)."""
    spec = rules().kind(kind)
    resolved = recipients.resolve(session, to)
    ladder_name = None if chain else rules().ladder_of(kind, pressing=pressing, deadline=deadline)
    ladder = rules().ladders.get(ladder_name) if ladder_name else None
    text = installed().render(kind, "inapp", variables)
    notification = inapp.leave(
        session,
        resolved,
        kind=kind,
        urgent=spec.urgent,
        requires_ack=ladder is not None or chain is not None,
        title=text.subject,
        body=text.body,
        child_id=child_id,
        subject_ref=subject_ref,
        source_event_id=source_event_id,
        addressed=to,
        chain_id=chain[0] if chain else None,
        rung=chain[1] if chain else 0,
    )
    wanted = channels or spec.channels
    if Channel.SMS in wanted:
        sms = installed().render(kind, "sms", variables)
        deliveries.plan_sms(session, notification, resolved, sms.body, sms.params)
    if Channel.EMAIL in wanted:
        email = installed().render(kind, "email", variables)
        deliveries.plan_email(session, notification, resolved, email.subject, email.body)
    if ladder is not None and ladder_name is not None and ladder.rungs:
        escalations.start(session, notification, ladder_name, 0, ladder.ack_within_minutes)
    return notification


def check(templates: Templates) -> None:
    """Every kind of the rules has a template for each channel it may go through, or the
    service does not start (`BrokenTemplate` names the first that is missing)."""
    ladders = rules().ladders.values()
    for name, kind in rules().kinds.items():
        channels = {Channel.INAPP, *kind.channels}
        if name == "ESCALATED":
            channels |= {c for ladder in ladders for rung in ladder.rungs for c in rung.channels}
        for channel in channels:
            templates.variables(name, channel.value.lower())


def plan_deadline(
    session: Session,
    subject_ref: str,
    *,
    deadline: str,
    due_at: datetime,
    to: To,
    variables: Mapping[str, object],
    child_id: str | None = None,
) -> None:
    """Remind `to` of the subject's deadline (a day before, at it, then up the ladder), in
    place of whatever was planned for it before."""
    clear_deadline(session, subject_ref)
    reminders.plan(
        session,
        subject_ref,
        deadline=deadline,
        due_at=due_at,
        to=to,
        variables=variables,
        child_id=child_id,
    )


def clear_deadline(session: Session, subject_ref: str) -> None:
    """The deadline is met, paused or gone: no more reminders, and its ladders stop."""
    reminders.cancel(session, subject_ref)
    escalations.stop_about(session, subject_ref, utcnow())


def acknowledge(session: Session, principal: Principal, notification_id: str) -> NotificationOut:
    """The person takes it on: the whole chain's clock stops."""
    notification, out = inapp.acknowledge(session, principal, notification_id)
    escalations.stop(session, notification.chain_id, utcnow())
    return out


def escalate_due(engine: Engine) -> int:
    """Tell the next rung of every chain whose clock ran out; each timer fires once."""
    fired = 0
    while True:
        with Session(engine) as session:
            due = timers.due(session, utcnow(), BATCH)
            for timer in due:
                _escalate(session, timer.chain_id, timer.ladder, timer.rung)
                timer.fired_at = utcnow()
                timers.add(session, timer)
            session.commit()
        fired += len(due)
        if len(due) < BATCH:
            break
    if fired:
        log.info("escalated %d notifications", fired)
    return fired


def _escalate(session: Session, chain_id: str, ladder_name: str, rung_index: int) -> None:
    ladder = rules().ladders[ladder_name]
    rung = ladder.rungs[rung_index]
    root = inbox.get(session, chain_id)
    assert root is not None, chain_id
    division = root.recipient_division or ""
    hours = max(1, round((utcnow() - root.created_at).total_seconds() / 3600))
    posts = [To.post(p.role_after(root.recipient_role), p.division(division)) for p in rung.to]
    told = [
        notify(
            session,
            to,
            kind="ESCALATED",
            variables={
                "originalTitle": root.title,
                "childName": cards.name_of(session, root.child_id),
                "hoursOpen": hours,
                "fromPost": cards.post_name(root.recipient_role, division),
            },
            source_event_id=chain_id,
            child_id=root.child_id,
            subject_ref=root.subject_ref,
            channels=rung.channels,
            chain=(chain_id, rung_index + 1),
        )
        for to in posts
    ]
    if rung_index + 1 < len(ladder.rungs):  # one clock for the rung, however many were told
        escalations.start(session, told[0], ladder_name, rung_index + 1, rung.ack_within_minutes)
    for to, escalated in zip(posts, told, strict=True):
        record_event(
            session,
            topic=TOPIC,
            source="notifications",
            event_type=ESCALATED,
            subject=chain_id,
            data=Escalated(
                chain_id=chain_id,
                kind=root.kind,
                rung=rung_index + 1,
                ladder=ladder_name,
                notification_id=escalated.id,
                recipient=to.label,
                child_id=root.child_id,
                subject_ref=root.subject_ref,
                lapsed_at=utcnow(),
            ).model_dump(mode="json", by_alias=True),
        )


def remind_due(engine: Engine) -> int:
    """Send every deadline reminder whose time has come; each once."""
    sent = 0
    while True:
        with Session(engine) as session:
            due = reminders_due.due(session, utcnow(), BATCH)
            for reminder in due:
                notify(
                    session,
                    reminders.recipient(reminder),
                    kind=reminder.kind,
                    variables=reminder.variables,
                    source_event_id=reminder.id,
                    child_id=reminder.child_id,
                    subject_ref=reminder.subject_ref,
                    deadline=reminder.deadline,
                )
                reminder.fired_at = utcnow()
                session.add(reminder)
            session.commit()
        sent += len(due)
        if len(due) < BATCH:
            break
    if sent:
        log.info("sent %d deadline reminders", sent)
    return sent


def deliver_due(engine: Engine, senders: Mapping[str, Sender]) -> int:
    """Send what is due through its channel: sent, retried later, or failed for good."""
    done = 0
    while True:
        with Session(engine) as session:
            due = deliveries.due(session, utcnow(), BATCH)
            for delivery in due:
                sender = senders[delivery.channel.lower()]
                message = Message(
                    notification_id=delivery.notification_id,
                    kind=delivery.kind,
                    address=delivery.address,
                    body=delivery.body,
                    subject=delivery.subject,
                    sms_params=delivery.params,
                )
                result = asyncio.run(sender.send(message))
                now = utcnow()
                if result.outcome is Outcome.SENT:
                    deliveries.sent(delivery, now, result.provider_id)
                else:
                    reason = result.reason or "发送失败"
                    final = result.outcome is Outcome.REFUSED
                    deliveries.retry_or_fail(session, delivery, now, reason, final=final)
                session.add(delivery)
            session.commit()
        done += len(due)
        if len(due) < BATCH:
            break
    return done

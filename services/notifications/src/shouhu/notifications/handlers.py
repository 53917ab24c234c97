"""What notifies whom: the events that make notifications (the table in docs/notifications.md);
the single window's in `notices.intakes`, the cases' in `notices.cases`, the dropout watch's in
`notices.education`."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from shouhu.notifications.notices import cases, education, intakes, volunteers
from shouhu.notifications.notify import notify
from shouhu.notifications.recipients import cards
from shouhu.notifications.recipients.handlers import HANDLERS as WORKFORCE_HANDLERS
from shouhu.notifications.recipients.service import To
from shouhu.platform.auth import Role
from shouhu.platform.divisions import name as division_name
from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler

CHILD_REGISTERED = "registry.child.registered"
CHILD_UPDATED = "registry.child.updated"
VISIT_RECORDED = "registry.visit.recorded"
ENTITLEMENT_CHANGED = "benefits.entitlement.changed"
OVERDUE_DIGEST = "registry.visits.overdue_digest"


def on_child_registered(session: Session, envelope: Envelope) -> None:
    """The village's child welfare supervisor (儿童福利督导员) hears of a new file."""
    data = envelope.data
    cards.keep(session, data["childId"], data["name"], data["residenceDivisionCode"])
    notify(
        session,
        To.post(Role.VILLAGE_SUPERVISOR.value, data["residenceDivisionCode"]),
        kind="CHILD_REGISTERED",
        variables={
            "childName": data["name"],
            "birthDate": data["birthDate"],
            "divisionName": division_name(data["residenceDivisionCode"]),
        },
        child_id=data["childId"],
        source_event_id=envelope.id,
    )


def on_child_updated(session: Session, envelope: Envelope) -> None:
    """Keep the name and village the texts use."""
    data = envelope.data
    cards.keep(session, data["childId"], data["name"], data["residenceDivisionCode"])


def on_visit_recorded(session: Session, envelope: Envelope) -> None:
    """A high-risk family: the town's child social worker, at once, until acknowledged."""
    data = envelope.data
    if not data.get("highRisk"):
        return
    notify(
        session,
        To.post(Role.TOWN_SOCIAL_WORKER.value, data["townDivisionCode"]),
        kind="VISIT_HIGH_RISK",
        variables={
            "childName": cards.name_of(session, data["childId"]),
            "divisionName": division_name(data["residenceDivisionCode"]),
            "visitDate": data["visitedOn"],
        },
        child_id=data["childId"],
        subject_ref=data["visitId"],
        source_event_id=envelope.id,
    )


def _month(day: str | None) -> str:
    return f"{date.fromisoformat(day):%Y年%m月}" if day else ""


def on_entitlement_changed(session: Session, envelope: Envelope) -> None:
    """An entitlement that starts or ends paying: the village's supervisor (no amount: the
    share could tell health detail the supervisor may not see)."""
    data = envelope.data
    kinds = {"STARTED": "ENTITLEMENT_STARTED", "ENDED": "ENTITLEMENT_ENDED"}
    if data["change"] not in kinds:
        return
    applicant = cards.applicant_of(session, data["childId"])
    if applicant:
        started = data["change"] == "STARTED"
        notify(
            session,
            To.contact(applicant),
            kind="APPLICANT_BENEFIT",
            variables={
                "childName": cards.name_of(session, data["childId"]),
                "programmeName": data["programmeName"],
                "month": _month(data["startsOn"] if started else data.get("endsOn")),
                "change": "开始发放" if started else "停止发放",
            },
            child_id=data["childId"],
            subject_ref=data["entitlementId"],
            source_event_id=envelope.id,
        )
    notify(
        session,
        To.post(Role.VILLAGE_SUPERVISOR.value, data["residenceDivisionCode"]),
        kind=kinds[data["change"]],
        variables={
            "childName": cards.name_of(session, data["childId"]),
            "programmeName": data["programmeName"],
            "startMonth": _month(data["startsOn"]),
            "endMonth": _month(data.get("endsOn")),
            "reason": data["reason"],
        },
        child_id=data["childId"],
        subject_ref=data["entitlementId"],
        source_event_id=envelope.id,
    )


def on_overdue_digest(session: Session, envelope: Envelope) -> None:
    """The week's overdue visits: each village's supervisor, and the town's worker in sum."""
    data = envelope.data
    villages = data["villages"]
    for village in villages:
        notify(
            session,
            To.post(Role.VILLAGE_SUPERVISOR.value, village["villageDivisionCode"]),
            kind="VISITS_OVERDUE_DIGEST",
            variables={
                "divisionName": division_name(village["villageDivisionCode"]),
                "overdueCount": village["overdueCount"],
                "oldestDays": village["oldestDays"],
            },
            subject_ref=f"{data['week']}:{village['villageDivisionCode']}",
            source_event_id=envelope.id,
        )
    if villages:
        notify(
            session,
            To.post(Role.TOWN_SOCIAL_WORKER.value, data["townDivisionCode"]),
            kind="VISITS_OVERDUE_DIGEST",
            variables={
                "divisionName": division_name(data["townDivisionCode"]),
                "overdueCount": sum(v["overdueCount"] for v in villages),
                "oldestDays": max(v["oldestDays"] for v in villages),
            },
            subject_ref=f"{data['week']}:{data['townDivisionCode']}",
            source_event_id=envelope.id,
        )


REGISTRY_HANDLERS: dict[str, EventHandler] = {
    **intakes.HANDLERS,
    **cases.HANDLERS,
    CHILD_REGISTERED: on_child_registered,
    CHILD_UPDATED: on_child_updated,
    VISIT_RECORDED: on_visit_recorded,
    OVERDUE_DIGEST: on_overdue_digest,
    **WORKFORCE_HANDLERS,
}
BENEFITS_HANDLERS: dict[str, EventHandler] = {ENTITLEMENT_CHANGED: on_entitlement_changed}
EDUCATION_HANDLERS: dict[str, EventHandler] = {**education.HANDLERS}
VOLUNTEERS_HANDLERS: dict[str, EventHandler] = {**volunteers.HANDLERS}

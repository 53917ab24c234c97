"""The protection cases' notices (强制报告): the police at once and until they answer, the
town's workforce, the reporter's status (never the child's file or the findings)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from shouhu.notifications.inapp import repository as inbox
from shouhu.notifications.notify import clear_deadline, notify, plan_deadline
from shouhu.notifications.recipients import cards
from shouhu.notifications.recipients import service as recipients
from shouhu.notifications.recipients.service import To
from shouhu.platform.auth import Role
from shouhu.platform.clock import DISTRICT_TZ
from shouhu.platform.divisions import name as division_name
from shouhu.platform.divisions import names as division_names
from shouhu.platform.events import Envelope
from shouhu.platform.labels import REPORT_KIND_NAMES
from shouhu.platform.worker import EventHandler

REPORTED = "registry.case.reported"
ACCEPTED = "registry.case.accepted"
MISSING_ALERT_OPENED = "registry.case.missing_alert_opened"
MISSING_ALERT_CLOSED = "registry.case.missing_alert_closed"
TOWN_NOTIFIED = "registry.case.town_notified"
ASSESSED = "registry.case.assessed"
PETITION_DUE = "registry.case.petition_due"
CLOSED = "registry.case.closed"
DISTRICT = "110109"
UNNAMED = "（姓名不详）"
UNKNOWN_DAY = "日期不详"
# What the reporter is told of each step: the status, nothing of the child or the findings.
STATUS_TOLD = {
    REPORTED: "已送达公安机关",
    ACCEPTED: "已由公安机关受理",
    TOWN_NOTIFIED: "已通报属地镇街开展评估",
    ASSESSED: "已完成评估、落实帮扶",
    CLOSED: "已办结",
}
PETITION_REASONS = {
    "SIX_MONTHS": "已满六个月，监护人仍拒不履行监护职责",
    "SERIOUS_HARM": "涉及严重侵害",
}


def _ref(data: dict[str, Any]) -> str:
    """How a case's notifications and deadlines are named (the registry's timeline reads it)."""
    return f"case:{data['caseId']}"


def _town(data: dict[str, Any]) -> str:
    return str(data["townDivisionCode"] or DISTRICT)


def _child_name(session: Session, data: dict[str, Any]) -> str:
    if data.get("childName"):
        return str(data["childName"])
    return cards.name_of(session, data["childId"]) if data.get("childId") else UNNAMED


def _day(text: str | None) -> str:
    """A day as the notices say it; a report may not say when it happened."""
    if not text:
        return UNKNOWN_DAY
    day = date.fromisoformat(text)
    return f"{day.year}年{day.month}月{day.day}日"


def _tell_reporter(session: Session, envelope: Envelope, reporter: str | None) -> None:
    if not reporter:
        return
    notify(
        session,
        To.person(reporter),
        kind="REPORT_STATUS",
        variables={
            "caseNumber": envelope.data["caseNumber"],
            "statusName": STATUS_TOLD[envelope.type],
        },
        subject_ref=_ref(envelope.data),
        source_event_id=envelope.id,
    )


def _reporter_of(session: Session, data: dict[str, Any]) -> str | None:
    """Who filed it: the one the receipt went to."""
    receipt = inbox.first_about(session, _ref(data), "REPORT_STATUS")
    return receipt.recipient_username if receipt else None


def on_reported(session: Session, envelope: Envelope) -> None:
    """The police of the place, at once, until they accept it: the town's station (the
    district's command for a place above a town); the reporter has the receipt."""
    data = envelope.data
    notify(
        session,
        To.post(Role.POLICE.value, _town(data)),
        kind="REPORT_FILED",
        variables={
            "caseNumber": data["caseNumber"],
            "kindName": REPORT_KIND_NAMES.get(data["kind"], data["kind"]),
            "divisionName": division_name(data["divisionCode"]),
            "occurredOn": _day(data.get("occurredOn")),
            "childName": _child_name(session, data),
            "institution": data.get("institution") or "公众来电或工作人员",
        },
        child_id=data.get("childId"),
        subject_ref=_ref(data),
        source_event_id=envelope.id,
        pressing=bool(data["urgent"]),
    )
    _tell_reporter(session, envelope, data["actor"])


def on_accepted(session: Session, envelope: Envelope) -> None:
    """Accepted: the police's clock stops; the reporter is told."""
    clear_deadline(session, _ref(envelope.data))
    _tell_reporter(session, envelope, _reporter_of(session, envelope.data))


def _workforce_of(town: str) -> list[To]:
    """The town's social worker and every village's supervisor."""
    villages = sorted(c for c in division_names() if len(c) == 12 and c.startswith(town))
    return [
        To.post(Role.TOWN_SOCIAL_WORKER.value, town),
        *(To.post(Role.VILLAGE_SUPERVISOR.value, v) for v in villages),
    ]


def _alert(session: Session, envelope: Envelope, kind: str) -> None:
    data = envelope.data
    # A village nobody supervises goes up to the town's worker: told once, not once a village.
    reached = {recipients.resolve(session, to) for to in _workforce_of(_town(data))}
    for to in sorted(reached, key=lambda t: t.label):
        notify(
            session,
            to,
            kind=kind,
            variables={
                "caseNumber": data["caseNumber"],
                "divisionName": division_name(data["divisionCode"]),
                "childName": _child_name(session, data),
                "note": data.get("note") or "",
            },
            child_id=data.get("childId"),
            subject_ref=_ref(data),
            source_event_id=envelope.id,
        )


def on_missing_alert_opened(session: Session, envelope: Envelope) -> None:
    """A missing child: the town's workforce looks out, at once."""
    _alert(session, envelope, "MISSING_CHILD_ALERT")


def on_missing_alert_closed(session: Session, envelope: Envelope) -> None:
    """Found: the same people stand down."""
    _alert(session, envelope, "MISSING_CHILD_FOUND")


def on_town_notified(session: Session, envelope: Envelope) -> None:
    """通报: the town's social worker assesses within the deadline, reminded and escalated."""
    data = envelope.data
    worker = To.post(Role.TOWN_SOCIAL_WORKER.value, _town(data))
    due = datetime.fromisoformat(data["assessmentDueAt"]).astimezone(DISTRICT_TZ)
    child_name = _child_name(session, data)
    notify(
        session,
        worker,
        kind="CASE_REFERRED",
        variables={
            "caseNumber": data["caseNumber"],
            "kindName": REPORT_KIND_NAMES.get(data["kind"], data["kind"]),
            "divisionName": division_name(data["divisionCode"]),
            "childName": child_name,
            "dueDate": f"{due.year}年{due.month}月{due.day}日",
            "dueTime": f"{due:%H:%M}",
            "note": data.get("note") or "",
        },
        child_id=data.get("childId"),
        subject_ref=_ref(data),
        source_event_id=envelope.id,
    )
    plan_deadline(
        session,
        _ref(data),
        deadline="CASE_ASSESSMENT",
        due_at=due,
        to=worker,
        variables={"subject": f"{data['caseNumber']}评估", "childName": child_name},
        child_id=data.get("childId"),
    )
    _tell_reporter(session, envelope, _reporter_of(session, data))


def on_assessed(session: Session, envelope: Envelope) -> None:
    """Assessed: its deadline is met."""
    clear_deadline(session, _ref(envelope.data))
    _tell_reporter(session, envelope, _reporter_of(session, envelope.data))


def on_petition_due(session: Session, envelope: Envelope) -> None:
    """Six months of refused duty, or serious harm: the town's worker and the district's civil
    affairs are prompted to petition the court (申请撤销监护人资格)."""
    data = envelope.data
    for to in (
        To.post(Role.TOWN_SOCIAL_WORKER.value, _town(data)),
        To.post(Role.CIVIL_AFFAIRS.value, DISTRICT),
    ):
        notify(
            session,
            to,
            kind="PETITION_DUE",
            variables={
                "caseNumber": data["caseNumber"],
                "childName": _child_name(session, data),
                "reasonText": PETITION_REASONS.get(data["reason"], data["reason"]),
            },
            child_id=data.get("childId"),
            subject_ref=_ref(data),
            source_event_id=envelope.id,
        )


def on_closed(session: Session, envelope: Envelope) -> None:
    """Closed: nothing more is due; the reporter is told."""
    clear_deadline(session, _ref(envelope.data))
    _tell_reporter(session, envelope, _reporter_of(session, envelope.data))


HANDLERS: dict[str, EventHandler] = {
    REPORTED: on_reported,
    ACCEPTED: on_accepted,
    MISSING_ALERT_OPENED: on_missing_alert_opened,
    MISSING_ALERT_CLOSED: on_missing_alert_closed,
    TOWN_NOTIFIED: on_town_notified,
    ASSESSED: on_assessed,
    PETITION_DUE: on_petition_due,
    CLOSED: on_closed,
}

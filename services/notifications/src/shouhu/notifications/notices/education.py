"""Education's notices. The dropout watch (控辍保学): the town's social worker and the education
department hear of a child of compulsory-school age out of school; one still open past
education's deadline goes to the worker, up the ladder unacknowledged; a closed one stops its
ladder. Home teaching (送教上门): a month short of the plan's sessions goes to the same two.

Every notification of a risk is about `dropout-risk:<riskId>` (`subjectRef`); of a month short,
`home-teaching:<planId>:<month>`. A school's staff are not told: notifications knows people by
role and division, and a school is neither (which staff user works at which school is education's
`school_staff` table), as for the dropout watch's notices.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from shouhu.notifications.notify import clear_deadline, notify
from shouhu.notifications.recipients import cards
from shouhu.notifications.recipients.service import To
from shouhu.notifications.rules import rules
from shouhu.platform.auth import Role
from shouhu.platform.divisions import name as division_name
from shouhu.platform.events import Envelope
from shouhu.platform.worker import EventHandler

DROPOUT_RISK_OPENED = "education.dropout_risk.opened"
DROPOUT_RISK_CLOSED = "education.dropout_risk.closed"
DROPOUT_RISK_OVERDUE = "education.dropout_risk.overdue"
SESSIONS_MISSED = "education.home_teaching.sessions_missed"
EDUCATION = "EDUCATION"  # the department's post, as the single window's tasks reach it

REASON_NAMES = {
    "NOT_ENROLLED": "未在任何学校登记学籍",
    "ENROLMENT_ENDED": "学籍终止后未在任何学校就读",
    "LONG_ABSENCE": "连续缺课",
}
OUTCOME_NAMES = {
    "ENROLLED": "已登记学籍",
    "RETURNED": "已返校",
    "EXEMPTED": "已登记免予入学",
    "AGE_LEFT": "已超出义务教育年龄",
    "CHILD_EXITED": "儿童已退出关爱保护范围",
}


def _ref(data: dict[str, object]) -> str:
    return f"dropout-risk:{data['riskId']}"


def _day(text: object) -> str:
    return f"{date.fromisoformat(str(text)):%Y年%m月%d日}"


def _worker(data: dict[str, object]) -> To:
    """The child's town's social worker (its post; an empty one goes up to civil affairs)."""
    return To.post(Role.TOWN_SOCIAL_WORKER.value, str(data["townDivisionCode"]))


def _department(data: dict[str, object]) -> To:
    post = rules().department_post(EDUCATION)
    return To.post(post.role, post.division(str(data["townDivisionCode"])))


def _variables(session: Session, data: dict[str, object]) -> dict[str, object]:
    return {
        "childName": cards.name_of(session, str(data["childId"])),
        "divisionName": division_name(str(data["residenceDivisionCode"])),
        "reasonName": REASON_NAMES.get(str(data["reason"]), str(data["reason"])),
        "dueDate": _day(data["dueOn"]),
    }


def on_risk_opened(session: Session, envelope: Envelope) -> None:
    """The town's social worker and the education department, each with the deadline."""
    data = envelope.data
    variables = _variables(session, data)
    for to in (_worker(data), _department(data)):
        notify(
            session,
            to,
            kind="DROPOUT_RISK_OPENED",
            variables=variables,
            child_id=data["childId"],
            subject_ref=_ref(data),
            source_event_id=envelope.id,
        )


def on_risk_overdue(session: Session, envelope: Envelope) -> None:
    """Past the deadline: the worker at once, to acknowledge; then the district
    (`DROPOUT_RISK_LATE`)."""
    data = envelope.data
    notify(
        session,
        _worker(data),
        kind="DROPOUT_RISK_OVERDUE",
        variables=_variables(session, data),
        child_id=data["childId"],
        subject_ref=_ref(data),
        source_event_id=envelope.id,
    )


def on_risk_closed(session: Session, envelope: Envelope) -> None:
    """Resolved, exempted or closed: its ladders stop; the worker is told how it ended."""
    data = envelope.data
    clear_deadline(session, _ref(data))
    notify(
        session,
        _worker(data),
        kind="DROPOUT_RISK_CLOSED",
        variables={
            "childName": cards.name_of(session, data["childId"]),
            "divisionName": division_name(data["residenceDivisionCode"]),
            "outcomeName": OUTCOME_NAMES.get(data["outcome"], data["outcome"]),
        },
        child_id=data["childId"],
        subject_ref=_ref(data),
        source_event_id=envelope.id,
    )


def on_sessions_missed(session: Session, envelope: Envelope) -> None:
    """A month of home teaching short of its schedule: the town's social worker and the
    education department, as for a dropout risk."""
    data = envelope.data
    month = date.fromisoformat(f"{data['month']}-01")
    variables = {
        "childName": cards.name_of(session, str(data["childId"])),
        "divisionName": division_name(str(data["residenceDivisionCode"])),
        "monthName": f"{month.year}年{month.month}月",
        "held": data["held"],
        "expected": data["expected"],
        "schoolName": data["schoolName"],
    }
    for to in (_worker(data), _department(data)):
        notify(
            session,
            to,
            kind="HOME_TEACHING_MISSED",
            variables=variables,
            child_id=data["childId"],
            subject_ref=f"home-teaching:{data['planId']}:{data['month']}",
            source_event_id=envelope.id,
        )


HANDLERS: dict[str, EventHandler] = {
    DROPOUT_RISK_OPENED: on_risk_opened,
    DROPOUT_RISK_OVERDUE: on_risk_overdue,
    DROPOUT_RISK_CLOSED: on_risk_closed,
    SESSIONS_MISSED: on_sessions_missed,
}

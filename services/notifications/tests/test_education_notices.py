"""The dropout watch's notices (控辍保学): the town's social worker and the education department
hear of a risk; an overdue one goes to the worker to acknowledge, then up the ladder; a closed
one stops it. And what these handlers read is what education publishes (its committed schemas)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, SQLModel, col, select

from shouhu.notifications.handlers import EDUCATION_HANDLERS
from shouhu.notifications.models import Notification
from shouhu.notifications.notify import escalate_due
from shouhu.platform.db import make_engine
from shouhu.platform.events import Envelope

EDUCATION_EVENTS = Path(__file__).resolve().parents[2] / "education" / "events"
VILLAGE = "110109001001"
RISK = {
    "riskId": "r-1",
    "childId": "child-1",
    "reason": "NOT_ENROLLED",
    "openedOn": "2026-12-01",
    "dueOn": "2026-12-15",
    "residenceDivisionCode": VILLAGE,
    "townDivisionCode": VILLAGE[:9],
    # closed
    "status": "RESOLVED",
    "outcome": "ENROLLED",
    "closedOn": "2026-12-02",
    "exemptionReason": None,
    "closedBy": "education.district",
}
FIELDS = {
    "opened": {
        "riskId",
        "childId",
        "reason",
        "openedOn",
        "dueOn",
        "residenceDivisionCode",
        "townDivisionCode",
    },
    "overdue": {
        "riskId",
        "childId",
        "reason",
        "openedOn",
        "dueOn",
        "residenceDivisionCode",
        "townDivisionCode",
    },
    "closed": {
        "riskId",
        "childId",
        "reason",
        "status",
        "outcome",
        "openedOn",
        "closedOn",
        "exemptionReason",
        "residenceDivisionCode",
        "townDivisionCode",
        "closedBy",
    },
}


def event(step: str, **data: Any) -> Envelope:
    wanted = FIELDS[step]
    return Envelope(
        type=f"education.dropout_risk.{step}",
        source="education",
        subject="child-1",
        data={**{k: v for k, v in RISK.items() if k in wanted}, **data},
    )


@pytest.fixture
def tell(notifications, deliver, registered, holders):
    """Education's events applied as the consumer would; the child known by its registration."""
    deliver(registered(VILLAGE, 1))

    def run(*envelopes: Envelope) -> None:
        with Session(notifications.app.state.engine) as session:
            for envelope in envelopes:
                EDUCATION_HANDLERS[envelope.type](session, envelope)
            session.commit()

    return run


def _sent(client) -> list[tuple[str, str | None, str | None]]:
    with Session(client.app.state.engine) as session:
        rows = session.exec(
            select(Notification)
            .where(col(Notification.kind) != "CHILD_REGISTERED")
            .order_by(col(Notification.seq))
        ).all()
    return [(n.kind, n.recipient_role, n.recipient_division) for n in rows]


def test_a_risk_opened_tells_the_towns_worker_and_the_education_department(notifications, tell):
    tell(event("opened"))
    assert _sent(notifications) == [
        ("DROPOUT_RISK_OPENED", "town_social_worker", "110109001"),
        ("DROPOUT_RISK_OPENED", "education", "110109"),
    ]
    with Session(notifications.app.state.engine) as session:
        told = session.exec(
            select(Notification).where(Notification.kind == "DROPOUT_RISK_OPENED")
        ).first()
    assert told is not None
    assert told.subject_ref == "dropout-risk:r-1" and told.child_id == "child-1"
    assert "儿童1" in told.body and "2026年12月15日" in told.body and not told.requires_ack


def test_overdue_the_worker_must_acknowledge_then_the_district_hears(
    notifications, tell, move_clock
):
    tell(event("opened"), event("overdue"))
    engine = notifications.app.state.engine
    with Session(engine) as session:
        overdue = session.exec(
            select(Notification).where(Notification.kind == "DROPOUT_RISK_OVERDUE")
        ).one()
    assert (overdue.recipient_role, overdue.urgent, overdue.requires_ack) == (
        "town_social_worker",
        True,
        True,
    )
    move_clock(timedelta(days=1, minutes=1))
    assert escalate_due(engine) == 1
    assert [s[1:] for s in _sent(notifications) if s[0] == "ESCALATED"] == [
        ("education", "110109"),
        ("civil_affairs", "110109"),
    ]


def test_closed_its_ladder_stops_and_the_worker_hears_how(notifications, tell, move_clock):
    tell(event("opened"), event("overdue"), event("closed"))
    closed = [s for s in _sent(notifications) if s[0] == "DROPOUT_RISK_CLOSED"]
    assert closed == [("DROPOUT_RISK_CLOSED", "town_social_worker", "110109001")]
    with Session(notifications.app.state.engine) as session:
        told = session.exec(
            select(Notification).where(Notification.kind == "DROPOUT_RISK_CLOSED")
        ).one()
    assert "已登记学籍" in told.body
    move_clock(timedelta(days=2))
    assert escalate_due(notifications.app.state.engine) == 0


@pytest.mark.parametrize("step", sorted(FIELDS))
def test_the_handlers_take_education_events_as_published(tmp_path, step):
    """A payload of exactly the published required fields is enough for each handler."""
    event_type = f"education.dropout_risk.{step}"
    published = json.loads((EDUCATION_EVENTS / f"{event_type}.v1.json").read_text("utf-8"))
    assert set(published["properties"]) == FIELDS[step]
    required = set(published["required"])
    data = {k: v for k, v in RISK.items() if k in required}
    assert set(data) == required
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        EDUCATION_HANDLERS[event_type](
            session, Envelope(type=event_type, source="education", subject="c-1", data=data)
        )
        session.commit()


MISSED = "education.home_teaching.sessions_missed"
SHORT = {
    "planId": "p-1",
    "childId": "child-1",
    "month": "2026-11",
    "expected": 4,
    "held": 1,
    "schoolCode": "2111090002",
    "schoolName": "大峪中心小学",
    "residenceDivisionCode": VILLAGE,
    "townDivisionCode": VILLAGE[:9],
}


def test_every_handler_is_of_an_event_education_publishes():
    assert set(EDUCATION_HANDLERS) == {f"education.dropout_risk.{s}" for s in FIELDS} | {MISSED}
    for event_type in EDUCATION_HANDLERS:
        assert (EDUCATION_EVENTS / f"{event_type}.v1.json").exists()


def test_a_month_of_home_teaching_short_tells_the_towns_worker_and_the_department(
    notifications, tell
):
    published = json.loads((EDUCATION_EVENTS / f"{MISSED}.v1.json").read_text("utf-8"))
    assert set(published["required"]) == set(SHORT)  # what the handler reads is published
    tell(Envelope(type=MISSED, source="education", subject="child-1", data=SHORT))
    assert _sent(notifications) == [
        ("HOME_TEACHING_MISSED", "town_social_worker", "110109001"),
        ("HOME_TEACHING_MISSED", "education", "110109"),
    ]
    with Session(notifications.app.state.engine) as session:
        told = session.exec(
            select(Notification).where(Notification.kind == "HOME_TEACHING_MISSED")
        ).first()
    assert told is not None
    assert told.subject_ref == "home-teaching:p-1:2026-11" and told.child_id == "child-1"
    assert "2026年11月" in told.body and "1次" in told.body and "4次" in told.body

"""Benefits on SQLite with its real migrations, tokens from the embedded provider, and events
delivered by hand through the real consumer (inbox included)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from shouhu.benefits.app import HANDLERS, create_app
from shouhu.benefits.settings import BenefitsSettings
from shouhu.platform.clock import DISTRICT_TZ
from shouhu.platform.events import Envelope, OutboxRow
from shouhu.platform.transport import Message
from shouhu.platform.worker import EventConsumer

VILLAGE = "110109001001"
OTHER_TOWN_VILLAGE = "110109101001"
GROUP_OF = {
    "MINIMUM_SUBSISTENCE_FAMILY": "POVERTY",
    "LOW_INCOME_FAMILY": "POVERTY",
    "ORPHAN": "GUARDIANSHIP_LACK",
    "ABANDONED_INFANT": "GUARDIANSHIP_LACK",
    "DE_FACTO_UNSUPPORTED": "GUARDIANSHIP_LACK",
    "STREET_CHILD": "GUARDIANSHIP_LACK",
    "DISABLED": "ILLNESS_DISABILITY",
    "SERIOUSLY_ILL": "ILLNESS_DISABILITY",
    "HIV_AFFECTED": "ILLNESS_DISABILITY",
    "TRAFFICKING_RESCUED": "TEMPORARY",
    "TEMPORARILY_WITHOUT_FAMILY_SUPPORT": "TEMPORARY",
    "BOTH_PARENTS_AWAY": "LEFT_BEHIND",
    "ONE_AWAY_OTHER_INCAPABLE": "LEFT_BEHIND",
}


@pytest.fixture
def benefits(tmp_path, verifier) -> Iterator[TestClient]:
    # No worker: tests deliver events themselves, so nothing races them.
    settings = BenefitsSettings(
        database_url=f"sqlite:///{tmp_path / 'benefits.db'}", run_worker=False
    )
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


def at(day: date) -> datetime:
    """Noon of a district day, as the event time that dates a decision."""
    return datetime.combine(day, time(12), tzinfo=DISTRICT_TZ).astimezone(UTC)


def registered(
    child_id: str, day: date, *, village: str = VILLAGE, birth: date = date(2015, 3, 1)
) -> Envelope:
    return Envelope(
        type="registry.child.registered",
        source="registry",
        subject=child_id,
        time=at(day),
        data={
            "childId": child_id,
            "name": f"儿童{child_id[:4]}",
            "gender": "FEMALE",
            "birthDate": birth.isoformat(),
            "residenceDivisionCode": village,
            "townDivisionCode": village[:9],
            "registeredBy": "clerk.district",
        },
    )


def classified(
    child_id: str,
    day: date,
    subtypes: list[str],
    *,
    village: str = VILLAGE,
    birth: date = date(2015, 3, 1),
    since: date | None = None,
    until: dict[str, date] | None = None,
) -> Envelope:
    until = until or {}
    return Envelope(
        type="registry.child.classified",
        source="registry",
        subject=child_id,
        time=at(day),
        data={
            "childId": child_id,
            "classifications": [
                {
                    "group": GROUP_OF[s],
                    "subtype": s,
                    "since": (since or day).isoformat(),
                    "until": until[s].isoformat() if s in until else None,
                }
                for s in subtypes
            ],
            "primaryCategory": "HARDSHIP" if subtypes else "NONE",
            "leftBehind": False,
            "birthDate": birth.isoformat(),
            "residenceDivisionCode": village,
            "townDivisionCode": village[:9],
            "classifiedBy": "worker.110109001",
        },
    )


def exited(child_id: str, day: date, *, village: str = VILLAGE) -> Envelope:
    return Envelope(
        type="registry.child.exited",
        source="registry",
        subject=child_id,
        time=at(day),
        data={
            "childId": child_id,
            "reason": "MOVED_OUT",
            "exitedOn": day.isoformat(),
            "residenceDivisionCode": village,
            "exitedBy": "worker.110109001",
        },
    )


def guardians(child_id: str, day: date, *, capable: bool) -> Envelope:
    return Envelope(
        type="registry.child.guardianship_changed",
        source="registry",
        subject=child_id,
        time=at(day),
        data={
            "childId": child_id,
            "guardians": [
                {
                    "relation": "GRANDMOTHER",
                    "isGuardian": True,
                    "capacity": "FULL" if capable else "NONE",
                    "workingAway": False,
                }
            ],
            "entrusted": False,
            "entrustedSince": None,
            "residenceDivisionCode": VILLAGE,
            "changedBy": "worker.110109001",
        },
    )


def intervention(child_id: str, case_id: str, day: date, *, opened: bool) -> Envelope:
    kind = "opened" if opened else "closed"
    return Envelope(
        type=f"registry.case.intervention_{kind}",
        source="registry",
        subject=child_id,
        time=at(day),
        data={"childId": child_id, "caseId": case_id, f"{kind}On": day.isoformat()},
    )


def task_created(
    child_id: str, day: date, *, need: str, department: str = "CIVIL_AFFAIRS", task_id: str = "t-1"
) -> Envelope:
    """The registry's single window gave a department a task for the child."""
    return Envelope(
        type="registry.intake.task_created",
        source="registry",
        subject=child_id,
        time=at(day),
        data={
            "taskId": task_id,
            "intakeId": "intake-1",
            "receiptNumber": "MTG-2026-000001",
            "childId": child_id,
            "divisionCode": VILLAGE,
            "department": department,
            "need": need,
            "status": "PENDING",
            "dueAt": at(day).isoformat(),
            "actor": "clerk.110109001",
            "at": at(day).isoformat(),
            "note": None,
            "clerk": "clerk.110109001",
            "applicantPhone": "13800000001",
        },
    )


class Harness:
    """Delivers events through the real consumer, and plays the relay for benefits' own events."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.engine = client.app.state.engine
        self.consumer = EventConsumer("benefits", self.engine, HANDLERS)

    def deliver(self, *envelopes: Envelope) -> None:
        for envelope in envelopes:
            topic = f"shouhu.{envelope.source}"
            self.consumer.handle(
                Message(topic=topic, key=envelope.subject, value=envelope.to_bytes())
            )
        self.pump()

    def pump(self, *, retime: date | None = None) -> None:
        """Consume benefits' own work from the outbox (ranges of re-decisions) until none;
        `retime` dates the work as if asked for on that day."""
        while True:
            with Session(self.engine) as session:
                rows = session.exec(
                    select(OutboxRow)
                    .where(col(OutboxRow.published_at).is_(None))
                    .order_by(col(OutboxRow.seq))
                ).all()
                own = [
                    Envelope.model_validate_json(r.payload)
                    for r in rows
                    if r.event_type in HANDLERS
                ]
                for row in rows:
                    row.published_at = datetime.now(UTC)
                    session.add(row)
                session.commit()
            if not own:
                return
            for envelope in own:
                if retime is not None:
                    envelope.time = at(retime)
                    if "decideOn" in envelope.data:
                        envelope.data["decideOn"] = retime.isoformat()
                self.consumer.handle(
                    Message(
                        topic="shouhu.benefits", key=envelope.subject, value=envelope.to_bytes()
                    )
                )

    def events(self, event_type: str | None = None) -> list[dict[str, Any]]:
        """Every event benefits has put in its outbox, oldest first."""
        with Session(self.engine) as session:
            rows = session.exec(select(OutboxRow).order_by(col(OutboxRow.seq))).all()
        return [
            {"type": r.event_type, "topic": r.topic, **Envelope.model_validate_json(r.payload).data}
            for r in rows
            if event_type is None or r.event_type == event_type
        ]


@pytest.fixture
def harness(benefits) -> Harness:
    return Harness(benefits)


def new_id() -> str:
    return str(uuid.uuid4())


class Events:
    """The registry's events as benefits receives them, dated by the day given."""

    registered = staticmethod(registered)
    classified = staticmethod(classified)
    exited = staticmethod(exited)
    guardians = staticmethod(guardians)
    intervention = staticmethod(intervention)
    task_created = staticmethod(task_created)
    new_id = staticmethod(new_id)
    at = staticmethod(at)


@pytest.fixture
def ev() -> type[Events]:
    return Events

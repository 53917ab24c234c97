"""Education on SQLite with its real migrations, tokens from the embedded provider, and the
registry's events delivered by hand through the real consumer (inbox included)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from shouhu.education.app import HANDLERS, create_app
from shouhu.education.settings import EducationSettings
from shouhu.platform.clock import DISTRICT_TZ
from shouhu.platform.events import Envelope, OutboxRow
from shouhu.platform.transport import Message
from shouhu.platform.worker import EventConsumer

VILLAGE = "110109001001"
OTHER_TOWN_VILLAGE = "110109101001"
GROUP_OF = {
    "MINIMUM_SUBSISTENCE_FAMILY": "POVERTY",
    "ORPHAN": "GUARDIANSHIP_LACK",
    "DISABLED": "ILLNESS_DISABILITY",
    "SERIOUSLY_ILL": "ILLNESS_DISABILITY",
    "BOTH_PARENTS_AWAY": "LEFT_BEHIND",
}


@pytest.fixture
def education(tmp_path, verifier) -> Iterator[TestClient]:
    # No worker: tests deliver events themselves, so nothing races them.
    settings = EducationSettings(
        database_url=f"sqlite:///{tmp_path / 'education.db'}", run_worker=False, demo_data=True
    )
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


def at(day: date) -> datetime:
    """Noon of a district day, as an event's time."""
    return datetime.combine(day, time(12), tzinfo=DISTRICT_TZ).astimezone(UTC)


def registered(
    child_id: str, *, village: str = VILLAGE, birth: date = date(2016, 3, 1), name: str = ""
) -> Envelope:
    return Envelope(
        type="registry.child.registered",
        source="registry",
        subject=child_id,
        time=at(date(2026, 1, 5)),
        data={
            "childId": child_id,
            "name": name or f"儿童{child_id[:4]}",
            "gender": "FEMALE",
            "birthDate": birth.isoformat(),
            "residenceDivisionCode": village,
            "townDivisionCode": village[:9],
            "registeredBy": "clerk.district",
        },
    )


def updated(
    child_id: str, *, village: str = VILLAGE, birth: date = date(2016, 3, 1), name: str = "新名"
) -> Envelope:
    return Envelope(
        type="registry.child.updated",
        source="registry",
        subject=child_id,
        data={
            "childId": child_id,
            "changed": ["name", "residenceDivisionCode"],
            "name": name,
            "gender": "FEMALE",
            "birthDate": birth.isoformat(),
            "residenceDivisionCode": village,
            "townDivisionCode": village[:9],
            "updatedBy": "clerk.district",
        },
    )


def classified(
    child_id: str,
    subtypes: list[str],
    *,
    village: str = VILLAGE,
    birth: date = date(2016, 3, 1),
    left_behind: bool = False,
) -> Envelope:
    return Envelope(
        type="registry.child.classified",
        source="registry",
        subject=child_id,
        data={
            "childId": child_id,
            "classifications": [
                {"group": GROUP_OF[s], "subtype": s, "since": "2026-01-05", "until": None}
                for s in subtypes
            ],
            "primaryCategory": "HARDSHIP" if subtypes else "NONE",
            "leftBehind": left_behind,
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
        data={
            "childId": child_id,
            "reason": "MOVED_OUT",
            "exitedOn": day.isoformat(),
            "residenceDivisionCode": village,
            "exitedBy": "worker.110109001",
        },
    )


def task_created(child_id: str, *, department: str = "EDUCATION", need: str = "EDUCATION_AID"):
    """The single window gave a department a task (`registry.intake.task_created`)."""
    return Envelope(
        type="registry.intake.task_created",
        source="registry",
        subject=child_id,
        data={
            "taskId": str(uuid.uuid4()),
            "intakeId": "i-1",
            "receiptNumber": "MTG-2026-000001",
            "childId": child_id,
            "divisionCode": VILLAGE,
            "department": department,
            "need": need,
            "status": "PENDING",
            "dueAt": "2026-12-21T15:59:59Z",
            "actor": "clerk.110109001",
            "at": "2026-12-01T02:00:00Z",
            "note": None,
        },
    )


class Harness:
    """Delivers the registry's events through the real consumer; reads education's outbox."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.engine = client.app.state.engine
        self.consumer = EventConsumer("education", self.engine, HANDLERS)

    def deliver(self, *envelopes: Envelope) -> None:
        for envelope in envelopes:
            self.consumer.handle(
                Message(
                    topic=f"shouhu.{envelope.source}",
                    key=envelope.subject,
                    value=envelope.to_bytes(),
                )
            )

    def child(self, *, birth: date = date(2016, 3, 1), village: str = VILLAGE) -> str:
        """A child the registry registered, as education now knows it."""
        child_id = str(uuid.uuid4())
        self.deliver(registered(child_id, birth=birth, village=village))
        return child_id

    def events(self, event_type: str | None = None) -> list[dict[str, Any]]:
        """Every event education has put in its outbox, oldest first."""
        with Session(self.engine) as session:
            rows = session.exec(select(OutboxRow).order_by(col(OutboxRow.seq))).all()
        return [
            {"type": r.event_type, "topic": r.topic, **Envelope.model_validate_json(r.payload).data}
            for r in rows
            if event_type is None or r.event_type == event_type
        ]


@pytest.fixture
def harness(education) -> Harness:
    return Harness(education)


class Events:
    """The registry's events as education receives them."""

    registered = staticmethod(registered)
    updated = staticmethod(updated)
    classified = staticmethod(classified)
    exited = staticmethod(exited)
    task_created = staticmethod(task_created)


@pytest.fixture
def ev() -> type[Events]:
    return Events

"""Notifications on SQLite with its real migrations, and tokens from the embedded provider."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from shouhu.notifications.app import create_app
from shouhu.notifications.handlers import REGISTRY_HANDLERS
from shouhu.notifications.live.service import Hub
from shouhu.notifications.settings import NotificationsSettings
from shouhu.notifications.testing import registered as registered_envelope
from shouhu.platform.events import Envelope
from shouhu.platform.testing import serving

# The demo holders of the workforce (the registry's seed), as its events announce them.
DEMO_HOLDERS = [
    ("m-1", "110109001", "town_social_worker", "worker.110109001", "13601100101"),
    ("m-2", "110109101", "town_social_worker", "worker.110109101", "010-60861101"),
    ("m-3", "110109001001", "village_supervisor", "supervisor.110109001001", "13701100102"),
    ("m-4", "110109101001", "village_supervisor", "supervisor.110109101001", "13801100103"),
]


@pytest.fixture
def notifications(tmp_path, verifier) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    settings = NotificationsSettings(database_url=url, run_worker=False)
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


@pytest.fixture
def deliver(notifications) -> Callable[..., None]:
    """Apply events as the consumer would, in one transaction."""

    def run(*envelopes: Envelope) -> None:
        with Session(notifications.app.state.engine) as session:
            for envelope in envelopes:
                REGISTRY_HANDLERS[envelope.type](session, envelope)
            session.commit()

    return run


def assigned(member: str, division: str, role: str, username: str | None, phone: str) -> Envelope:
    return Envelope(
        type="registry.workforce.assigned",
        source="registry",
        subject=member,
        data={
            "memberId": member,
            "divisionCode": division,
            "post": "SUPERVISOR" if role == "village_supervisor" else "SOCIAL_WORKER",
            "role": role,
            "username": username,
            "name": "某某",
            "phone": phone,
            "since": "2023-03-01",
        },
    )


@pytest.fixture
def holders(deliver) -> None:
    """The demo holders hold their posts."""
    deliver(*(assigned(*holder) for holder in DEMO_HOLDERS))


@pytest.fixture
def assign() -> Callable[..., Envelope]:
    """`registry.workforce.assigned` events."""
    return assigned


@pytest.fixture
def registered() -> Callable[[str, int], Envelope]:
    """`registry.child.registered` events: a child numbered n in a village."""
    return registered_envelope


@dataclass
class LiveServer:
    """The notifications app served by uvicorn in a thread: streams need a real server."""

    url: str
    app: FastAPI

    @property
    def hub(self) -> Hub:
        hub: Hub = self.app.state.live_hub
        return hub


@pytest.fixture
def live(tmp_path, verifier) -> Iterator[LiveServer]:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    settings = NotificationsSettings(
        database_url=url, run_worker=False, live_poll_seconds=0.02, live_gap_grace_seconds=0
    )
    app = create_app(settings, verifier=verifier)
    with serving(app) as base:
        with Session(app.state.engine) as session:  # the demo holders hold their posts
            for holder in DEMO_HOLDERS:
                envelope = assigned(*holder)
                REGISTRY_HANDLERS[envelope.type](session, envelope)
            session.commit()
        try:
            yield LiveServer(base, app)
        finally:
            app.state.live_hub.drain_soon()  # a stream a failed test left open ends too

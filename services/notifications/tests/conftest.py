"""Notifications on SQLite with its real migrations, and tokens from the embedded provider."""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shouhu.notifications.app import create_app
from shouhu.notifications.live.service import Hub
from shouhu.notifications.settings import NotificationsSettings
from shouhu.platform.testing import serving


@pytest.fixture
def notifications(tmp_path, verifier) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    settings = NotificationsSettings(database_url=url, run_worker=False)
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


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
        try:
            yield LiveServer(base, app)
        finally:
            app.state.live_hub.drain_soon()  # a stream a failed test left open ends too

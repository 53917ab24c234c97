"""Notifications on SQLite with its real migrations, and tokens from the embedded provider."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from shouhu.notifications.app import create_app
from shouhu.notifications.settings import NotificationsSettings


@pytest.fixture
def notifications(tmp_path, verifier) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    settings = NotificationsSettings(database_url=url, run_worker=False)
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client

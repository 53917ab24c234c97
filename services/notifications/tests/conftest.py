"""Notifications on SQLite with its real migrations, and tokens from the embedded provider."""

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from shouhu.notifications.app import create_app
from shouhu.notifications.settings import NotificationsSettings
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.idp import DEMO_USERS, EmbeddedIdentityProvider
from shouhu.platform.settings import ServiceSettings


@pytest.fixture(scope="session")
def idp() -> EmbeddedIdentityProvider:
    return EmbeddedIdentityProvider(ServiceSettings())


@pytest.fixture
def notifications(tmp_path, idp) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    settings = NotificationsSettings(database_url=url, run_worker=False)
    verifier = TokenVerifier(jwks_url="", issuer=idp.issuer, audience=idp.audience, fetch=idp.jwks)
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


@pytest.fixture
def as_user(idp) -> Callable[[str], dict[str, str]]:
    users = {u.username: u for u in DEMO_USERS}
    return lambda username: {
        "Authorization": f"Bearer {idp.issue(users[username], 'shouhu-console')}"
    }

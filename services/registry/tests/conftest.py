"""A registry on SQLite with its real migrations, and tokens from the embedded provider."""

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from shouhu.platform.auth import TokenVerifier
from shouhu.platform.idp import DEMO_USERS, EmbeddedIdentityProvider
from shouhu.platform.settings import ServiceSettings
from shouhu.registry.app import create_app
from shouhu.registry.settings import RegistrySettings


@pytest.fixture
def idp() -> EmbeddedIdentityProvider:
    return EmbeddedIdentityProvider(ServiceSettings())


@pytest.fixture
def registry(tmp_path, idp) -> Iterator[TestClient]:
    settings = RegistrySettings(database_url=f"sqlite:///{tmp_path / 'registry.db'}")
    verifier = TokenVerifier(jwks_url="", issuer=idp.issuer, audience=idp.audience, fetch=idp.jwks)
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


@pytest.fixture
def as_user(idp) -> Callable[[str], dict[str, str]]:
    """Authorization headers for a demo user."""
    users = {u.username: u for u in DEMO_USERS}

    def headers(username: str) -> dict[str, str]:
        token = idp.issue(users[username], "shouhu-console")
        return {"Authorization": f"Bearer {token}"}

    return headers

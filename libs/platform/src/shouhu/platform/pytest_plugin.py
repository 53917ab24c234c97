"""Fixtures every service's tests share: the embedded identity provider and demo users' tokens.

Loaded for the whole run (`-p shouhu.platform.pytest_plugin` in pyproject's addopts).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from shouhu.platform import clock
from shouhu.platform.auth import Role, TokenVerifier
from shouhu.platform.idp import DEMO_USERS, DemoUser, EmbeddedIdentityProvider
from shouhu.platform.settings import ServiceSettings


@pytest.fixture(scope="session")
def idp() -> EmbeddedIdentityProvider:
    """Keycloak's endpoints in-process: tokens signed as Keycloak would sign them."""
    return EmbeddedIdentityProvider(ServiceSettings())


@pytest.fixture(scope="session")
def verifier(idp: EmbeddedIdentityProvider) -> TokenVerifier:
    """A verifier that reads the embedded provider's keys without HTTP."""
    return TokenVerifier(jwks_url="", issuer=idp.issuer, audience=idp.audience, fetch=idp.jwks)


@pytest.fixture(scope="session")
def as_user(idp: EmbeddedIdentityProvider) -> Callable[[str], dict[str, str]]:
    """Authorization headers for a demo user."""
    users = {u.username: u for u in DEMO_USERS}

    def headers(username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {idp.issue(users[username], 'shouhu-console')}"}

    return headers


@pytest.fixture(scope="session")
def as_role(idp: EmbeddedIdentityProvider) -> Callable[[str, str], dict[str, str]]:
    """Authorization headers for a person of any role at any division (not only demo users)."""

    def headers(role: str, division_code: str = "110109") -> dict[str, str]:
        user = DemoUser(f"{role}.{division_code}", Role(role), division_code)
        return {"Authorization": f"Bearer {idp.issue(user, 'shouhu-console')}"}

    return headers


@pytest.fixture
def move_clock(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Callable[[timedelta], None]:
    """Move the platform's clock forward, in this process, without sleeping."""
    path = tmp_path_factory.mktemp("clock") / "offset"
    monkeypatch.setenv(clock.OFFSET_FILE, str(path))
    moved = [timedelta(0)]

    def move(by: timedelta) -> None:
        moved[0] += by
        path.write_text(str(moved[0].total_seconds()), encoding="utf-8")

    return move

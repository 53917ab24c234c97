"""Sign-in against the real Keycloak: lockout in the demo realm; the production realm's rules."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from shouhu.localstack.keycloak import KeycloakHandle, start_local
from shouhu.platform.idp import BRUTE_FORCE, DEMO_PASSWORD

REFUSED = {"error": "invalid_grant", "error_description": "Invalid user credentials"}
PRODUCTION = Path(__file__).resolve().parents[1] / "infra/keycloak/production/shouhu-realm.json"


class Admin:
    """Keycloak's admin REST API, as the bootstrap admin of the master realm."""

    def __init__(self, keycloak: KeycloakHandle) -> None:
        if keycloak.admin_username is None:
            pytest.skip("this Keycloak was not started here: no admin account to use")
        form = {"grant_type": "password", "client_id": "admin-cli"}
        form |= {"username": keycloak.admin_username, "password": keycloak.admin_password or ""}
        token = httpx.post(
            f"{keycloak.base_url}/realms/master/protocol/openid-connect/token", data=form
        ).raise_for_status()
        self.http = httpx.Client(
            base_url=f"{keycloak.base_url}/admin/realms",
            headers={"Authorization": f"Bearer {token.json()['access_token']}"},
            timeout=30,
        )

    def create_user(self, realm: str, username: str, password: str | None = None) -> str:
        """A user, with a password if given; its id."""
        user: dict[str, Any] = {"username": username, "enabled": True}
        user |= {"firstName": "Sign", "lastName": "In", "email": f"{username}@shouhu.test"}
        if password is not None:
            user["credentials"] = [{"type": "password", "value": password, "temporary": False}]
        self.http.post(f"/{realm}/users", json=user).raise_for_status()
        found = self.http.get(f"/{realm}/users", params={"username": username, "exact": "true"})
        user_id: str = found.raise_for_status().json()[0]["id"]
        return user_id


@pytest.fixture(scope="module")
def admin(keycloak: KeycloakHandle) -> Admin:
    return Admin(keycloak)


@pytest.fixture
def lockout_user(admin: Admin) -> Iterator[tuple[str, str]]:
    """A user of the demo realm made for this test only, so no shared demo user gets locked."""
    username = f"lockout.{secrets.token_hex(4)}"
    user_id = admin.create_user("shouhu", username, DEMO_PASSWORD)
    yield username, user_id
    admin.http.delete(f"/shouhu/users/{user_id}")


def password_grant(
    keycloak: KeycloakHandle, username: str, password: str, client_id: str = "shouhu-console"
) -> tuple[int, Any]:
    form = {"grant_type": "password", "client_id": client_id}
    form |= {"username": username, "password": password}
    response = httpx.post(keycloak.token_url, data=form)
    return response.status_code, response.json()


def test_wrong_passwords_lock_the_user_and_the_right_one_is_refused(
    keycloak: KeycloakHandle, admin: Admin, lockout_user: tuple[str, str]
) -> None:
    username, user_id = lockout_user
    assert password_grant(keycloak, username, DEMO_PASSWORD)[0] == 200
    for _ in range(BRUTE_FORCE.failure_factor):
        assert password_grant(keycloak, username, "wrong") == (400, REFUSED)
    # Locked: the right password gets the answer a wrong one gets, so the lock is not told.
    assert password_grant(keycloak, username, DEMO_PASSWORD) == (400, REFUSED)
    status = admin.http.get(f"/shouhu/attack-detection/brute-force/users/{user_id}").json()
    assert status["disabled"] is True and status["numFailures"] >= 2
    assert password_grant(keycloak, "clerk.district", DEMO_PASSWORD)[0] == 200  # others sign in
    # An administrator lifts the lock (the wait would be a minute or more).
    admin.http.delete(f"/shouhu/attack-detection/brute-force/users/{user_id}").raise_for_status()
    assert password_grant(keycloak, username, DEMO_PASSWORD)[0] == 200


@pytest.fixture(scope="module")
def production() -> Iterator[KeycloakHandle]:
    """A Keycloak of its own that imports the production realm at start, as the chart's does."""
    # Always a local process: a Keycloak named by SHOUHU_KEYCLOAK_URL serves the demo realm.
    handle = start_local(PRODUCTION)
    try:
        yield handle
    finally:
        handle.stop()


def test_production_console_has_no_password_grant(production: KeycloakHandle) -> None:
    status, body = password_grant(production, "anyone", "any password at all")
    assert (status, body["error"]) == (400, "unauthorized_client")


def test_production_console_requires_pkce_s256(production: KeycloakHandle) -> None:
    url = f"{production.base_url}/realms/shouhu/protocol/openid-connect/auth"
    query = {"client_id": "shouhu-console", "response_type": "code", "scope": "openid"}
    query |= {"redirect_uri": "https://shouhu.example.org/console/", "state": "s"}
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    s256 = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    for pkce in ({}, {"code_challenge": verifier, "code_challenge_method": "plain"}):
        refused = httpx.get(url, params=query | pkce)
        assert refused.status_code == 302 and "error=invalid_request" in refused.headers["location"]
    login = httpx.get(url, params=query | {"code_challenge": s256, "code_challenge_method": "S256"})
    assert login.status_code == 200 and "password" in login.text
    assert "登录" in login.text  # the realm's locale, zh-CN, as the embedded provider's page


def test_production_password_policy(production: KeycloakHandle) -> None:
    admin = Admin(production)
    username = f"policy.{secrets.token_hex(4)}"
    user_id = admin.create_user("shouhu", username)
    good = secrets.token_urlsafe(12)

    def set_password(password: str) -> tuple[int, str]:
        form = {"type": "password", "value": password, "temporary": False}
        response = admin.http.put(f"/shouhu/users/{user_id}/reset-password", json=form)
        return response.status_code, response.json()["error"] if response.content else ""

    assert set_password("short-pass1") == (400, "invalidPasswordMinLengthMessage")
    assert set_password(username) == (400, "invalidPasswordNotUsernameMessage")
    assert set_password(f"{username}@shouhu.test") == (400, "invalidPasswordNotEmailMessage")
    assert set_password(good) == (204, "")
    assert set_password(good) == (400, "invalidPasswordHistoryMessage")


def test_production_department_secret_is_generated_at_import(production: KeycloakHandle) -> None:
    admin = Admin(production)
    (client,) = admin.http.get("/shouhu/clients", params={"clientId": "dept-police"}).json()
    secret = admin.http.get(f"/shouhu/clients/{client['id']}/client-secret").json()["value"]
    assert len(secret) >= 32 and secret != "shouhu-dev-secret"
    form = {"grant_type": "client_credentials", "client_id": "dept-police", "client_secret": secret}
    token = httpx.post(production.token_url, data=form).raise_for_status().json()["access_token"]
    payload = token.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert "police" in claims["realm_access"]["roles"]
    # The deployment gives the service account its division; until then the platform refuses.
    assert "division_code" not in claims

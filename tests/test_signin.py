"""Sign-in against the real Keycloak: wrong passwords lock a user out of the demo realm."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from shouhu.localstack.keycloak import KeycloakHandle
from shouhu.platform.idp import BRUTE_FORCE, DEMO_PASSWORD

REFUSED = {"error": "invalid_grant", "error_description": "Invalid user credentials"}


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

    def create_user(self, realm: str, username: str, password: str) -> str:
        """A user with a password; its id."""
        user = {"username": username, "enabled": True, "firstName": "Lock", "lastName": "Out"}
        user |= {"email": f"{username}@shouhu.test", "emailVerified": True}
        user |= {"credentials": [{"type": "password", "value": password, "temporary": False}]}
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


def password_grant(keycloak: KeycloakHandle, username: str, password: str) -> tuple[int, Any]:
    form = {"grant_type": "password", "client_id": "shouhu-console"}
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

"""A registered volunteer's account in a real Keycloak: made by the worker through the admin
API as the realm's admin client, a required password change at the first sign-in (Keycloak's
own login pages), then a sign-in with the volunteer role and division; disabling blocks it."""

from __future__ import annotations

import json
import secrets
from datetime import date
from pathlib import Path

import httpx
import jwt
import pytest
from fastapi.testclient import TestClient

from shouhu.platform.testing import first_sign_in, identity_number
from shouhu.volunteers.accounts import service as accounts
from shouhu.volunteers.app import create_app
from shouhu.volunteers.settings import AccountsKind, VolunteersSettings

REALM = Path(__file__).resolve().parents[1] / "infra/keycloak/shouhu-realm.json"
LEAGUE = "youthleague.district"
VILLAGE = "110109001001"
CONSOLE = "shouhu-console"
REDIRECT = "http://127.0.0.1:8000/console/callback"


def admin_secret() -> str:
    realm = json.loads(REALM.read_text(encoding="utf-8"))
    (client,) = [c for c in realm["clients"] if c["clientId"] == "shouhu-volunteers-admin"]
    return str(client["secret"])


@pytest.fixture
def service(keycloak, tmp_path, verifier):
    settings = VolunteersSettings(
        database_url=f"sqlite:///{tmp_path / 'volunteers.db'}",
        run_worker=False,
        demo_data=True,
        accounts=AccountsKind.KEYCLOAK,
        keycloak_url=keycloak.base_url,
        keycloak_realm=keycloak.realm,
        accounts_client_secret=admin_secret(),
    )
    with TestClient(create_app(settings, verifier=verifier)) as client:
        yield client


def sync(client) -> int:
    app = client.app
    return accounts.sync_all(app.state.engine, app.state.identity_keys, app.state.accounts, 50)


def password_grant(keycloak, username: str, password: str) -> httpx.Response:
    form = {"grant_type": "password", "client_id": CONSOLE, "username": username}
    return httpx.post(keycloak.token_url, data=form | {"password": password}, timeout=30)


def test_a_volunteer_account_is_made_in_keycloak_signs_in_and_is_disabled(
    service, keycloak, as_user
):
    number = identity_number(date(1991, 7, 8), male=False, seq=31)
    made = service.post(
        "/volunteers",
        json={
            "name": "周志愿",
            "idNumber": number,
            "phone": "13912345678",
            "skills": ["TUTORING"],
            "divisionCode": VILLAGE,
        },
        headers=as_user(LEAGUE),
    )
    assert made.status_code == 201, made.text
    account = made.json()["account"]
    username, initial = account["username"], account["initialPassword"]
    assert account["status"] == "PENDING"
    assert sync(service) == 1

    refused = password_grant(keycloak, username, initial)
    assert refused.json()["error_description"] == "Account is not fully set up"
    new = "Volunteer-2026-" + secrets.token_hex(4)
    token = first_sign_in(keycloak.base_url, username, initial, new, redirect_uri=REDIRECT)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["preferred_username"] == username
    assert "volunteer" in claims["realm_access"]["roles"]
    assert claims["division_code"] == VILLAGE
    assert password_grant(keycloak, username, new).status_code == 200

    out = service.post(
        f"/volunteers/{made.json()['id']}/disable",
        json={"reason": "本人申请退出"},
        headers=as_user(LEAGUE),
    )
    assert out.status_code == 200 and out.json()["account"]["status"] == "DISABLED"
    assert sync(service) == 1
    blocked = password_grant(keycloak, username, new)
    assert blocked.status_code in (400, 401) and blocked.json()["error"] == "invalid_grant"

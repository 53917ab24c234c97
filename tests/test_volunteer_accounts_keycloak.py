"""A registered volunteer's account in a real Keycloak: made by the worker through the admin
API as the realm's admin client, a required password change at the first sign-in (Keycloak's
own login pages), then a sign-in with the volunteer role and division; disabling blocks it."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import secrets
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import jwt
import pytest
from fastapi.testclient import TestClient

from shouhu.platform.testing import identity_number
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


def form_action(page: str, form_id: str) -> str:
    """Where the page's form of this id posts (Keycloak's pages may hold other forms)."""
    found = re.search(rf'<form[^>]*id="{form_id}"[^>]*>', page)
    assert found, page[-3000:]
    action = re.search(r'action="([^"]+)"', found.group(0))
    assert action, found.group(0)
    return html.unescape(action.group(1))


def said(page: str) -> str:
    """What a Keycloak page says (its alert), for an assertion's message."""
    alerts = re.findall(r'(?s)class="[^"]*(?:alert|feedback|error)[^"]*"[^>]*>(.*?)<', page)
    body = re.sub(r"(?s)<script.*?</script>|<[^>]+>", " ", page)
    return " | ".join(a.strip() for a in alerts if a.strip()) or " ".join(body.split())[-800:]


class Jar:
    """Keycloak's cookies as a browser keeps them: on loopback a browser sends its `Secure`
    cookies over http (a secure context), which httpx's jar does not."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def keep(self, response: httpx.Response) -> httpx.Response:
        for header in response.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value and "Max-Age=0" not in rest:
                self.cookies[name.strip()] = value
        return response

    def header(self) -> dict[str, str]:
        return {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}


def first_sign_in(keycloak, username: str, initial: str, new: str) -> str:
    """Keycloak's login page, then its update-password page; the code's tokens' access token."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    jar = Jar()
    with httpx.Client(follow_redirects=False, timeout=30) as browser:
        page = jar.keep(
            browser.get(
                f"{keycloak.base_url}/realms/{keycloak.realm}/protocol/openid-connect/auth",
                params={
                    "client_id": CONSOLE,
                    "redirect_uri": REDIRECT,
                    "response_type": "code",
                    "scope": "openid",
                    "code_challenge": challenge.decode(),
                    "code_challenge_method": "S256",
                },
            )
        )
        assert page.status_code == 200, page.text[:500]
        update = jar.keep(
            browser.post(
                form_action(page.text, "kc-form-login"),
                data={"username": username, "password": initial, "credentialId": ""},
                headers=jar.header(),
            )
        )
        if update.status_code == 302:  # Keycloak sends the browser on to the required action
            target = httpx.URL(str(update.url)).join(update.headers["location"])
            update = jar.keep(browser.get(target, headers=jar.header()))
        assert update.status_code == 200 and "password-new" in update.text, said(update.text)
        done = browser.post(
            form_action(update.text, "kc-passwd-update-form"),
            data={"password-new": new, "password-confirm": new},
            headers=jar.header(),
        )
        assert done.status_code == 302, said(done.text)
        code = parse_qs(urlsplit(done.headers["location"]).query)["code"][0]
        tokens = browser.post(
            keycloak.token_url,
            data={
                "grant_type": "authorization_code",
                "client_id": CONSOLE,
                "code": code,
                "redirect_uri": REDIRECT,
                "code_verifier": verifier,
            },
        )
        assert tokens.status_code == 200, tokens.text
        return str(tokens.json()["access_token"])


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
    token = first_sign_in(keycloak, username, initial, new)
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

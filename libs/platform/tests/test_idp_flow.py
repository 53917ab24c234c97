"""The console's sign-in at the embedded identity provider: authorization code with PKCE S256,
refresh tokens and end-session, as Keycloak answers them (API.md "The console")."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from shouhu.platform.auth import TokenVerifier
from shouhu.platform.idp import (
    BRUTE_FORCE,
    DEMO_PASSWORD,
    SESSION_COOKIE,
    SESSION_LIFETIMES,
    EmbeddedIdentityProvider,
    console_redirect_uris,
    redirect_allowed,
    s256,
)
from shouhu.platform.settings import ServiceSettings

REALM = "/realms/shouhu/protocol/openid-connect"
CONSOLE = "http://127.0.0.1:8000/console/"
CALLBACK = f"{CONSOLE}callback"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Browser:
    """The provider behind a test client that keeps cookies and follows no redirect."""

    idp: EmbeddedIdentityProvider
    http: TestClient
    clock: Clock

    def authorize(self, **params: str) -> Any:
        query = {
            "client_id": "shouhu-console",
            "redirect_uri": CALLBACK,
            "response_type": "code",
            "scope": "openid profile",
            "state": "st-1",
            "nonce": "n-1",
        } | params
        return self.http.get(f"{REALM}/auth", params=query)

    def sign_in(self, page: Any, username: str, password: str = DEMO_PASSWORD) -> Any:
        action = re.search(r'<form id="kc-form-login" method="post" action="([^"]+)"', page.text)
        assert action, page.text
        url = action[1].replace("&amp;", "&")
        return self.http.post(url, data={"username": username, "password": password})

    def code_for(self, username: str = "clerk.district", **params: str) -> tuple[str, str]:
        """A code of a fresh sign-in and the verifier it was asked with."""
        verifier = secrets.token_urlsafe(48)
        page = self.authorize(code_challenge=s256(verifier), code_challenge_method="S256", **params)
        assert page.status_code == 200
        answer = self.sign_in(page, username)
        assert answer.status_code == 302
        return query_of(answer)["code"], verifier

    def exchange(self, code: str, verifier: str | None, redirect_uri: str = CALLBACK) -> Any:
        form = {"grant_type": "authorization_code", "client_id": "shouhu-console"}
        form |= {"code": code, "redirect_uri": redirect_uri}
        if verifier is not None:
            form["code_verifier"] = verifier
        return self.http.post(f"{REALM}/token", data=form)

    def refresh(self, token: str) -> Any:
        form = {"grant_type": "refresh_token", "client_id": "shouhu-console"}
        return self.http.post(f"{REALM}/token", data=form | {"refresh_token": token})

    def tokens(self, username: str = "clerk.district") -> dict[str, Any]:
        code, verifier = self.code_for(username)
        answer = self.exchange(code, verifier)
        assert answer.status_code == 200, answer.text
        tokens: dict[str, Any] = answer.json()
        return tokens


def query_of(response: Any) -> dict[str, str]:
    location = response.headers["location"]
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


@pytest.fixture
def browser() -> Iterator[Browser]:
    clock = Clock()
    idp = EmbeddedIdentityProvider(ServiceSettings(), now=clock)
    app = FastAPI()
    app.include_router(idp.router())
    with TestClient(app, follow_redirects=False) as http:
        yield Browser(idp, http, clock)


def test_discovery_names_the_console_endpoints(browser):
    meta = browser.http.get("/realms/shouhu/.well-known/openid-configuration").json()
    issuer = "http://127.0.0.1:8000/realms/shouhu"
    assert meta["issuer"] == issuer
    for name, path in [
        ("authorization_endpoint", "auth"),
        ("token_endpoint", "token"),
        ("end_session_endpoint", "logout"),
        ("jwks_uri", "certs"),
        ("userinfo_endpoint", "userinfo"),
        ("revocation_endpoint", "revoke"),
    ]:
        assert meta[name] == f"{issuer}/protocol/openid-connect/{path}"
    assert meta["code_challenge_methods_supported"] == ["S256"]
    assert {"authorization_code", "refresh_token"} <= set(meta["grant_types_supported"])


def test_login_page_is_chinese_with_keycloaks_field_names(browser):
    page = browser.authorize(code_challenge=s256("v" * 43), code_challenge_method="S256")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="zh-CN">' in page.text and "登录" in page.text
    assert 'name="username"' in page.text and 'name="password"' in page.text
    assert '<label for="username">用户名</label>' in page.text
    assert '<label for="password">密码</label>' in page.text
    assert page.headers["cache-control"].startswith("no-store")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]


def test_code_flow_with_pkce_gives_tokens_the_platform_accepts(browser):
    verifier = secrets.token_urlsafe(48)
    page = browser.authorize(code_challenge=s256(verifier), code_challenge_method="S256")
    refused = browser.sign_in(page, "clerk.district", "wrong")
    assert refused.status_code == 200 and "用户名或密码错误" in refused.text
    assert 'value="clerk.district"' in refused.text  # what was typed is kept
    answer = browser.sign_in(refused, "clerk.district")
    assert answer.status_code == 302 and answer.headers["location"].startswith(CALLBACK + "?")
    query = query_of(answer)
    assert query["state"] == "st-1" and query["iss"] == browser.idp.issuer
    assert SESSION_COOKIE in answer.cookies
    tokens = browser.exchange(query["code"], verifier).json()
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] == 900
    assert tokens["refresh_expires_in"] == SESSION_LIFETIMES.sso_session_idle_timeout
    assert tokens["session_state"] == query["session_state"]
    verifier_ = TokenVerifier(
        jwks_url="", issuer=browser.idp.issuer, audience="shouhu-api", fetch=browser.idp.jwks
    )
    principal = verifier_.verify(tokens["access_token"])
    assert (principal.username, principal.division_code) == ("clerk.district", "110109")
    id_token = jwt.decode(
        tokens["id_token"],
        browser.idp._key.public_key(),
        algorithms=["RS256"],
        audience="shouhu-console",
    )
    assert id_token["nonce"] == "n-1" and id_token["typ"] == "ID"
    assert id_token["preferred_username"] == "clerk.district"
    assert id_token["sid"] == tokens["session_state"]


def test_a_wrong_verifier_is_refused_and_spends_the_code(browser):
    code, verifier = browser.code_for()
    wrong = secrets.token_urlsafe(48)
    answer = browser.exchange(code, wrong)
    assert answer.status_code == 400
    assert answer.json() == {
        "error": "invalid_grant",
        "error_description": "PKCE verification failed: Code mismatch",
    }
    assert browser.exchange(code, verifier).json()["error"] == "invalid_grant"


@pytest.mark.parametrize(
    ("verifier", "description"),
    [
        (None, "PKCE code verifier not specified"),
        ("short", "PKCE invalid code verifier"),
    ],
)
def test_a_missing_or_malformed_verifier_is_refused(browser, verifier, description):
    code, _ = browser.code_for()
    answer = browser.exchange(code, verifier)
    assert (answer.status_code, answer.json()["error_description"]) == (400, description)


def test_the_challenge_itself_is_no_verifier(browser):
    # A verifier whose challenge is sent as the verifier (the `plain` method) does not pass.
    verifier = secrets.token_urlsafe(48)
    code, _ = browser.code_for()
    assert browser.exchange(code, s256(verifier)).status_code == 400


@pytest.mark.parametrize(
    ("params", "description"),
    [
        ({}, "Missing parameter: code_challenge_method"),
        (
            {"code_challenge": "x" * 43, "code_challenge_method": "plain"},
            "Invalid parameter: code_challenge_method",
        ),
        ({"code_challenge_method": "S256"}, "Missing parameter: code_challenge"),
        (
            {"code_challenge": "bad!", "code_challenge_method": "S256"},
            "Invalid parameter: code_challenge",
        ),
    ],
)
def test_pkce_s256_is_required(browser, params, description):
    answer = browser.authorize(**params)
    assert answer.status_code == 302
    query = query_of(answer)
    assert (query["error"], query["error_description"]) == ("invalid_request", description)
    assert query["state"] == "st-1"


def test_an_unregistered_redirect_or_client_gets_a_page_not_a_redirect(browser):
    pkce = {"code_challenge": s256("v" * 43), "code_challenge_method": "S256"}
    for params in (
        {"redirect_uri": "https://elsewhere.example/console/callback"},
        {"redirect_uri": "http://127.0.0.1:8000/graphql"},
        {"redirect_uri": "http://127.0.0.1:8001/console/callback"},
        {"client_id": "dept-police"},
    ):
        answer = browser.authorize(**pkce, **params)
        assert answer.status_code == 400 and "location" not in answer.headers
        assert "无法完成请求" in answer.text


def test_a_code_is_good_once_and_its_reuse_ends_the_session(browser):
    code, verifier = browser.code_for()
    first = browser.exchange(code, verifier)
    assert first.status_code == 200
    again = browser.exchange(code, verifier)
    assert again.status_code == 400
    assert again.json() == {"error": "invalid_grant", "error_description": "Code not valid"}
    # Someone else had the code: what was got with it stops working.
    assert browser.refresh(first.json()["refresh_token"]).json()["error"] == "invalid_grant"


def test_a_code_expires(browser):
    code, verifier = browser.code_for()
    browser.clock.advance(SESSION_LIFETIMES.access_code_lifespan)
    assert browser.exchange(code, verifier).json()["error_description"] == "Code not valid"


def test_a_code_is_bound_to_its_redirect_uri(browser):
    code, verifier = browser.code_for()
    answer = browser.exchange(code, verifier, redirect_uri=f"{CONSOLE}other")
    assert answer.json()["error_description"] == "Incorrect redirect_uri"


def test_refresh_gives_new_tokens_once_per_refresh_token(browser):
    tokens = browser.tokens("police.district")
    browser.clock.advance(600)
    renewed = browser.refresh(tokens["refresh_token"])
    assert renewed.status_code == 200
    body = renewed.json()
    assert body["refresh_token"] != tokens["refresh_token"]
    assert body["session_state"] == tokens["session_state"]
    claims = jwt.decode(body["access_token"], options={"verify_signature": False})
    assert claims["preferred_username"] == "police.district"
    id_token = jwt.decode(body["id_token"], options={"verify_signature": False})
    assert id_token["nonce"] == "n-1"
    # Rotation: the spent refresh token is refused, the new one works.
    assert browser.refresh(tokens["refresh_token"]).json() == {
        "error": "invalid_grant",
        "error_description": "Invalid refresh token",
    }
    assert browser.refresh(body["refresh_token"]).status_code == 200


def test_a_session_idle_too_long_refreshes_no_more(browser):
    tokens = browser.tokens()
    browser.clock.advance(SESSION_LIFETIMES.sso_session_idle_timeout)
    answer = browser.refresh(tokens["refresh_token"])
    assert answer.json() == {"error": "invalid_grant", "error_description": "Session not active"}


def test_refreshing_keeps_a_session_alive_until_its_max_lifespan(browser):
    tokens = browser.tokens()
    refresh = tokens["refresh_token"]
    step = SESSION_LIFETIMES.sso_session_idle_timeout - 60
    elapsed = 0
    while elapsed + step < SESSION_LIFETIMES.sso_session_max_lifespan:
        browser.clock.advance(step)
        elapsed += step
        answer = browser.refresh(refresh)
        assert answer.status_code == 200, elapsed
        refresh = answer.json()["refresh_token"]
    browser.clock.advance(SESSION_LIFETIMES.sso_session_max_lifespan - elapsed)
    assert browser.refresh(refresh).json()["error_description"] == "Session not active"


def test_a_second_authorization_uses_the_session_and_prompt_login_asks_again(browser):
    browser.tokens()
    pkce = {"code_challenge": s256("w" * 43), "code_challenge_method": "S256"}
    answer = browser.authorize(**pkce)
    assert answer.status_code == 302 and "code" in query_of(answer)  # no page: signed in
    assert browser.authorize(**pkce, prompt="login").status_code == 200


def test_prompt_none_without_a_session_is_login_required(browser):
    answer = browser.authorize(
        code_challenge=s256("v" * 43), code_challenge_method="S256", prompt="none"
    )
    assert query_of(answer)["error"] == "login_required"


def test_logout_with_an_id_token_hint_ends_the_session_and_returns_to_the_console(browser):
    tokens = browser.tokens()
    params = {"id_token_hint": tokens["id_token"], "post_logout_redirect_uri": CONSOLE}
    answer = browser.http.get(f"{REALM}/logout", params=params | {"state": "bye"})
    assert answer.status_code == 302 and answer.headers["location"] == f"{CONSOLE}?state=bye"
    assert browser.refresh(tokens["refresh_token"]).json()["error_description"] == (
        "Invalid refresh token"
    )
    userinfo = browser.http.get(
        f"{REALM}/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert userinfo.status_code == 401
    # The next sign-in asks for the password again.
    answer = browser.authorize(code_challenge=s256("v" * 43), code_challenge_method="S256")
    assert answer.status_code == 200 and 'name="password"' in answer.text


def test_logout_refuses_an_unregistered_return_address(browser):
    tokens = browser.tokens()
    for uri in ("https://elsewhere.example/", "http://127.0.0.1:8000/graphql"):
        params = {"id_token_hint": tokens["id_token"], "post_logout_redirect_uri": uri}
        answer = browser.http.get(f"{REALM}/logout", params=params)
        assert answer.status_code == 400 and "location" not in answer.headers
    # Nor is a forged hint taken.
    forged = jwt.encode({"typ": "ID", "aud": "shouhu-console"}, "x" * 32, algorithm="HS256")
    params = {"id_token_hint": forged, "post_logout_redirect_uri": CONSOLE}
    assert browser.http.get(f"{REALM}/logout", params=params).status_code == 400
    assert browser.refresh(tokens["refresh_token"]).status_code == 200


def test_logout_without_a_hint_asks_first(browser):
    tokens = browser.tokens()
    page = browser.http.get(f"{REALM}/logout")
    assert page.status_code == 200 and "您确定要退出登录吗" in page.text
    renewed = browser.refresh(tokens["refresh_token"])  # nothing ended yet
    assert renewed.status_code == 200
    done = browser.http.post(f"{REALM}/logout", data={"confirm": "1"})
    assert done.status_code == 200 and "已退出登录" in done.text
    assert browser.refresh(renewed.json()["refresh_token"]).json()["error"] == "invalid_grant"


def test_a_client_signs_its_session_out_with_its_refresh_token(browser):
    tokens = browser.tokens()
    form = {"client_id": "shouhu-console", "refresh_token": tokens["refresh_token"]}
    assert browser.http.post(f"{REALM}/logout", data=form).status_code == 204
    assert (
        browser.authorize(code_challenge=s256("v" * 43), code_challenge_method="S256").status_code
        == 200
    )


def test_userinfo_answers_for_a_session_token(browser):
    tokens = browser.tokens("supervisor.110109001001")
    info = browser.http.get(
        f"{REALM}/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    ).json()
    assert info["preferred_username"] == "supervisor.110109001001"
    assert info["division_code"] == "110109001001"


def test_the_login_page_locks_out_as_the_token_endpoint_does(browser):
    verifier = secrets.token_urlsafe(48)
    page = browser.authorize(code_challenge=s256(verifier), code_challenge_method="S256")
    for _ in range(BRUTE_FORCE.failure_factor):
        browser.clock.advance(BRUTE_FORCE.quick_login_check_milli_seconds / 1000 + 1)
        page = browser.sign_in(page, "worker.110109001", "wrong")
        assert "用户名或密码错误" in page.text
    page = browser.sign_in(page, "worker.110109001")  # locked: told as a wrong password
    assert page.status_code == 200 and "用户名或密码错误" in page.text


def test_an_expired_login_page_says_so(browser):
    page = browser.authorize(code_challenge=s256("v" * 43), code_challenge_method="S256")
    browser.clock.advance(SESSION_LIFETIMES.access_code_lifespan_login)
    answer = browser.sign_in(page, "clerk.district")
    assert answer.status_code == 400 and "已过期" in answer.text


def test_the_console_origin_may_call_the_token_endpoint_from_its_page(browser):
    code, verifier = browser.code_for()
    form = {"grant_type": "authorization_code", "client_id": "shouhu-console", "code": code}
    form |= {"redirect_uri": CALLBACK, "code_verifier": verifier}
    answer = browser.http.post(
        f"{REALM}/token", data=form, headers={"Origin": "http://localhost:8000"}
    )
    assert answer.headers["access-control-allow-origin"] == "http://localhost:8000"
    other = browser.http.options(f"{REALM}/token", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_redirect_uris_are_the_consoles_on_the_issuers_origin():
    assert console_redirect_uris("http://127.0.0.1:8123/realms/shouhu") == (
        "http://127.0.0.1:8123/console/*",
        "http://localhost:8123/console/*",
    )
    assert console_redirect_uris("https://id.example.org/realms/shouhu") == (
        "https://id.example.org/console/*",
    )
    patterns = console_redirect_uris("http://127.0.0.1:8000/realms/shouhu")
    assert redirect_allowed("http://localhost:8000/console/callback", patterns)
    assert not redirect_allowed("http://127.0.0.1:8000/console/#x", patterns)
    assert not redirect_allowed("http://127.0.0.1:8000/consolex", patterns)

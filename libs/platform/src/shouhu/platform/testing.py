"""Helpers for tests: identity numbers, tokens, GraphQL calls and subscriptions, waiting."""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import re
import secrets
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import httpx

if TYPE_CHECKING:
    from starlette.types import ASGIApp
    from websockets.sync.client import ClientConnection

T = TypeVar("T")


def identity_number(birth: date, *, male: bool, seq: int = 1, division: str = "110109") -> str:
    """An 18-character identity number with a valid GB 11643 check digit."""
    order = seq * 2 + (1 if male else 0)
    body = f"{division}{birth:%Y%m%d}{order % 1000:03d}"
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(body))
    check = (12 - total % 11) % 11
    return body + ("X" if check == 10 else str(check))


_ISSUED: dict[tuple[date, bool, str], set[int]] = {}


def fresh_identity_number(birth: date, *, male: bool, division: str = "110109") -> str:
    """An identity number for this birth date that no other call in this process returned.

    The tests of one run share their platform's databases, so two random order codes for one
    birth date must not meet (500 a day for each sex: a birthday-paradox clash was likely).
    """
    taken = _ISSUED.setdefault((birth, male, division), set())
    free = sorted(set(range(500)) - taken)
    if not free:
        raise RuntimeError(f"no identity number left for {birth} in {division}")
    seq = secrets.choice(free)
    taken.add(seq)
    return identity_number(birth, male=male, seq=seq, division=division)


def new_child_input(village: str, name: str, birth: date | None = None) -> dict[str, str]:
    """`registerChild`'s input for a new child of the village: the name with a random tail and
    a fresh identity number (born on a random day of 2010-2018, a minor for years yet, unless
    `birth` is given)."""
    born = birth or date(2010, 1, 1) + timedelta(days=secrets.randbelow(3000))
    male = secrets.randbelow(2) == 1
    return {
        "name": f"{name}{uuid.uuid4().hex[:6]}",
        "gender": "MALE" if male else "FEMALE",
        "birthDate": born.isoformat(),
        "idNumber": fresh_identity_number(born, male=male),
        "residenceDivisionCode": village,
    }


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@functools.cache
def http() -> httpx.Client:
    """One HTTP client for the process's calls: a new client per call builds its TLS context
    again, some 40 ms of CPU, more than the call itself against a local platform."""
    return httpx.Client(timeout=30)


def password_token(token_url: str, username: str, password: str = "shouhu-dev") -> str:
    """A password-grant access token from the embedded provider or Keycloak."""
    response = http().post(
        token_url,
        data={
            "grant_type": "password",
            "client_id": "shouhu-console",
            "username": username,
            "password": password,
        },
        timeout=30,
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


def graphql(
    url: str, query: str, token: str | None = None, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    """POST a GraphQL operation; returns the whole JSON answer (data and errors)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = http().post(
        url, json={"query": query, "variables": variables or {}}, headers=headers
    )
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


def eventually(probe: Callable[[], T | None], *, timeout: float = 30.0, every: float = 0.1) -> T:
    """The first truthy answer of `probe`, or an AssertionError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"no answer within {timeout}s")
        time.sleep(every)


def error_codes(body: dict[str, Any]) -> list[str]:
    """The `extensions.code` of each GraphQL error."""
    return [e.get("extensions", {}).get("code") for e in body.get("errors") or []]


def once_found(body: dict[str, Any]) -> dict[str, Any] | None:
    """The answer's data, or None while its one error is NOT_FOUND (an event on its way)."""
    if error_codes(body) == ["NOT_FOUND"]:
        return None
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


def as_gateway(headers: dict[str, str], operation: str) -> dict[str, str]:
    """A caller's headers with the operation the gateway names and signs (embedded-mode key)."""
    from shouhu.platform.auth import bearer_token, operation_headers
    from shouhu.platform.settings import ServiceSettings

    token = bearer_token(headers["Authorization"])
    return {**headers, **operation_headers(ServiceSettings().gateway_key, operation, token)}


@contextmanager
def serving(app: ASGIApp) -> Iterator[str]:
    """An app served by uvicorn on a free port in a thread (streams need a real server)."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    eventually(lambda: server.started or not thread.is_alive(), timeout=60)
    if not server.started:
        raise RuntimeError("the app did not start")
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


class GraphQLSocket:
    """A graphql-transport-ws client for tests: init with a payload, subscribe, read messages."""

    PROTOCOL = "graphql-transport-ws"

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    @classmethod
    @contextmanager
    def open(
        cls,
        graphql_url: str,
        payload: dict[str, Any] | None = None,
        *,
        init: bool = True,
        **headers: str,
    ) -> Iterator[GraphQLSocket]:
        """Connect to a `/graphql` URL (http or ws); send `connection_init` with `payload`."""
        from websockets.sync.client import connect

        url = "ws" + graphql_url.removeprefix("http")
        with connect(
            url,
            subprotocols=[cls.PROTOCOL],  # type: ignore[list-item]
            additional_headers=headers,
            proxy=None,
            open_timeout=30,
        ) as connection:
            socket = cls(connection)
            if init:
                socket.send({"type": "connection_init", "payload": payload or {}})
            yield socket

    def send(self, message: dict[str, Any]) -> None:
        self.connection.send(json.dumps(message))

    def receive(self, timeout: float = 30.0) -> dict[str, Any]:
        """The next message but pings (answered); TimeoutError when none comes in time."""
        while True:
            message: dict[str, Any] = json.loads(self.connection.recv(timeout=timeout))
            if message.get("type") != "ping":
                return message
            self.send({"type": "pong"})

    def acknowledged(self) -> None:
        message = self.receive()
        assert message["type"] == "connection_ack", message

    def subscribe(
        self, operation_id: str, query: str, variables: dict[str, Any] | None = None
    ) -> None:
        payload = {"query": query, "variables": variables or {}}
        self.send({"id": operation_id, "type": "subscribe", "payload": payload})

    def next(self, operation_id: str, timeout: float = 30.0) -> dict[str, Any]:
        """The next `next` payload of an operation; AssertionError on any other message."""
        message = self.receive(timeout)
        assert message.get("id") == operation_id and message["type"] == "next", message
        payload: dict[str, Any] = message["payload"]
        return payload

    def close_code(self, timeout: float = 30.0) -> int | None:
        """The code the server closes with, reading until it does."""
        from websockets.exceptions import ConnectionClosed

        try:
            while True:
                self.connection.recv(timeout=timeout)
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else None


# ---- a first sign-in through the login pages (an account made with a required password change)


def form_action(page: str, form_id: str) -> str:
    """Where the page's form of this id posts (Keycloak's pages may hold other forms); the
    embedded provider's is a path on its origin."""
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


def first_sign_in(
    idp_url: str,
    username: str,
    initial: str,
    new: str,
    *,
    redirect_uri: str,
    realm: str = "shouhu",
    client_id: str = "shouhu-console",
) -> str:
    """A first sign-in as a browser makes it on Keycloak's (or the embedded provider's) pages:
    the login page with the initial password, the update-password page with the new one; the
    code's tokens' access token."""
    oidc = f"{idp_url}/realms/{realm}/protocol/openid-connect"
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    jar = Jar()
    with httpx.Client(follow_redirects=False, timeout=30) as browser:
        page = jar.keep(
            browser.get(
                f"{oidc}/auth",
                params={
                    "client_id": client_id,
                    "redirect_uri": redirect_uri,
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
                page.url.join(form_action(page.text, "kc-form-login")),
                data={"username": username, "password": initial, "credentialId": ""},
                headers=jar.header(),
            )
        )
        if update.status_code == 302:  # Keycloak sends the browser on to the required action
            target = httpx.URL(str(update.url)).join(update.headers["location"])
            update = jar.keep(browser.get(target, headers=jar.header()))
        assert update.status_code == 200 and "password-new" in update.text, said(update.text)
        done = browser.post(
            update.url.join(form_action(update.text, "kc-passwd-update-form")),
            data={"password-new": new, "password-confirm": new},
            headers=jar.header(),
        )
        assert done.status_code == 302, said(done.text)
        code = parse_qs(urlsplit(done.headers["location"]).query)["code"][0]
        tokens = browser.post(
            f"{oidc}/token",
            data={
                "grant_type": "authorization_code",
                "client_id": client_id,
                "code": code,
                "redirect_uri": redirect_uri,
                "code_verifier": verifier,
            },
        )
        assert tokens.status_code == 200, tokens.text
        return str(tokens.json()["access_token"])

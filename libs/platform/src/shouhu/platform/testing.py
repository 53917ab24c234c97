"""Helpers for tests: valid identity numbers, tokens, GraphQL calls, waiting."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import httpx

T = TypeVar("T")


def identity_number(birth: date, *, male: bool, seq: int = 1, division: str = "110109") -> str:
    """An 18-character identity number with a valid GB 11643 check digit."""
    order = seq * 2 + (1 if male else 0)
    body = f"{division}{birth:%Y%m%d}{order % 1000:03d}"
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(body))
    check = (12 - total % 11) % 11
    return body + ("X" if check == 10 else str(check))


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def password_token(token_url: str, username: str, password: str = "shouhu-dev") -> str:
    """A password-grant access token from the embedded provider or Keycloak."""
    response = httpx.post(
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
    response = httpx.post(
        url, json={"query": query, "variables": variables or {}}, headers=headers, timeout=30
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


def as_gateway(headers: dict[str, str], operation: str) -> dict[str, str]:
    """A caller's headers with the operation the gateway names and signs (embedded-mode key)."""
    from shouhu.platform.auth import bearer_token, operation_headers
    from shouhu.platform.settings import ServiceSettings

    token = bearer_token(headers["Authorization"])
    return {**headers, **operation_headers(ServiceSettings().gateway_key, operation, token)}

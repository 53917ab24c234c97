"""The gateway against the real services: calls per level, ids kept in their place, refusals typed.

The gateway runs in this process (so its calls to the services can be counted from its own HTTP
session); the services are the real stack's processes on PostgreSQL, Kafka and Keycloak.
"""

from __future__ import annotations

import asyncio
import secrets
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import pytest
from fastapi.testclient import TestClient

from shouhu.gateway import app as gateway_app
from shouhu.gateway.app import create_app
from shouhu.gateway.settings import GatewaySettings
from shouhu.platform.errors import NotFound
from shouhu.platform.http import ServiceClient, new_session
from shouhu.platform.testing import error_codes, graphql

SUPERVISOR = "supervisor.110109001001"
VILLAGE = "110109001001"
REGISTER = "mutation R($input: RegisterChildInput!) { registerChild(input: $input) { id } }"
NESTED_PAGE = """
query NestedPage($name: String!, $first: Int!) {
  children(filter: {name: $name}, first: $first) {
    edges { node {
      id name residenceDivision { code name parent { code } }
      classifications { group subtype }
      visits { visitedOn }
      supportPlan { measures { kind } }
      benefits { decisions { programme { code name } eligible } entitlements { status } }
    } }
  }
}
"""
DIVISION_TREE = "{ divisions { code children { code workforce { divisionCode name } } } }"


class CallCount:
    """The gateway's HTTP calls to each service, counted by its own session."""

    def __init__(self, urls: dict[str, str]) -> None:
        self.by_port = {urlsplit(url).port: name for name, url in urls.items()}
        self.calls: Counter[str] = Counter()

    def trace_config(self) -> aiohttp.TraceConfig:
        config = aiohttp.TraceConfig()

        async def started(_s: Any, _c: Any, params: aiohttp.TraceRequestStartParams) -> None:
            self.calls[self.by_port.get(params.url.port, str(params.url))] += 1

        config.on_request_start.append(started)
        return config

    def take(self) -> dict[str, int]:
        taken = dict(self.calls)
        self.calls.clear()
        return taken


@pytest.fixture(scope="module")
def gateway(real_stack, keycloak) -> Iterator[tuple[TestClient, CallCount]]:
    """A gateway in this process over the real stack's services, counting its calls."""
    services = {n: u for n, u in real_stack.urls.items() if n != "gateway"}
    count = CallCount(services)
    settings = GatewaySettings(
        mode="production",
        oidc_issuer=keycloak.issuer,
        data_key=secrets.token_urlsafe(32),
        gateway_key=real_stack.gateway_key,
        **{f"{name}_url": url for name, url in services.items()},
    )

    def counting_session(**kwargs: Any) -> aiohttp.ClientSession:
        return new_session(**kwargs, trace_configs=[count.trace_config()])

    original = gateway_app.new_session
    gateway_app.new_session = counting_session
    try:
        with TestClient(create_app(settings)) as client:
            yield client, count
    finally:
        gateway_app.new_session = original


def _ask(client: TestClient, token: str, query: str, **variables: Any) -> dict[str, Any]:
    response = client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    )
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture(scope="module")
def hundred_children(real_stack) -> str:
    """100 children in one village, found by a name part no other test uses."""
    token = real_stack.token(SUPERVISOR)
    tag = f"批{uuid.uuid4().hex[:6]}"
    for i in range(100):
        body = graphql(
            real_stack.graphql_url,
            REGISTER,
            token,
            {
                "input": {
                    "name": f"{tag}{i:03d}",
                    "gender": "MALE" if i % 2 else "FEMALE",
                    "birthDate": (date(2012, 1, 1) + timedelta(days=i)).isoformat(),
                    "residenceDivisionCode": VILLAGE,
                }
            },
        )
        assert "errors" not in body, body
    return tag


@pytest.mark.parametrize("first", [1, 20, 100])
def test_a_nested_page_costs_one_call_per_service_per_level(
    gateway, real_stack, hundred_children, first
) -> None:
    client, count = gateway
    token = real_stack.token(SUPERVISOR)
    # Reference data is fetched once per process: divisions with the page, programmes here (the
    # page's decisions may not exist yet when it is first read; the benefits service decides
    # from the registry's events a moment after registration).
    _ask(client, token, NESTED_PAGE, name=hundred_children, first=1)
    _ask(client, token, "{ programmes { code } }")
    count.take()
    body = _ask(client, token, NESTED_PAGE, name=hundred_children, first=first)
    assert "errors" not in body, body
    edges = body["data"]["children"]["edges"]
    assert len(edges) == first
    assert all(e["node"]["residenceDivision"]["parent"]["code"] == "110109001" for e in edges)
    # The search brings every part of the page; benefits answer for the page in one batch.
    assert count.take() == {"registry": 1, "benefits": 1}


def test_every_child_read_in_a_page_is_logged_once(gateway, real_stack, hundred_children) -> None:
    client, _ = gateway
    body = _ask(client, real_stack.token(SUPERVISOR), NESTED_PAGE, name=hundred_children, first=5)
    ids = [e["node"]["id"] for e in body["data"]["children"]["edges"]]
    admin = real_stack.token("admin.district")
    query = """query L($id: ID!) {
      accessLog(childId: $id, first: 100) { edges { node { operation parts } } } }"""
    for child_id in ids:
        entries = _ask(client, admin, query, id=child_id)["data"]["accessLog"]["edges"]
        pages = [e["node"] for e in entries if e["node"]["operation"] == "NestedPage"]
        assert len(pages) >= 1
        assert {"classifications", "visits", "plan"} <= set(pages[0]["parts"])


def test_the_division_tree_costs_one_call_per_level(gateway, real_stack) -> None:
    client, count = gateway
    token = real_stack.token("admin.district")
    _ask(client, token, "{ divisions { code } }")  # the network is cached per process
    count.take()
    body = _ask(client, token, DIVISION_TREE)
    assert "errors" not in body, body
    towns = body["data"]["divisions"]
    assert len(towns) == 13
    assert sum(len(t["children"]) for t in towns) == 304
    assert count.take() == {"registry": 1}  # the workforce of every village, in one call
    aliased = "{ a: divisions { children { code } } b: divisions { children { code } } }"
    assert "errors" not in _ask(client, token, aliased)
    assert count.take() == {}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ('{ child(id: "a/b") { id } }', "id"),
        ('{ child(id: "..") { id } }', "id"),
        ('{ child(id: "%2e%2e") { id } }', "id"),
        ('{ accessLog(childId: "../x") { edges { cursor } } }', "childId"),
        ('{ paymentBatch(month: "") { id } }', "month"),
        ('{ paymentBatch(month: "2026-13") { id } }', "month"),
        ('mutation { markNotificationRead(id: "a/b") { id } }', "id"),
        ('{ childStatistics(divisionCode: "110109/../x") { asOf } }', "divisionCode"),
    ],
)
def test_ids_are_checked_before_they_reach_a_path(gateway, real_stack, query, field) -> None:
    client, count = gateway
    count.take()
    body = _ask(client, real_stack.token("admin.district"), query)
    assert error_codes(body) == ["VALIDATION_FAILED"], body
    assert field in body["errors"][0]["extensions"]["fields"]
    assert count.take() == {}  # refused in the gateway: nothing reached a service


def test_a_services_plain_refusals_keep_their_meaning(real_stack) -> None:
    """A framework's own 404 and 405 (no JSON code) are NOT_FOUND, not INTERNAL."""

    async def probe() -> list[type[Exception]]:
        session = new_session()
        client = ServiceClient(real_stack.urls["registry"], session)
        raised = []
        for method, path in [("GET", "/no-such-route"), ("DELETE", "/divisions")]:
            try:
                await client.request(method, path)
            except Exception as exc:
                raised.append(type(exc))
        await session.close()
        return raised

    assert asyncio.run(probe()) == [NotFound, NotFound]

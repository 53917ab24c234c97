"""`notificationReceived` over graphql-transport-ws: authenticated on connect, relayed, resumed."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from shouhu.gateway.app import create_app
from shouhu.gateway.settings import GatewaySettings
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.testing import GraphQLSocket, serving

SUBSCRIPTION = """
subscription Live($after: String) {
  notificationReceived(after: $after) { id cursor kind childId createdAt read }
}
"""
TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
TRACEPARENT = f"00-{TRACE_ID}-b7ad6b7169203331-01"
SUPERVISOR = "supervisor.110109001001"


def row(n: int) -> dict[str, Any]:
    return {
        "id": f"n-{n}",
        "cursor": f"c-{n}",
        "kind": "CHILD_REGISTERED",
        "title": "新登记儿童",
        "body": "本村新登记儿童",
        "childId": f"child-{n}",
        "urgent": False,
        "severity": "INFO",
        "requiresAck": False,
        "subjectRef": None,
        "recipient": "village_supervisor@110109001001",
        "addressedPost": None,
        "rung": 0,
        "createdAt": "2026-11-30T08:00:00+00:00",
        "readAt": None,
        "acknowledgedAt": None,
        "acknowledgedBy": None,
    }


@dataclass
class Plan:
    """What the fake service answers one stream request with."""

    events: list[dict[str, Any]] = field(default_factory=list)
    status: int = 200
    refusal: dict[str, Any] = field(default_factory=dict)
    delay: float = 0.0  # before the events
    hold: bool = True  # keep the stream open after the events


class FakeNotifications:
    """The notifications service's stream route, answering from plans, recording each request."""

    def __init__(self) -> None:
        self.plans: list[Plan] = []
        self.calls: list[dict[str, str | None]] = []
        self.done = threading.Event()

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/notifications/stream")
        async def stream(request: Request) -> Response:
            headers = request.headers
            self.calls.append(
                {
                    "after": request.query_params.get("after"),
                    "authorization": headers.get("authorization"),
                    "traceparent": headers.get("traceparent"),
                }
            )
            plan = self.plans.pop(0) if self.plans else Plan()
            if plan.status != 200:
                return JSONResponse(plan.refusal, status_code=plan.status)

            async def body() -> AsyncIterator[bytes]:
                yield b": heartbeat\n\n"
                await asyncio.sleep(plan.delay)
                for event in plan.events:
                    yield f"id: {event['cursor']}\ndata: {json.dumps(event)}\n\n".encode()
                while plan.hold and not self.done.is_set():
                    await asyncio.sleep(0.05)

            return StreamingResponse(body(), media_type="text/event-stream")

        return app


@pytest.fixture
def fake() -> Iterator[FakeNotifications]:
    service = FakeNotifications()
    with serving(service.app()) as url:
        service.url = url  # type: ignore[attr-defined]
        try:
            yield service
        finally:
            service.done.set()


@pytest.fixture
def gateway(
    fake: FakeNotifications, verifier: TokenVerifier
) -> Iterator[Callable[..., GraphQLSocket]]:
    """Open sockets to a gateway (served, with the settings given) whose notifications is fake."""
    stack: list[Any] = []

    def connect(
        payload: dict[str, Any] | None = None, *, init: bool = True, **overrides: Any
    ) -> GraphQLSocket:
        settings = GatewaySettings(
            oidc_issuer="http://127.0.0.1:8000/realms/shouhu",
            notifications_url=fake.url,  # type: ignore[attr-defined]
            **overrides,
        )
        served = serving(create_app(settings, verifier=verifier))
        url = served.__enter__()
        stack.append(served)
        opened = GraphQLSocket.open(f"{url}/graphql", payload, init=init, traceparent=TRACEPARENT)
        socket = opened.__enter__()
        stack.append(opened)
        return socket

    yield connect
    fake.done.set()
    for context in reversed(stack):
        context.__exit__(None, None, None)


def bearer(as_user: Callable[[str], dict[str, str]], username: str = SUPERVISOR) -> str:
    return as_user(username)["Authorization"]


def test_a_subscription_relays_the_stream_with_the_callers_token_and_trace(gateway, fake, as_user):
    fake.plans = [Plan(events=[row(1), row(2)])]
    authorization = bearer(as_user)
    socket = gateway({"Authorization": authorization})
    socket.acknowledged()
    socket.subscribe("1", SUBSCRIPTION, {"after": "c-0"})
    first = socket.next("1")["data"]["notificationReceived"]
    assert first == {
        "id": "n-1",
        "cursor": "c-1",
        "kind": "CHILD_REGISTERED",
        "childId": "child-1",
        "createdAt": "2026-11-30T08:00:00+00:00",
        "read": False,
    }
    assert socket.next("1")["data"]["notificationReceived"]["cursor"] == "c-2"
    [call] = fake.calls
    assert call["authorization"] == authorization
    assert call["after"] == "c-0"
    assert call["traceparent"] is not None and TRACE_ID in call["traceparent"]


def test_the_token_may_come_as_token(gateway, fake, as_user):
    fake.plans = [Plan(events=[row(1)])]
    token = bearer(as_user).removeprefix("Bearer ")
    socket = gateway({"token": token})
    socket.acknowledged()
    socket.subscribe("1", SUBSCRIPTION)
    assert socket.next("1")["data"]["notificationReceived"]["id"] == "n-1"
    assert fake.calls[0]["after"] is None


@pytest.mark.parametrize(
    "payload",
    [{}, {"token": "garbage"}, {"Authorization": "Basic c3VwZXJ2aXNvcg=="}, {"token": 7}],
    ids=["none", "garbage", "not-bearer", "not-a-string"],
)
def test_a_missing_or_bad_token_is_refused_at_connect(gateway, fake, payload):
    socket = gateway(payload)
    assert socket.close_code() == 4403
    assert fake.calls == []


def test_subscribing_before_connection_init_is_unauthorized(gateway, fake):
    socket = gateway(init=False)
    socket.subscribe("1", SUBSCRIPTION)
    assert socket.close_code() == 4401
    assert fake.calls == []


def test_a_socket_runs_subscriptions_only(gateway, fake, as_user):
    socket = gateway({"Authorization": bearer(as_user)})
    socket.acknowledged()
    socket.subscribe("1", "query { me { username } }")
    message = socket.receive()
    assert message["type"] == "error", message
    assert message["payload"][0]["extensions"]["code"] == "VALIDATION_FAILED"


def test_a_dropped_stream_is_reopened_after_the_last_cursor(gateway, fake, as_user):
    fake.plans = [Plan(events=[row(1)], hold=False), Plan(events=[row(2)])]
    socket = gateway({"Authorization": bearer(as_user)})
    socket.acknowledged()
    socket.subscribe("1", SUBSCRIPTION)
    assert socket.next("1")["data"]["notificationReceived"]["id"] == "n-1"
    assert socket.next("1")["data"]["notificationReceived"]["id"] == "n-2"
    assert [c["after"] for c in fake.calls] == [None, "c-1"]


@pytest.mark.parametrize(("status", "code"), [(401, "UNAUTHENTICATED"), (422, "VALIDATION_FAILED")])
def test_a_refusal_of_the_service_reaches_the_caller_with_its_code(
    gateway, fake, as_user, status, code
):
    # The token expired while the stream was open (401), or the cursor is not one (422).
    refusal = {"code": code, "message": "拒绝", "fields": {"after": "游标无效"}}
    fake.plans = [Plan(events=[row(1)], hold=False), Plan(status=status, refusal=refusal)]
    socket = gateway({"Authorization": bearer(as_user)})
    socket.acknowledged()
    socket.subscribe("1", SUBSCRIPTION)
    assert socket.next("1")["data"]["notificationReceived"]["id"] == "n-1"
    errors = socket.next("1")["errors"]
    assert [e["extensions"]["code"] for e in errors] == [code]
    assert socket.receive() == {"id": "1", "type": "complete"}


def test_the_time_budget_does_not_end_a_subscription(gateway, fake, as_user):
    fake.plans = [Plan(events=[row(1)], delay=1.0)]
    socket = gateway({"Authorization": bearer(as_user)}, request_timeout_seconds=0.2)
    socket.acknowledged()
    socket.subscribe("1", SUBSCRIPTION)
    assert socket.next("1")["data"]["notificationReceived"]["id"] == "n-1"

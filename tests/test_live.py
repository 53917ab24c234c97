"""The live channel end to end, on the embedded platform and on the real stack.

clerk registers a child → registry → outbox → transport → notifications commits → its stream →
the gateway's subscription → the village supervisor's socket; nobody else's.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest

from shouhu.platform.testing import GraphQLSocket, eventually, fresh_identity_number, graphql

SUPERVISOR = "supervisor.110109001001"
VILLAGE = "110109001001"
OTHER_SUPERVISOR = "supervisor.110109101001"
OTHER_VILLAGE = "110109101001"

REGISTER = "mutation R($input: RegisterChildInput!) { registerChild(input: $input) { id } }"
LATEST = "{ notifications(first: 50) { edges { cursor node { childId } } } }"
LIVE = """
subscription Live($after: String) {
  notificationReceived(after: $after) { id cursor kind title childId createdAt read }
}
"""


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    """Each test runs on both the embedded platform and the real stack."""
    return request.getfixturevalue(request.param)


def _register(platform: Any, village: str) -> str:
    """Register a child in `village` as the district's clerk; its id."""
    birth = date(2014, 1, 1) + timedelta(days=secrets.randbelow(365))
    child = {
        "name": f"实时{uuid.uuid4().hex[:6]}",
        "gender": "FEMALE",
        "birthDate": birth.isoformat(),
        "idNumber": fresh_identity_number(birth, male=False),
        "residenceDivisionCode": village,
    }
    clerk = platform.token("clerk.district")
    body = graphql(platform.graphql_url, REGISTER, clerk, {"input": child})
    assert not body.get("errors"), body
    child_id: str = body["data"]["registerChild"]["id"]
    return child_id


def _cursor_of(platform: Any, username: str, child_id: str) -> str:
    """The cursor of the notification of `child_id`, once it has committed."""

    def find() -> str | None:
        body = graphql(platform.graphql_url, LATEST, platform.token(username))
        edges = body["data"]["notifications"]["edges"]
        return next((e["cursor"] for e in edges if e["node"]["childId"] == child_id), None)

    return eventually(find, timeout=60)


@contextmanager
def _listening(
    platform: Any, username: str, after: str | None, *, bare_token: bool = False
) -> Iterator[GraphQLSocket]:
    """A socket of `username` subscribed from `after`; its token in connection_init either way."""
    token = platform.token(username)
    init = {"token": token} if bare_token else {"Authorization": f"Bearer {token}"}
    with GraphQLSocket.open(platform.graphql_url, init) as socket:
        socket.acknowledged()
        socket.subscribe("live", LIVE, {"after": after})
        yield socket


def _frame(socket: GraphQLSocket) -> dict[str, Any]:
    payload = socket.next("live", timeout=60)
    assert not payload.get("errors"), payload
    frame: dict[str, Any] = payload["data"]["notificationReceived"]
    return frame


def test_the_village_supervisor_hears_of_a_child_registered_there_and_nobody_else(platform):
    # Each socket starts from a notification of its own, so no frame can race its subscription.
    mine = _cursor_of(platform, SUPERVISOR, _register(platform, VILLAGE))
    theirs = _cursor_of(platform, OTHER_SUPERVISOR, _register(platform, OTHER_VILLAGE))
    with (
        _listening(platform, SUPERVISOR, mine) as supervisor,
        _listening(platform, OTHER_SUPERVISOR, theirs, bare_token=True) as other,
    ):
        child = _register(platform, VILLAGE)
        frame = _frame(supervisor)
        assert frame["childId"] == child
        assert frame["kind"] == "CHILD_REGISTERED"
        assert frame["title"] == "新登记儿童"
        assert frame["read"] is False
        # Registered after the first had committed, so later in every stream: had the other
        # village's supervisor been sent the first, it would come before this one.
        elsewhere = _register(platform, OTHER_VILLAGE)
        assert _frame(other)["childId"] == elsewhere


def test_a_reconnecting_supervisor_gets_what_was_missed_and_nothing_twice(platform):
    start = _cursor_of(platform, SUPERVISOR, _register(platform, VILLAGE))
    with _listening(platform, SUPERVISOR, start) as supervisor:
        first = _register(platform, VILLAGE)
        seen = _frame(supervisor)
        assert seen["childId"] == first
    missed = _register(platform, VILLAGE)  # while disconnected
    _cursor_of(platform, SUPERVISOR, missed)
    with _listening(platform, SUPERVISOR, seen["cursor"], bare_token=True) as supervisor:
        assert _frame(supervisor)["childId"] == missed
        later = _register(platform, VILLAGE)
        assert _frame(supervisor)["childId"] == later


@pytest.mark.parametrize(
    "payload",
    [{}, {"token": "garbage"}, {"Authorization": "Bearer garbage"}],
    ids=["no-token", "garbage-token", "garbage-bearer"],
)
def test_a_bad_token_is_refused_at_connect(platform, payload):
    with GraphQLSocket.open(platform.graphql_url, payload) as socket:
        assert socket.close_code() == 4403

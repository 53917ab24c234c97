"""The foundation slice, on the embedded platform and on the real stack.

console → gateway → registry → outbox → transport → notifications → gateway, one trace throughout.
"""

from __future__ import annotations

import json
import secrets
import urllib.request
from datetime import date

import httpx
import pytest
from sqlalchemy import create_engine, text

from shouhu.platform.testing import error_codes, eventually, graphql, new_child_input

SUPERVISOR = "supervisor.110109001001"
VILLAGE = "110109001001"
OTHER_TOWN_VILLAGE = "110109101001"

REGISTER = """
mutation Register($input: RegisterChildInput!) {
  registerChild(input: $input) {
    id version name gender birthDate age idNumber status primaryCategory leftBehind
    residenceDivision { code name level parent { code name } }
  }
}
"""
NOTIFICATIONS = """
query { notifications(first: 50) { totalCount unreadCount
  edges { cursor node { id kind title body childId read } } } }
"""


@pytest.fixture(params=["embedded", "real_stack"])
def platform(request: pytest.FixtureRequest):
    """Each test runs on both the embedded platform and the real stack."""
    return request.getfixturevalue(request.param)


def _child_input(village: str = VILLAGE) -> dict[str, object]:
    return dict(new_child_input(village, "测试", date(2014, 5, 20)))


def _count(database_url: str, sql: str, **params: object) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(sql), params).scalar_one())
    finally:
        engine.dispose()


def test_every_service_and_the_gateway_answer_health(platform) -> None:
    for name, url in platform.urls.items():
        assert httpx.get(f"{url}/healthz", timeout=10).json() == {"status": "ok"}, name
        ready = httpx.get(f"{url}/readyz", timeout=10)
        assert ready.status_code == 200, (name, ready.text)
        assert set(ready.json()["checks"].values()) == {"ok"}


def test_me_and_the_network(platform) -> None:
    token = platform.token(SUPERVISOR)
    body = graphql(
        platform.graphql_url,
        """{ me { username roles divisionCode }
             divisions { code name level }
             division(code: "110109001") { name level parent { code } children { code } } }""",
        token,
    )
    assert "errors" not in body, body
    data = body["data"]
    assert data["me"] == {
        "username": SUPERVISOR,
        "roles": ["village_supervisor"],
        "divisionCode": VILLAGE,
    }
    assert len(data["divisions"]) == 13
    assert {d["level"] for d in data["divisions"]} == {"TOWN"}
    assert data["division"]["name"] == "大峪街道"
    assert data["division"]["parent"] == {"code": "110109"}
    assert {"code": VILLAGE} in data["division"]["children"]


def test_no_token_is_unauthenticated(platform) -> None:
    body = graphql(platform.graphql_url, "{ me { username } }")
    assert error_codes(body) == ["UNAUTHENTICATED"]
    body = graphql(platform.graphql_url, "{ me { username } }", token="not-a-token")
    assert error_codes(body) == ["UNAUTHENTICATED"]


def test_registering_a_child_notifies_the_village_supervisor_in_one_trace(
    platform,
) -> None:
    token = platform.token(SUPERVISOR)
    child_input = _child_input()
    trace_id = secrets.token_hex(16)
    traceparent = f"00-{trace_id}-{secrets.token_hex(8)}-01"
    # urllib, not httpx: tests in this process may have instrumented httpx, which would
    # replace our traceparent with the process's own context.
    request = urllib.request.Request(
        platform.graphql_url,
        data=json.dumps({"query": REGISTER, "variables": {"input": child_input}}).encode(),
        headers={
            "Authorization": f"Bearer {token}",
            "traceparent": traceparent,
            "content-type": "application/json",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.load(response)
    assert "errors" not in body, body
    child = body["data"]["registerChild"]
    assert child["name"] == child_input["name"]
    assert child["version"] == 1
    assert child["status"] == "ACTIVE"
    assert child["primaryCategory"] == "NONE"
    assert child["residenceDivision"]["parent"]["code"] == "110109001"
    # A village supervisor sees the identity number masked.
    number = str(child_input["idNumber"])
    assert child["idNumber"] == f"{number[:6]}************"

    def delivered() -> dict[str, object] | None:
        page = graphql(platform.graphql_url, NOTIFICATIONS, token)["data"]["notifications"]
        return next((e["node"] for e in page["edges"] if e["node"]["childId"] == child["id"]), None)

    notification = eventually(delivered, timeout=60)
    assert notification["kind"] == "CHILD_REGISTERED"
    assert child_input["name"] in str(notification["body"])
    assert notification["read"] is False

    read = graphql(
        platform.graphql_url,
        "mutation($id: ID!) { markNotificationRead(id: $id) { id read } }",
        token,
        {"id": notification["id"]},
    )
    assert read["data"]["markNotificationRead"] == {"id": notification["id"], "read": True}

    # The supervisor of another town's village was told nothing.
    other = graphql(platform.graphql_url, NOTIFICATIONS, platform.token("supervisor.110109101001"))
    assert all(e["node"]["childId"] != child["id"] for e in other["data"]["notifications"]["edges"])

    def traced() -> dict[str, set[str]] | None:
        names: dict[str, set[str]] = {}
        for span in platform.spans():
            if span["context"]["trace_id"] == f"0x{trace_id}":
                service = span["resource"]["attributes"]["service.name"]
                names.setdefault(span["name"], set()).add(service)
        wanted = {"POST /graphql", "shouhu.registry publish", "shouhu.registry process"}
        return names if wanted <= names.keys() else None

    spans = eventually(traced, timeout=30)
    assert any(name.startswith("POST /children") for name in spans), spans


def test_registering_outside_ones_division_is_forbidden_and_writes_nothing(
    platform,
) -> None:
    token = platform.token(SUPERVISOR)
    child_input = _child_input(OTHER_TOWN_VILLAGE)
    registry = platform.databases["registry"]
    outbox_before = _count(registry, "SELECT count(*) FROM outbox")
    body = graphql(platform.graphql_url, REGISTER, token, {"input": child_input})
    assert error_codes(body) == ["FORBIDDEN"]
    assert body["data"] is None
    assert (
        _count(registry, "SELECT count(*) FROM child WHERE name = :n", n=child_input["name"]) == 0
    )
    assert _count(registry, "SELECT count(*) FROM outbox") == outbox_before


def test_bad_identity_number_is_validation_failed_naming_the_field(platform) -> None:
    token = platform.token(SUPERVISOR)
    valid = str(_child_input()["idNumber"])
    wrong_check_digit = valid[:-1] + ("0" if valid[-1] in "9X" else str(int(valid[-1]) + 1))
    child_input = {**_child_input(), "idNumber": wrong_check_digit}
    body = graphql(platform.graphql_url, REGISTER, token, {"input": child_input})
    assert error_codes(body) == ["VALIDATION_FAILED"]
    assert "idNumber" in body["errors"][0]["extensions"]["fields"]


def test_the_same_identity_number_twice_is_duplicate(platform) -> None:
    token = platform.token("clerk.district")
    child_input = _child_input()
    first = graphql(platform.graphql_url, REGISTER, token, {"input": child_input})
    assert "errors" not in first, first
    again = graphql(platform.graphql_url, REGISTER, token, {"input": child_input})
    assert error_codes(again) == ["DUPLICATE"]
    assert again["errors"][0]["extensions"]["existingId"] == first["data"]["registerChild"]["id"]
    # The district clerk's role needs the full number.
    assert first["data"]["registerChild"]["idNumber"] == child_input["idNumber"]

"""A service's refusal reaches the gateway with its API code, whoever wrote the answer."""

import inspect

import pytest
import uvicorn

from shouhu.platform.errors import (
    Conflict,
    Forbidden,
    Internal,
    NotFound,
    RateLimited,
    Unauthenticated,
    ValidationFailed,
)
from shouhu.platform.http import KEEPALIVE_SECONDS, new_session, new_stream_session, refusal


def test_our_json_body_keeps_its_code_message_and_fields() -> None:
    error = refusal(409, {"code": "CONFLICT", "message": "版本已变化", "fields": {}})
    assert isinstance(error, Conflict)
    assert error.message == "版本已变化"
    error = refusal(422, {"code": "VALIDATION_FAILED", "fields": {"ids": "一次最多读取100份"}})
    assert isinstance(error, ValidationFailed) and error.fields == {"ids": "一次最多读取100份"}


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (404, NotFound),  # a framework's route not found: {"detail": "Not Found"}
        (405, NotFound),  # a method the path does not take
        (307, NotFound),  # a redirect names no resource; it is not followed
        (413, ValidationFailed),  # a proxy's body limit
        (401, Unauthenticated),
        (403, Forbidden),
        (429, RateLimited),
        (502, Internal),
        (500, Internal),
    ],
)
def test_a_plain_refusal_is_coded_by_its_status(status: int, expected: type) -> None:
    assert type(refusal(status, {"detail": "Not Found"})) is expected
    assert type(refusal(status, None)) is expected


def test_a_body_with_an_unknown_code_is_coded_by_status() -> None:
    assert isinstance(refusal(404, {"code": "NO_SUCH_CODE"}), NotFound)


async def test_idle_connections_are_dropped_before_the_service_drops_them() -> None:
    # A service (uvicorn) closes an idle connection after its keep-alive; reusing one it is
    # closing fails the call. The gateway's pools let theirs go first.
    server = inspect.signature(uvicorn.Config.__init__).parameters["timeout_keep_alive"].default
    assert server > KEEPALIVE_SECONDS
    for session in (new_session(), new_stream_session(read_timeout_seconds=45)):
        connector = session.connector
        assert connector is not None
        assert connector._keepalive_timeout == KEEPALIVE_SECONDS
        await session.close()

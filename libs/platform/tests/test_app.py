"""A service app's refusals: every one in the `{code, message, fields}` envelope, none a 500."""

from collections.abc import Iterator

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient
from pydantic import Field

from shouhu.platform.app import field_errors, install_error_handlers
from shouhu.platform.schemas import Input


class Standard(Input):
    monthly_amount_fen: int = Field(ge=0, le=10_000_000)
    enabled: bool = True


@pytest.fixture
def client() -> Iterator[TestClient]:
    router = APIRouter()

    @router.put("/standards")
    def put(data: Standard) -> dict[str, int]:
        return {"monthlyAmountFen": data.monthly_amount_fen}

    app = FastAPI()
    install_error_handlers(app)
    app.include_router(router)
    with TestClient(app) as test_client:
        yield test_client


def _put(client: TestClient, body: bytes) -> tuple[int, dict[str, object]]:
    response = client.put("/standards", content=body, headers={"content-type": "application/json"})
    return response.status_code, response.json()


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        (b"42", {"body": "应为 JSON 对象"}),
        (b"null", {"body": "应为 JSON 对象"}),
        (b'"x"', {"body": "应为 JSON 对象"}),
        (b"[1]", {"body": "应为 JSON 对象"}),
        (b"{bad", {"body": "请求体不是有效的 JSON"}),
        (b'{"monthlyAmountFen": true}', {"monthlyAmountFen": "应为整数"}),
        (b'{"monthlyAmountFen": "12"}', {"monthlyAmountFen": "应为整数"}),
        (b'{"monthlyAmountFen": 12, "enabled": "yes"}', {"enabled": "应为 true 或 false"}),
        (b'{"monthlyAmountFen": -1}', {"monthlyAmountFen": "不能小于0"}),
        (b'{"monthlyAmountFen": 10000001}', {"monthlyAmountFen": "不能大于10000000"}),
    ],
    ids=["number", "null", "string", "list", "unparsable", "true", "text", "yes", "low", "high"],
)
def test_bad_bodies_are_validation_failed_naming_the_field(client, body, fields):
    status, answer = _put(client, body)
    assert status == 422
    assert answer == {"code": "VALIDATION_FAILED", "message": "输入有误", "fields": fields}


def test_the_frameworks_own_refusals_answer_in_the_envelope(client):
    unknown = client.get("/nowhere")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "NOT_FOUND")
    wrong_method = client.delete("/standards")
    assert (wrong_method.status_code, wrong_method.json()["code"]) == (405, "NOT_FOUND")


def test_a_valid_body_passes(client):
    assert _put(client, b'{"monthlyAmountFen": 12}') == (200, {"monthlyAmountFen": 12})


def test_an_error_without_its_bound_in_context_still_says_something():
    error = {"type": "greater_than_equal", "loc": ("body", "n"), "ctx": {}}
    assert field_errors([error]) == {"n": "格式不正确"}

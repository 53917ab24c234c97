"""The gateway's limits: cost, body and upload caps, rate, time, and the production lockdown."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import strawberry
from fastapi import FastAPI
from graphql import parse, validate
from starlette.testclient import TestClient

from shouhu.gateway.app import create_app
from shouhu.gateway.errors import ErrorCodes
from shouhu.gateway.limits import budget, trusted
from shouhu.gateway.limits.body import BodyLimitMiddleware
from shouhu.gateway.limits.cost import CostLimits, analyse, select_operation
from shouhu.gateway.limits.operation import OperationLimits, OperationPolicy
from shouhu.gateway.limits.rate import TokenBuckets
from shouhu.gateway.schema import build_schema
from shouhu.gateway.settings import GatewaySettings
from shouhu.platform.app import api_docs
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.idp import DEMO_CLIENTS, EmbeddedIdentityProvider
from shouhu.platform.settings import Mode

ME = "query Me { me { username divisionCode } }"
DIVISION_TREE = "{ divisions { children { workforce { divisionCode } } } }"
# Three aliases of the district's tree, children of children of children, each with its holders.
DEEP_TREE = """
fragment H on Division { code name workforce { username divisionCode since } }
{
  a: divisions { ...H children { ...H children { ...H children { ...H } } } }
  b: divisions { ...H children { ...H children { ...H children { ...H } } } }
  c: divisions { ...H children { ...H children { ...H children { ...H } } } }
}
"""
LIMITS = CostLimits()


def settings(**overrides: Any) -> GatewaySettings:
    values: dict[str, Any] = {"oidc_issuer": "http://127.0.0.1:8000/realms/shouhu"}
    if overrides.get("mode") is Mode.PRODUCTION:
        values["data_key"] = "YS1yZWFsLWRhdGEta2V5LWZvci10aGUtdGVzdHMtMDEyMzQ1Njc4OQ=="
        values["gateway_key"] = "YS1yZWFsLWdhdGV3YXkta2V5LWZvci10aGUtdGVzdHMtMDEyMzQ1Ng=="
    return GatewaySettings(**{**values, **overrides})


@pytest.fixture
def gateway(verifier: TokenVerifier) -> Iterator[Callable[..., TestClient]]:
    """A gateway app in-process with the settings given; the services are never reached."""
    clients: list[TestClient] = []

    def make(**overrides: Any) -> TestClient:
        client = TestClient(create_app(settings(**overrides), verifier=verifier))
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def as_client(idp: EmbeddedIdentityProvider) -> Callable[[str], dict[str, str]]:
    """Authorization headers of a department system's service account (client credentials)."""

    def headers(client_id: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {idp.issue(DEMO_CLIENTS[client_id], client_id)}"}

    return headers


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


def cost_of(query: str, variables: dict[str, Any] | None = None) -> Any:
    document = parse(query)
    operation = select_operation(document, None)
    assert operation is not None
    return analyse(build_schema()._schema, document, operation, variables, LIMITS)


# --- cost -------------------------------------------------------------------------------------


def test_the_cost_formula_counts_fields_and_multiplies_lists():
    # 1 + 15 towns × (1 + 51 villages × (1 + 5 holders × 1))
    assert cost_of(DIVISION_TREE).cost == 1 + 15 * (1 + 51 * (1 + 5 * 1)) == 4606
    # `first` from a variable; `visits` (no `first`) counts the default 10; `edges` counts once.
    query = "query($n: Int!) { children(first: $n) { edges { node { id visits { id } } } } }"
    assert cost_of(query, {"n": 10}).cost == 1 + 10 * (1 + 1 + 1 + (1 + 10 * 1))
    # The argument's default in the schema (first: Int! = 20), and the operation's default.
    assert cost_of("{ children { edges { node { id } } } }").cost == 1 + 20 * 3
    query = "query($n: Int = 7) { children(first: $n) { edges { node { id } } } }"
    assert cost_of(query).cost == 1 + 7 * 3
    # The finance office's page of 500 payment lines is allowed (its own page limit).
    lines = """query { paymentBatch(month: "2026-11") { lines(first: 500) {
        edges { node { childId programme amountFen } } pageInfo { hasNextPage endCursor } } } }"""
    analysis = cost_of(lines)
    assert analysis.page_errors == {} and analysis.cost < LIMITS.budget


async def test_an_operation_over_the_budget_is_refused_before_it_runs():
    schema = build_schema(limits=[lambda: OperationLimits(OperationPolicy())])
    result = await schema.execute(DEEP_TREE)
    (error,) = result.errors
    assert error.extensions["code"] == "VALIDATION_FAILED"
    assert error.extensions["budget"] == 20_000
    assert error.extensions["cost"] > 1_000_000
    assert f"查询代价为{error.extensions['cost']}，超过上限20000" in error.message
    # The batched tree is within it: no cost error (the resolvers fail here: no services).
    result = await schema.execute(DIVISION_TREE)
    assert "VALIDATION_FAILED" not in {e.extensions["code"] for e in result.errors or []}


async def test_a_page_over_100_is_refused_naming_the_argument():
    schema = build_schema(limits=[lambda: OperationLimits(OperationPolicy())])
    query = "query($n: Int!) { children(first: $n) { edges { node { id } } } }"
    result = await schema.execute(query, variable_values={"n": 101})
    (error,) = result.errors
    assert error.extensions == {
        "code": "VALIDATION_FAILED",
        "fields": {"children.first": "每页最多100条"},
    }
    assert "first" in error.message
    result = await schema.execute(query, variable_values={"n": 100})
    assert "VALIDATION_FAILED" not in {e.extensions["code"] for e in result.errors or []}


def test_a_cheap_query_passes(gateway, as_user):
    client = gateway()
    body = client.post("/graphql", json={"query": ME}, headers=as_user("clerk.district")).json()
    assert body == {"data": {"me": {"username": "clerk.district", "divisionCode": "110109"}}}


# --- body and upload caps ---------------------------------------------------------------------


def test_a_body_over_the_cap_is_413_from_its_length(gateway, as_user):
    client = gateway(max_request_bytes=2000)
    query = "{ me { username } }" + " " * 3000
    response = client.post("/graphql", json={"query": query}, headers=as_user("clerk.district"))
    assert response.status_code == 413
    assert response.json()["code"] == "VALIDATION_FAILED"
    assert response.json()["message"].startswith("请求体过大")
    ok = client.post("/graphql", json={"query": ME}, headers=as_user("clerk.district"))
    assert ok.status_code == 200


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"42", "请求体应为 JSON 对象"),
        (b"null", "请求体应为 JSON 对象"),
        (b'"query"', "请求体应为 JSON 对象"),
        (b"[]", "请求体应为 JSON 对象"),
        (b'[{"query": "{ me { username } }"}]', "请求体应为 JSON 对象"),
        (b"{bad", "请求体不是有效的 JSON"),
        (b"\xff\xfe", "请求体不是有效的 JSON"),
    ],
    ids=["number", "null", "string", "empty-list", "batch", "unparsable", "not-utf8"],
)
def test_a_body_that_is_no_json_object_is_refused_in_the_envelope(gateway, as_user, body, message):
    client = gateway()
    headers = {**as_user("clerk.district"), "content-type": "application/json"}
    response = client.post("/graphql", content=body, headers=headers)
    assert response.status_code == 422, response.text
    assert response.json() == {
        "code": "VALIDATION_FAILED",
        "message": "输入有误",
        "fields": {"body": message},
    }


def _call(app: Any, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> tuple[int, int]:
    """Send a body in chunks; the response status and how many chunks the app pulled."""
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        if pulled > len(chunks):
            return {"type": "http.disconnect"}
        return {
            "type": "http.request",
            "body": chunks[pulled - 1],
            "more_body": pulled < len(chunks),
        }

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/graphql",
        "headers": headers,
        "query_string": b"",
        "client": ("127.0.0.1", 5000),
    }
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"], pulled


def test_a_chunked_body_is_cut_off_while_streaming():
    async def reads_everything(scope: Any, receive: Any, send: Any) -> None:
        while (await receive()).get("more_body"):
            pass
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    app = BodyLimitMiddleware(reads_everything, max_request_bytes=1024, max_upload_bytes=10_000)
    chunks = [b"x" * 100] * 100  # 10,000 bytes, no Content-Length
    status, pulled = _call(app, [(b"content-type", b"application/json")], chunks)
    assert status == 413 and pulled == 11  # refused at the chunk past 1,024 bytes
    # Declared too long: refused before a byte is read.
    status, pulled = _call(
        app, [(b"content-type", b"application/json"), (b"content-length", b"10000")], chunks
    )
    assert status == 413 and pulled == 0
    # Within the cap: read to the end.
    assert _call(app, [(b"content-type", b"application/json")], [b"x" * 100] * 5) == (200, 5)


def test_the_gateway_cuts_off_a_chunked_body(gateway, as_user):
    client = gateway(max_request_bytes=1000)

    def body() -> Iterator[bytes]:
        yield b'{"query": "{ me { username } }", "pad": "'
        for _ in range(50):
            yield b"x" * 100
        yield b'"}'

    headers = {**as_user("clerk.district"), "content-type": "application/json"}
    response = client.post("/graphql", content=body(), headers=headers)
    assert response.status_code == 413
    assert response.json()["message"].startswith("请求体过大")


def test_an_upload_over_its_cap_is_413(gateway, as_user):
    client = gateway(max_upload_bytes=5000)
    operations = {
        "query": "mutation($f: Upload!) { importLedger(file: $f, mode: VALID_ROWS) { totalRows } }",
        "variables": {"f": None},
    }
    data = {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})}
    files = {"0": ("台账.csv", b"x" * 6000, "text/csv")}
    response = client.post("/graphql", data=data, files=files, headers=as_user("clerk.district"))
    assert response.status_code == 413
    assert response.json()["code"] == "VALIDATION_FAILED"
    assert response.json()["message"].startswith("上传文件过大")


# --- rate -------------------------------------------------------------------------------------


def test_a_caller_over_its_rate_is_rate_limited(gateway, as_user):
    client = gateway(rate_limit_per_second=0.5, rate_limit_burst=2)
    clerk = as_user("clerk.district")
    for _ in range(2):
        assert client.post("/graphql", json={"query": ME}, headers=clerk).status_code == 200
    response = client.post("/graphql", json={"query": ME}, headers=clerk)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "2"
    (error,) = response.json()["errors"]
    assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": 2}
    # Another principal has a bucket of its own.
    other = as_user("worker.110109001")
    assert client.post("/graphql", json={"query": ME}, headers=other).status_code == 200


def test_token_buckets_refill_at_the_rate():
    now = [0.0]
    buckets = TokenBuckets(rate=2.0, burst=3, clock=lambda: now[0])
    assert [buckets.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert buckets.take("a") == pytest.approx(0.5)
    now[0] = 0.5
    assert buckets.take("a") == 0.0
    assert buckets.take("b") == 0.0


# --- time -------------------------------------------------------------------------------------


@strawberry.type
class SlowQuery:
    @strawberry.field
    async def slow(self) -> str:
        await asyncio.sleep(0.5)
        return "done"

    @strawberry.field
    def quick(self) -> str:
        return "done"


def slow_app(timeout: float) -> TestClient:
    schema = strawberry.Schema(
        query=SlowQuery, extensions=[lambda: OperationLimits(OperationPolicy()), ErrorCodes]
    )
    app = FastAPI()
    app.include_router(
        budget.LimitedGraphQLRouter(schema, request_timeout_seconds=timeout), prefix="/graphql"
    )
    return TestClient(app)


def test_an_operation_over_its_time_budget_is_cut_off():
    client = slow_app(0.1)
    body = client.post("/graphql", json={"query": "{ slow }"}).json()
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "INTERNAL"}
    assert error["message"].startswith("请求超时")
    assert client.post("/graphql", json={"query": "{ quick }"}).json() == {
        "data": {"quick": "done"}
    }


def test_a_long_field_has_its_own_budget(monkeypatch):
    monkeypatch.setitem(budget.LONG_FIELDS, "SlowQuery.slow", 5.0)
    body = slow_app(0.1).post("/graphql", json={"query": "{ slow }"}).json()
    assert body == {"data": {"slow": "done"}}


def _gateway_constant(name: str) -> float:
    """A module constant of the gateway, wherever the modules put it."""
    import importlib
    import pkgutil

    import shouhu.gateway

    for module in pkgutil.walk_packages(shouhu.gateway.__path__, "shouhu.gateway."):
        if module.name.endswith((".embedded", ".__main__")):
            continue
        value = getattr(importlib.import_module(module.name), name, None)
        if isinstance(value, float | int):
            return float(value)
    raise AssertionError(f"{name} not found")


def test_the_ledger_import_and_exports_keep_their_longer_timeouts():
    fields = build_schema()._schema.type_map
    assert "importLedger" in fields["Mutation"].fields  # type: ignore[attr-defined]
    assert "export" in fields["PaymentBatch"].fields  # type: ignore[attr-defined]
    imports = _gateway_constant("IMPORT_TIMEOUT_SECONDS")
    exports = _gateway_constant("EXPORT_TIMEOUT_SECONDS")
    assert budget.LONG_FIELDS["Mutation.importLedger"] > imports
    assert budget.LONG_FIELDS["PaymentBatch.export"] > exports


# --- production -------------------------------------------------------------------------------

INTROSPECTION = "{ __schema { queryType { name } } }"


def test_production_refuses_introspection_to_people_not_to_service_accounts(
    gateway, as_user, as_client
):
    client = gateway(mode=Mode.PRODUCTION)
    body = client.post(
        "/graphql", json={"query": INTROSPECTION}, headers=as_user("admin.district")
    ).json()
    assert codes(body) == ["FORBIDDEN"] and body["data"] is None
    body = client.post("/graphql", json={"query": INTROSPECTION}).json()
    assert codes(body) == ["FORBIDDEN"]
    body = client.post(
        "/graphql", json={"query": INTROSPECTION}, headers=as_client("dept-police")
    ).json()
    assert body == {"data": {"__schema": {"queryType": {"name": "Query"}}}}
    # Outside production a person may introspect.
    embedded = gateway()
    body = embedded.post(
        "/graphql", json={"query": INTROSPECTION}, headers=as_user("admin.district")
    ).json()
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


def test_production_makes_no_field_suggestions(gateway, as_user):
    query = {"query": "{ childrn(first: 1) { edges { node { id } } } }"}
    clerk = as_user("clerk.district")
    embedded = gateway().post("/graphql", json=query, headers=clerk).json()
    assert "Did you mean" in embedded["errors"][0]["message"]
    body = gateway(mode=Mode.PRODUCTION).post("/graphql", json=query, headers=clerk).json()
    assert codes(body) == ["VALIDATION_FAILED"]
    assert "Did you mean" not in body["errors"][0]["message"]
    assert "children" not in body["errors"][0]["message"]


def test_production_serves_no_graphiql_and_no_api_docs(gateway):
    html = {"Accept": "text/html"}
    assert gateway().get("/graphql", headers=html).status_code == 200
    assert "graphiql" in gateway().get("/graphql", headers=html).text.lower()
    production = gateway(mode=Mode.PRODUCTION)
    assert production.get("/graphql", headers=html).status_code == 404
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert production.get(path).status_code == 404
        assert gateway().get(path).status_code == 200
    assert api_docs(settings(mode=Mode.PRODUCTION)) == {
        "docs_url": None,
        "redoc_url": None,
        "openapi_url": None,
    }
    assert production.app.openapi()["info"]["title"] == "Shouhu gateway"  # type: ignore[attr-defined]


def test_services_serve_no_api_docs_in_production():
    from shouhu.notifications.app import Settings
    from shouhu.notifications.app import create_app as create_service

    service = create_service(
        Settings(
            database_url="sqlite:///:memory:",
            **settings(mode=Mode.PRODUCTION).model_dump(
                include={"mode", "data_key", "gateway_key"}
            ),
        )
    )
    client = TestClient(service)  # no lifespan: nothing migrates, nothing connects
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert client.get(path).status_code == 404
    assert service.openapi()["paths"]  # scripts/contracts.py still has its document


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    path = tmp_path / "trusted.json"
    source = tmp_path / "me.graphql"
    source.write_text(
        "# the police system's check\nquery Me {\n  me { username, divisionCode }\n}\n"
    )
    assert (
        trusted.main(["add", str(source), "--client", "dept-police", "--manifest", str(path)]) == 0
    )
    return path


def test_a_service_account_runs_only_its_registered_operations(
    gateway, as_client, as_user, manifest
):
    client = gateway(mode=Mode.PRODUCTION, trusted_documents_file=str(manifest))
    police = as_client("dept-police")
    # Registered for it: runs, whatever the layout.
    body = client.post("/graphql", json={"query": ME}, headers=police).json()
    assert body == {
        "data": {"me": {"username": "service-account-dept-police", "divisionCode": "110109"}}
    }
    # Not registered: refused, and nothing runs.
    body = client.post("/graphql", json={"query": "{ me { username } }"}, headers=police).json()
    assert codes(body) == ["FORBIDDEN"] and body["data"] is None
    assert "登记" in body["errors"][0]["message"]
    # Registered for another department only: refused.
    body = client.post("/graphql", json={"query": ME}, headers=as_client("dept-health")).json()
    assert codes(body) == ["FORBIDDEN"]
    # People are not held to the registered documents.
    body = client.post(
        "/graphql", json={"query": "{ me { username } }"}, headers=as_user("clerk.district")
    ).json()
    assert body == {"data": {"me": {"username": "clerk.district"}}}
    # Outside production a service account runs anything.
    embedded = gateway(trusted_documents_file=str(manifest))
    body = embedded.post("/graphql", json={"query": "{ me { username } }"}, headers=police).json()
    assert body == {"data": {"me": {"username": "service-account-dept-police"}}}


def test_a_registered_operation_may_be_sent_by_its_hash_alone(gateway, as_client, manifest):
    client = gateway(mode=Mode.PRODUCTION, trusted_documents_file=str(manifest))
    police = as_client("dept-police")
    digest = trusted.document_hash(ME)
    expected = {
        "data": {"me": {"username": "service-account-dept-police", "divisionCode": "110109"}}
    }
    body = client.post(
        "/graphql",
        json={"extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}}},
        headers=police,
    ).json()
    assert body == expected
    body = client.post("/graphql", json={"documentId": f"sha256:{digest}"}, headers=police).json()
    assert body == expected
    body = client.post("/graphql", json={"documentId": "sha256:" + "0" * 64}, headers=police).json()
    assert codes(body) == ["FORBIDDEN"]


def test_registering_refuses_a_document_the_schema_does_not_have(tmp_path, capsys):
    source = tmp_path / "bad.graphql"
    source.write_text("query Bad { nosuchfield }")
    path = tmp_path / "trusted.json"
    assert (
        trusted.main(["add", str(source), "--client", "dept-police", "--manifest", str(path)]) == 1
    )
    assert not path.exists()
    assert "nosuchfield" in capsys.readouterr().err


def test_the_committed_manifest_holds_the_civil_affairs_system_operations():
    documents = trusted.TrustedDocuments.load()
    names = {
        name
        for document in documents.documents.values()
        if "dept-civil-affairs" in document.clients
        for name in document.operation_names
    }
    assert {"Benefits", "Lines"} <= names
    schema = build_schema()._schema
    for document in documents.documents.values():
        assert validate(schema, parse(document.document)) == []

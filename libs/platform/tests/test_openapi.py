"""The OpenAPI document tells the truth: the bearer scheme, every refusal, the one error body."""

from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Response
from pydantic import Field

from shouhu.platform import openapi
from shouhu.platform.app import health_router
from shouhu.platform.auth import PrincipalDep, TokenVerifier
from shouhu.platform.errors import ErrorCode
from shouhu.platform.schemas import Input, Said


class Rename(Input):
    name: str = Field(max_length=50)


def _document() -> dict[str, Any]:
    router = APIRouter()

    @router.get("/things")
    def things(
        _principal: PrincipalDep,
        first: Annotated[int, Query(ge=1, le=100), Said("每页条数应在1到100之间")] = 20,
    ) -> list[str]:
        return []

    @router.patch("/things/{thing_id}")
    def rename(thing_id: str, data: Rename, _principal: PrincipalDep) -> str:
        return data.name

    @router.get(
        "/things.csv", response_class=Response, responses=openapi.download("text/csv", "Things")
    )
    def export() -> Response:
        return Response(b"", media_type="text/csv")

    app = FastAPI()
    verifier = TokenVerifier(jwks_url="", issuer="", audience="", fetch=lambda: {"keys": []})
    app.include_router(health_router(engine=None, transport=None, verifier=verifier))
    app.include_router(router)
    openapi.install(app)
    return app.openapi()


def test_operations_that_take_a_token_declare_the_bearer_scheme_and_health_does_not():
    document = _document()
    assert document["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "An access token of the realm (Keycloak, or the embedded provider)",
    }
    paths = document["paths"]
    assert paths["/things"]["get"]["security"] == [{"bearerAuth": []}]
    assert paths["/things/{thing_id}"]["patch"]["security"] == [{"bearerAuth": []}]
    for public in ("/healthz", "/readyz", "/things.csv"):
        assert "security" not in paths[public]["get"]


def test_every_refusal_an_operation_can_answer_is_the_error_body():
    document = _document()
    paths = document["paths"]
    assert sorted(paths["/things"]["get"]["responses"]) == [
        "200",
        "401",
        "403",
        "404",
        "422",
        "500",
    ]
    patch = paths["/things/{thing_id}"]["patch"]["responses"]
    assert sorted(patch) == ["200", "400", "401", "403", "404", "409", "422", "500"]
    assert patch["409"] == {"$ref": "#/components/responses/Conflict"}
    assert sorted(paths["/healthz"]["get"]["responses"]) == ["200", "500"]
    assert sorted(paths["/readyz"]["get"]["responses"]) == ["200", "500", "503"]
    responses = document["components"]["responses"]
    for answer in responses.values():
        schema = answer["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/Error"}
    error = document["components"]["schemas"]["Error"]
    assert error["required"] == ["code", "message"]
    assert error["properties"]["code"]["enum"] == [code.value for code in ErrorCode]
    assert error["properties"]["fields"]["additionalProperties"] == {"type": "string"}
    # FastAPI's own validation error shape is answered by no service: it is not documented.
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_limits_are_schema_constraints_and_downloads_their_media_type():
    document = _document()
    (first,) = document["paths"]["/things"]["get"]["parameters"]
    assert (first["schema"]["minimum"], first["schema"]["maximum"]) == (1, 100)
    assert document["components"]["schemas"]["Rename"]["properties"]["name"]["maxLength"] == 50
    ok = document["paths"]["/things.csv"]["get"]["responses"]["200"]
    assert ok["content"] == {"text/csv": {"schema": {"type": "string", "format": "binary"}}}

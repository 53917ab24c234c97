"""The OpenAPI document as the service answers: its bearer scheme, every refusal, the error body.

FastAPI writes the operations, their parameters and models (with their `Field` limits) and the
bearer scheme (from `get_principal`'s security dependency). This adds what it cannot know: which
refusals each operation can answer, all in the one `Error` body, in place of FastAPI's own
validation error shape, which no service answers with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Response

from shouhu.platform.errors import ErrorCode

ERROR_REF = "#/components/schemas/Error"

ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "description": "Every refusal: its API code, a message in Chinese, the fields at fault.",
    "type": "object",
    "required": ["code", "message"],
    "properties": {
        "code": {"type": "string", "enum": [code.value for code in ErrorCode]},
        "message": {"type": "string"},
        "fields": {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "description": "Field path (camelCase, dotted) → what is wrong with it, in Chinese",
        },
        "existingId": {"type": "string", "description": "DUPLICATE: the record that exists"},
    },
    # A refusal may say more (a held registration's `reviewId`, a body cap's `limitBytes`).
    "additionalProperties": True,
}

# Each refusal once, under `components.responses`, by status: (name, description).
REFUSALS: dict[int, tuple[str, str]] = {
    400: ("Unreadable", "The body could not be read (VALIDATION_FAILED)"),
    401: ("Unauthenticated", "No valid bearer token (UNAUTHENTICATED)"),
    403: ("Forbidden", "The caller's role or division does not allow it (FORBIDDEN)"),
    404: ("NotFound", "Nothing there that the caller may see (NOT_FOUND)"),
    409: ("Conflict", "A stale version (CONFLICT) or a record that exists already (DUPLICATE)"),
    422: ("ValidationFailed", "Bad input, each field named (VALIDATION_FAILED)"),
    500: ("Internal", "Unexpected; nothing of it is told (INTERNAL)"),
}
_WRITES = frozenset({"post", "put", "patch", "delete"})
_FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")


def refusals(method: str, operation: dict[str, Any]) -> list[int]:
    """The refusals an operation can answer: by its token, its input and what it changes."""
    statuses = [500]
    has_body = "requestBody" in operation
    if operation.get("security"):
        statuses += [401, 403, 404]
        if method in _WRITES:
            statuses.append(409)
    if operation.get("parameters") or has_body:
        statuses.append(422)
    if has_body:
        statuses.append(400)
    return sorted(statuses)


def truthful(document: dict[str, Any]) -> dict[str, Any]:
    """The document FastAPI wrote, with every refusal in the `Error` body; changed in place."""
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name in _FASTAPI_VALIDATION:
        schemas.pop(name, None)
    schemas["Error"] = ERROR_SCHEMA
    used: set[int] = set()
    for operations in document.get("paths", {}).values():
        for method, operation in operations.items():
            answers = operation.setdefault("responses", {})
            answers.pop("422", None)  # FastAPI's own shape; ours below
            for status in refusals(method, operation):
                name = REFUSALS[status][0]
                answers.setdefault(str(status), {"$ref": f"#/components/responses/{name}"})
                used.add(status)
    responses = components.setdefault("responses", {})
    for status in sorted(used):
        name, description = REFUSALS[status]
        responses[name] = {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
        }
    return document


def install(app: FastAPI) -> None:
    """Make `app.openapi()` answer the truthful document (built once, then cached by FastAPI)."""
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = truthful(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def download(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    """A route's `responses` for a file: its real media type, its bytes."""
    content = {media_type: {"schema": {"type": "string", "format": "binary"}}}
    return {200: {"description": description, "content": content}}


def attachment(content: bytes, filename: str, media_type: str, title: str = "") -> Response:
    """A file to download under `filename` (ASCII), or under `title` (Chinese) where a browser
    reads RFC 6266's `filename*`, keeping `filename`'s extension."""
    disposition = f'attachment; filename="{filename}"'
    if title:
        extension = filename[filename.rfind(".") :] if "." in filename else ""
        disposition += f"; filename*=UTF-8''{quote(title + extension)}"
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})

"""Schemathesis over each service's committed OpenAPI document, against that service on the
embedded platform (SQLite, in-process, a demo user's token): no answer is a 5xx, none is
undocumented, each has its documented content type and shape.

Bounded: a fixed number of generated cases per operation (on top of Schemathesis's explicit
coverage cases), derandomized, so a run is the same run every time.
"""

from __future__ import annotations

import importlib
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)
from sqlmodel import Session, select

from shouhu.platform.auth import TokenVerifier
from shouhu.registry.models import Child

ROOT = Path(__file__).resolve().parents[1]
SERVICES = ("registry", "benefits", "notifications", "education", "volunteers")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
EXAMPLES_PER_OPERATION = 30


def _committed(name: str) -> Any:
    """A service's committed document, sent to the app in-process (`asgi.HOST`)."""
    document = schemathesis.openapi.from_path(ROOT / "services" / name / "openapi.json")
    document.config.update(base_url=f"http://{asgi.HOST}")
    # A query parameter an operation does not name is ignored, as HTTP APIs do; the document
    # does not forbid one, so sending one is no negative case.
    document.config.generation.update(allow_extra_parameters=False)
    return document


# Loaded at collection, one test per operation; `bound` gives each title its app.
DOCUMENTS = {name: _committed(name) for name in SERVICES}
APPS: dict[str, Any] = {}
# Path parameters that name something real, by service: half the cases use one, so that the
# generated bodies and queries reach the rules behind a found record, not only NOT_FOUND.
EXISTING: dict[str, dict[str, list[str]]] = {}
DIVISIONS = ["110109", "110109001", "110109001001"]


def _existing(name: str, app: Any) -> dict[str, list[str]]:
    """Migrate and seed now (the registry with its demo files) to know what exists."""
    with TestClient(app):
        pass
    if name != "registry":
        return {}
    with Session(app.state.engine) as session:
        children = sorted(session.exec(select(Child.id)).all())
    return {"child_id": children, "code": DIVISIONS, "division_code": DIVISIONS}


@pytest.fixture(scope="module", autouse=True)
def bound(tmp_path_factory: pytest.TempPathFactory, verifier: TokenVerifier) -> Iterator[None]:
    """Each committed document bound to its service on a fresh SQLite database (demo data)."""
    folder = tmp_path_factory.mktemp("fuzz")
    for name, document in DOCUMENTS.items():
        module = importlib.import_module(f"shouhu.{name}.app")
        settings_ = module.Settings(
            database_url=f"sqlite:///{folder / name}.db", run_worker=False, demo_data=True
        )
        app = module.create_app(settings_, verifier=verifier)
        title = document.raw_schema["info"]["title"]
        APPS[title], EXISTING[title] = app, _existing(name, app)
    yield
    APPS.clear()
    asgi.shutdown_lifespans()  # the apps' lifespans, started by Schemathesis on their first call


@schemathesis.pytest.parametrize(**DOCUMENTS)
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error_and_no_undocumented_answer(
    case: Any, as_user: Callable[[str], dict[str, str]]
) -> None:
    title = case.operation.schema.raw_schema["info"]["title"]
    parameters = case.path_parameters or {}
    pick = zlib.crc32(repr(sorted(parameters.items())).encode())
    for name, values in EXISTING[title].items():
        if name in parameters and pick % 2:
            parameters[name] = values[pick % len(values)]
    app = APPS[title]
    case.call_and_validate(app=app, headers=as_user("admin.district"), checks=CHECKS)


@pytest.mark.parametrize("name", SERVICES)
def test_every_operation_that_declares_the_token_refuses_a_call_without_one(name: str) -> None:
    document = DOCUMENTS[name].raw_schema
    with TestClient(APPS[document["info"]["title"]]) as client:
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                url = path.replace("{", "").replace("}", "")  # any value: the token comes first
                answer = client.request(method, url)
                secured = operation.get("security") == [{"bearerAuth": []}]
                assert (answer.status_code == 401) is secured, (method, path, answer.status_code)
                if secured:
                    assert answer.json()["code"] == "UNAUTHENTICATED"

"""The one way a service app is put together: database, worker, auth, errors, health, tracing."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from shouhu.platform import openapi, telemetry
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.errors import Internal, ShouhuError, ValidationFailed
from shouhu.platform.http import refusal
from shouhu.platform.schemas import SAID_ERRORS
from shouhu.platform.settings import Mode, ServiceSettings, TransportKind, topic_of

if TYPE_CHECKING:
    # Imported where a service is built: the gateway, which has no database and no events,
    # loads neither SQLAlchemy, Alembic nor Kafka's client (30 MB of its memory).
    from sqlalchemy import Engine

    from shouhu.platform.transport import Transport
    from shouhu.platform.worker import Periodic, Subscription, Worker

log = logging.getLogger(__name__)

# Pydantic's error types, said in Chinese for the people at the window; `{name}` is filled from
# the error's context (the bound the input passed).
_MESSAGES = {
    "missing": "必填",
    "string_too_short": "不能为空",
    "string_too_long": "过长",
    "string_pattern_mismatch": "格式不正确",
    "string_type": "应为文本",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "date_from_datetime_inexact": "日期格式应为 YYYY-MM-DD",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "enum": "取值不在允许范围内",
    "literal_error": "取值不在允许范围内",
    "greater_than_equal": "不能小于{ge}",
    "less_than_equal": "不能大于{le}",
    "greater_than": "应大于{gt}",
    "less_than": "应小于{lt}",
    "too_long": "最多{max_length}项",
    "too_short": "至少{min_length}项",
    "list_type": "应为数组",
    "model_type": "应为 JSON 对象",
    "model_attributes_type": "应为 JSON 对象",
    "dict_type": "应为 JSON 对象",
    "json_invalid": "请求体不是有效的 JSON",
}


def api_docs(settings: ServiceSettings) -> dict[str, Any]:
    """`/docs`, `/redoc` and `/openapi.json`, served outside production only.

    `app.openapi()` still builds the document (scripts/contracts.py writes it from there).
    """
    if settings.mode is Mode.PRODUCTION:
        return {"docs_url": None, "redoc_url": None, "openapi_url": None}
    return {}


def make_transport(settings: ServiceSettings) -> Transport:
    """The transport the settings name."""
    from shouhu.platform.transport import InProcessTransport, KafkaTransport

    if settings.transport is TransportKind.KAFKA:
        return KafkaTransport(settings.kafka_bootstrap, partitions=settings.kafka_partitions)
    return InProcessTransport()


@dataclass
class ServiceSpec:
    """What makes one service: its routers, migrations, the events it consumes, its seed."""

    name: str
    settings: ServiceSettings
    migrations_dir: Path
    routers: list[APIRouter]
    subscriptions: list[Subscription] = field(default_factory=list)
    periodic: list[Periodic] = field(default_factory=list)
    seed: Callable[[Engine], None] | None = None
    transport: Transport | None = None
    verifier: TokenVerifier | None = None
    # Work that lives as long as the app, entered once the database is migrated, left in reverse
    # before the worker stops (the notifications' live hub).
    lifespans: list[Callable[[FastAPI], AbstractAsyncContextManager[None]]] = field(
        default_factory=list
    )


def json_answer(model: BaseModel, status_code: int = 200) -> Response:
    """An answer serialised once, by pydantic-core, as the API's camelCase JSON.

    For the large answers read most (pages of files) and the hot writes: FastAPI would validate
    the model against the route's response model again (in a worker thread, for a sync route),
    turn it into Python objects and encode those. The route keeps its `response_model` (and
    its `status_code`) for the OpenAPI contract.
    """
    return Response(
        model.model_dump_json(by_alias=True), status_code=status_code, media_type="application/json"
    )


def settle_memory() -> None:
    """Once started: what is loaded stays, so the collector stops walking it on every request.

    Modules, schemas and mappers are millions of objects that live as long as the process; frozen,
    a full collection skips them, and the long pauses they caused in the slowest requests go.
    """
    gc.collect()
    gc.freeze()


def prepare(spec: ServiceSpec, engine: Engine) -> None:
    """Migrate a service's database to head and seed it: at start, or in the chart's hook Job."""
    from shouhu.platform.db import migrate

    migrate(spec.settings.database_url, spec.migrations_dir)
    if spec.seed is not None:
        spec.seed(engine)


def make_worker(spec: ServiceSpec, engine: Engine, transport: Transport) -> Worker:
    """The relay, the consumers and the timers of a service."""
    from shouhu.platform.worker import Retention, Worker

    settings = spec.settings
    return Worker(
        name=spec.name,
        engine=engine,
        transport=transport,
        own_topic=topic_of(spec.name),
        subscriptions=spec.subscriptions,
        periodic=spec.periodic,
        interval=settings.relay_interval_seconds,
        linger=settings.relay_linger_seconds,
        retention=Retention(settings.outbox_retention_days, settings.inbox_retention_days),
        redrive_seconds=settings.redrive_seconds,
    )


def create_service_app(spec: ServiceSpec) -> FastAPI:
    """A FastAPI app whose lifespan migrates, seeds and runs the worker (each as settings say)."""
    from shouhu.platform.db import make_engine

    settings = spec.settings
    telemetry.configure_tracing(settings)
    engine = make_engine(settings.database_url, settings.pool)
    transport = spec.transport or make_transport(settings)
    verifier = spec.verifier or TokenVerifier(
        jwks_url=settings.jwks_url, issuer=settings.oidc_issuer, audience=settings.oidc_audience
    )
    worker = make_worker(spec, engine, transport)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            await asyncio.to_thread(prepare, spec, engine)
        if settings.run_worker:
            await asyncio.to_thread(worker.start)
        try:
            async with AsyncExitStack() as stack:
                for extra in spec.lifespans:
                    await stack.enter_async_context(extra(app))
                settle_memory()
                yield
        finally:
            await asyncio.to_thread(worker.stop)
            telemetry.flush()
            engine.dispose()

    app = FastAPI(
        title=f"Shouhu {spec.name}", version="0.1.0", lifespan=lifespan, **api_docs(settings)
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.transport = transport
    app.state.verifier = verifier
    # What `python -m shouhu.platform.run` takes to migrate only, or to run the worker alone.
    app.state.spec = spec
    app.state.worker = worker
    install_error_handlers(app)
    app.include_router(health_router(engine=engine, transport=transport, verifier=verifier))
    for router in spec.routers:
        app.include_router(router)
    openapi.install(app)
    telemetry.instrument_app(app, settings)
    return app


class Readiness(BaseModel):
    """`/readyz`: ready or not, and each check's outcome."""

    status: str
    checks: dict[str, str]


def health_router(
    *,
    engine: Engine | None,
    transport: Transport | None,
    verifier: TokenVerifier | None,
    extra_checks: dict[str, Callable[[], None]] | None = None,
) -> APIRouter:
    """`/healthz` (alive) and `/readyz` (database, transport and issuer reachable)."""
    router = APIRouter(tags=["health"])

    @router.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get(
        "/readyz",
        response_model=Readiness,
        responses={503: {"model": Readiness, "description": "A dependency is unavailable"}},
    )
    def readyz() -> JSONResponse:
        # A worker verifies no tokens: it has no issuer to reach.
        checks: dict[str, Callable[[], None]] = {"issuer": verifier.ping} if verifier else {}
        if engine is not None:
            from shouhu.platform.db import ping

            checks["database"] = lambda: ping(engine)
        if transport is not None:
            checks["transport"] = transport.ping
        checks.update(extra_checks or {})
        results: dict[str, str] = {}
        for name, check in checks.items():
            try:
                check()
                results[name] = "ok"
            except Exception as exc:
                log.warning("readiness check %s failed: %s", name, exc)
                results[name] = "unavailable"
        ready = all(v == "ok" for v in results.values())
        return JSONResponse(
            {"status": "ready" if ready else "unavailable", "checks": results},
            status_code=200 if ready else 503,
        )

    return router


def field_errors(errors: list[Any]) -> dict[str, str]:
    """Pydantic errors as field path → message in Chinese; the body itself is `body`."""
    fields: dict[str, str] = {}
    for error in errors:
        kind = error.get("type", "")
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path")]
        if kind == "json_invalid":
            loc = []  # its location is a character position, no field
        if kind in SAID_ERRORS:  # already in Chinese
            message = str(error.get("msg", ""))
        else:
            template = _MESSAGES.get(kind, "格式不正确")
            try:
                message = template.format(**error.get("ctx", {}))
            except (KeyError, IndexError):  # a bound not in the error's context
                message = "格式不正确"
        fields[".".join(loc) or "body"] = message
    return fields


def install_error_handlers(app: FastAPI) -> None:
    """Every error answers `{code, message, fields?, existingId?}` with its HTTP status."""

    @app.exception_handler(ShouhuError)
    async def shouhu_error(_request: Request, exc: ShouhuError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=exc.http_status)

    @app.exception_handler(StarletteHTTPException)
    async def framework_refusal(_request: Request, exc: StarletteHTTPException) -> Response:
        # The framework's own refusals (a path or method it does not serve, a body it cannot
        # read) in the same envelope, with the code their status stands for.
        error = refusal(exc.status_code, None)
        return JSONResponse(error.to_dict(), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        error = ValidationFailed(fields=field_errors(list(exc.errors())))
        return JSONResponse(error.to_dict(), status_code=error.http_status)

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        error = Internal()
        return JSONResponse(error.to_dict(), status_code=error.http_status)

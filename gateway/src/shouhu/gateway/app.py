"""The gateway app: GraphQL at `/graphql`, the console at `/console/`, health; nothing stored."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from shouhu.gateway import console
from shouhu.gateway.context import Services, authenticate_connection, build_context
from shouhu.gateway.ledger import routes as ledger
from shouhu.gateway.limits import wiring as limits
from shouhu.gateway.reference import Reference
from shouhu.gateway.schema import build_schema
from shouhu.gateway.settings import GatewaySettings
from shouhu.gateway.volunteers import routes as volunteer_routes
from shouhu.platform import telemetry
from shouhu.platform.app import api_docs, health_router, install_error_handlers, settle_memory
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.http import ServiceClient, new_session, new_stream_session


def _service_check(client: httpx.Client, url: str) -> Callable[[], None]:
    def check() -> None:
        client.get(f"{url}/healthz").raise_for_status()

    return check


def create_app(
    settings: GatewaySettings | None = None, *, verifier: TokenVerifier | None = None
) -> FastAPI:
    settings = settings or GatewaySettings()
    telemetry.configure_tracing(settings)
    verifier = verifier or TokenVerifier(
        jwks_url=settings.jwks_url, issuer=settings.oidc_issuer, audience=settings.oidc_audience
    )
    # One client for `/readyz`'s calls, as long-lived as the app (a lifespan may run again): a
    # new one per probe builds its TLS context each time, some 40 ms of CPU a service a probe.
    probes = httpx.Client(timeout=2.0)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        session = new_session(
            timeout_seconds=settings.service_timeout_seconds,
            limit_per_service=settings.service_connections,
        )
        streams = new_stream_session(read_timeout_seconds=settings.stream_read_timeout_seconds)
        urls = settings.service_urls()
        app.state.services = Services(
            **{n: ServiceClient(u, session) for n, u in urls.items()},
            notification_stream=ServiceClient(urls["notifications"], streams),
        )
        settle_memory()
        try:
            yield
        finally:
            await streams.close()
            await session.close()
            telemetry.flush()

    app = FastAPI(title="Shouhu gateway", version="0.1.0", lifespan=lifespan, **api_docs(settings))
    app.state.settings = settings
    app.state.verifier = verifier
    app.state.reference = Reference.new(settings.reference_ttl_seconds)
    install_error_handlers(app)
    checks = {f"service:{n}": _service_check(probes, u) for n, u in settings.service_urls().items()}
    app.include_router(
        health_router(engine=None, transport=None, verifier=verifier, extra_checks=checks)
    )
    app.include_router(ledger.router)
    app.include_router(volunteer_routes.router)
    app.include_router(console.router(settings))
    app.include_router(
        limits.graphql_router(
            build_schema(settings.max_query_depth, limits.schema_extensions(settings)),
            settings,
            context_getter=build_context,
            authenticate_connection=authenticate_connection,
            multipart_uploads_enabled=True,
        ),
        prefix="/graphql",
    )
    limits.install(app, settings, verifier)
    telemetry.instrument_app(app, settings)
    return app

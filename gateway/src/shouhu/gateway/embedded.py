"""Embedded mode: every service and the gateway in one process, SQLite and in-process events."""

from __future__ import annotations

import importlib
import os
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from shouhu.gateway.app import create_app as create_gateway
from shouhu.gateway.settings import GatewaySettings
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.idp import DEMO_PASSWORD, DEMO_USERS, EmbeddedIdentityProvider
from shouhu.platform.settings import ExporterKind, Mode, ServiceSettings, TransportKind
from shouhu.platform.transport import InProcessTransport

SERVICES = ("registry", "benefits", "education", "volunteers", "notifications")


def create_embedded_app(
    data_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    exporter: ExporterKind = ExporterKind.NONE,
    telemetry_file: str = "",
    token_lifetime_seconds: int | None = None,
) -> FastAPI:
    """One app: the identity provider, the services under `/services/<name>`, the gateway."""
    base = f"http://{host}:{port}"
    common: dict[str, Any] = {
        "mode": Mode.EMBEDDED,
        "transport": TransportKind.INPROCESS,
        "oidc_issuer": f"{base}/realms/shouhu",
        "telemetry_exporter": exporter,
        "telemetry_file": telemetry_file,
        "relay_interval_seconds": 0.05,
        "service_name": "shouhu-embedded",
        "demo_data": True,
    }
    idp = EmbeddedIdentityProvider(ServiceSettings(**common))
    if token_lifetime_seconds:
        idp.lifetime_seconds = token_lifetime_seconds
    transport = InProcessTransport()
    verifier = TokenVerifier(
        jwks_url=f"{base}/realms/shouhu/protocol/openid-connect/certs",
        issuer=idp.issuer,
        audience=idp.audience,
    )
    services: dict[str, FastAPI] = {}
    for name in SERVICES:
        module = importlib.import_module(f"shouhu.{name}.app")
        settings = module.Settings(**common, database_url=f"sqlite:///{data_dir / name}.db")
        # Volunteers' accounts are made in the embedded provider, which signs them in.
        extra: dict[str, Any] = {}
        if name == "volunteers":
            from shouhu.volunteers.accounts.directory import EmbeddedAccounts

            extra["accounts"] = EmbeddedAccounts(idp.local_users)
        services[name] = module.create_app(
            settings, transport=transport, verifier=verifier, **extra
        )
    urls: dict[str, Any] = {f"{name}_url": f"{base}/services/{name}" for name in SERVICES}
    gateway = create_gateway(GatewaySettings(**common, **urls), verifier=verifier)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Mounted apps' lifespans do not run by themselves.
        async with AsyncExitStack() as stack:
            for sub in [*services.values(), gateway]:
                await stack.enter_async_context(sub.router.lifespan_context(sub))
            yield

    app = FastAPI(title="Shouhu (embedded)", lifespan=lifespan)
    app.state.idp = idp
    app.include_router(idp.router())
    for name, sub in services.items():
        app.mount(f"/services/{name}", sub)
    app.mount("/", gateway)
    return app


def banner(base: str) -> str:
    """What `make run` prints on start."""
    lines = [
        "Shouhu (守护) — embedded mode",
        f"  Console:        {base}/console/",
        f"  GraphQL:        {base}/graphql",
        f"  Token endpoint: {base}/realms/shouhu/protocol/openid-connect/token",
        f"  Services:       {base}/services/<name>/healthz  ({', '.join(SERVICES)})",
        f"  Demo users (password {DEMO_PASSWORD}; the console's login page, or the token endpoint "
        "with client shouhu-console):",
        *(f"    {u.username:<28} {u.role.value:<20} {u.division_code}" for u in DEMO_USERS),
    ]
    return "\n".join(lines)


def main() -> None:
    host = os.environ.get("SHOUHU_HOST", "127.0.0.1")
    port = int(os.environ.get("SHOUHU_PORT", "8000"))
    data_dir = Path(os.environ.get("SHOUHU_DATA_DIR", "data")).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    env = ServiceSettings()
    # Access tokens last 900 s, as the realm's; shorter only to see renewals happen (tests).
    lifetime = int(os.environ.get("SHOUHU_IDP_TOKEN_LIFETIME_SECONDS", "0")) or None
    app = create_embedded_app(
        data_dir,
        host=host,
        port=port,
        exporter=env.telemetry_exporter,
        telemetry_file=env.telemetry_file,
        token_lifetime_seconds=lifetime,
    )
    print(banner(f"http://{host}:{port}"), flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


if __name__ == "__main__":
    main()

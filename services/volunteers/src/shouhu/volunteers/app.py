"""The volunteers app (its domain modules arrive with their issues)."""

from pathlib import Path

from fastapi import FastAPI

from shouhu.platform.app import ServiceSpec, create_service_app
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.transport import Transport
from shouhu.volunteers.settings import VolunteersSettings

Settings = VolunteersSettings

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"


def create_app(
    settings: VolunteersSettings | None = None,
    *,
    transport: Transport | None = None,
    verifier: TokenVerifier | None = None,
) -> FastAPI:
    return create_service_app(
        ServiceSpec(
            name="volunteers",
            settings=settings or VolunteersSettings(),
            migrations_dir=MIGRATIONS,
            routers=[],
            transport=transport,
            verifier=verifier,
        )
    )

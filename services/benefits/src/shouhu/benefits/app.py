"""The benefits app (its domain modules arrive with their issues)."""

from pathlib import Path

from fastapi import FastAPI

from shouhu.benefits.settings import BenefitsSettings
from shouhu.platform.app import ServiceSpec, create_service_app
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.transport import Transport

Settings = BenefitsSettings

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"


def create_app(
    settings: BenefitsSettings | None = None,
    *,
    transport: Transport | None = None,
    verifier: TokenVerifier | None = None,
) -> FastAPI:
    return create_service_app(
        ServiceSpec(
            name="benefits",
            settings=settings or BenefitsSettings(),
            migrations_dir=MIGRATIONS,
            routers=[],
            transport=transport,
            verifier=verifier,
        )
    )

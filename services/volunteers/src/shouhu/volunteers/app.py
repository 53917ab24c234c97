"""The volunteers app: organisations, volunteers and their vetting, activities and hours;
caring families, donations, needs and offers."""

from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.platform.app import ServiceSpec, create_service_app
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.identity import KeyRing
from shouhu.platform.transport import Transport
from shouhu.volunteers.activities.endpoints import router as activities_router
from shouhu.volunteers.donations.endpoints import router as donations_router
from shouhu.volunteers.families.endpoints import router as families_router
from shouhu.volunteers.hours import rules as hours_rules
from shouhu.volunteers.hours.endpoints import router as hours_router
from shouhu.volunteers.needs.endpoints import router as needs_router
from shouhu.volunteers.organisations import service as organisations
from shouhu.volunteers.organisations.endpoints import router as organisations_router
from shouhu.volunteers.own.endpoints import router as own_router
from shouhu.volunteers.settings import VolunteersSettings
from shouhu.volunteers.vetting import rules as vetting_rules
from shouhu.volunteers.vetting.endpoints import router as vetting_router
from shouhu.volunteers.volunteers.endpoints import router as volunteers_router

Settings = VolunteersSettings

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"


def create_app(
    settings: VolunteersSettings | None = None,
    *,
    transport: Transport | None = None,
    verifier: TokenVerifier | None = None,
) -> FastAPI:
    settings = settings or VolunteersSettings()
    keys = KeyRing.from_secrets(settings.data_key, settings.previous_data_keys)
    vetting_rules.load()  # a broken vetting file stops the service here
    hours_rules.load()  # and so does a broken file of star thresholds
    organisations.seeds()  # and so does a broken file of seeded organisations
    demo = settings.demo_data

    def seed(engine: Engine) -> None:
        """The district's federations (and the demo organisations where asked), on start."""
        with Session(engine) as session:
            organisations.seed(session, demo=demo)
            session.commit()

    app = create_service_app(
        ServiceSpec(
            name="volunteers",
            settings=settings,
            migrations_dir=MIGRATIONS,
            routers=[
                organisations_router,
                volunteers_router,
                vetting_router,
                families_router,
                donations_router,
                needs_router,
                activities_router,
                hours_router,
                own_router,
            ],
            seed=seed,
            transport=transport,
            verifier=verifier,
        )
    )
    app.state.identity_keys = keys
    return app

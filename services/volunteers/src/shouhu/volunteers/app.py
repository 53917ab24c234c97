"""The volunteers app: organisations, volunteers and their vetting, the children's projection and
one-to-one pairing."""

from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.platform.app import ServiceSpec, create_service_app
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.identity import KeyRing
from shouhu.platform.settings import topic_of
from shouhu.platform.transport import Transport
from shouhu.platform.worker import Periodic, Subscription, combined
from shouhu.volunteers.children import handlers as children_handlers
from shouhu.volunteers.organisations import service as organisations
from shouhu.volunteers.organisations.endpoints import router as organisations_router
from shouhu.volunteers.pairing import handlers as pairing_handlers
from shouhu.volunteers.pairing import jobs as pairing_jobs
from shouhu.volunteers.pairing import rules as pairing_rules
from shouhu.volunteers.pairing.endpoints import router as pairing_router
from shouhu.volunteers.settings import VolunteersSettings
from shouhu.volunteers.vetting import rules as vetting_rules
from shouhu.volunteers.vetting.endpoints import router as vetting_router
from shouhu.volunteers.volunteers.endpoints import router as volunteers_router

Settings = VolunteersSettings

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"
# What the consumer applies of the registry: its children into the projection, and the single
# window's tasks (what a child needs; the VOLUNTEER_PAIRING task pairing answers).
REGISTRY_HANDLERS = combined(children_handlers.HANDLERS, pairing_handlers.HANDLERS)


def create_app(
    settings: VolunteersSettings | None = None,
    *,
    transport: Transport | None = None,
    verifier: TokenVerifier | None = None,
) -> FastAPI:
    settings = settings or VolunteersSettings()
    keys = KeyRing.from_secrets(settings.data_key, settings.previous_data_keys)
    vetting_rules.load()  # a broken vetting file stops the service here
    organisations.seeds()  # and so does a broken file of seeded organisations
    pairing_rules.load()  # and a broken pairing file
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
            routers=[organisations_router, volunteers_router, vetting_router, pairing_router],
            subscriptions=[Subscription(topics=[topic_of("registry")], handlers=REGISTRY_HANDLERS)],
            periodic=[
                Periodic("vetting-expiry", settings.vetting_every_seconds, pairing_jobs.Daily())
            ],
            seed=seed,
            transport=transport,
            verifier=verifier,
        )
    )
    app.state.identity_keys = keys
    return app

"""The volunteers app: organisations, volunteers and their vetting and accounts, the children's
projection and one-to-one pairing, activities and hours; caring families, donations, needs and
offers."""

import logging
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.platform.app import ServiceSpec, create_service_app
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.identity import KeyRing
from shouhu.platform.settings import Mode, topic_of
from shouhu.platform.transport import Transport
from shouhu.platform.worker import Periodic, Subscription, combined
from shouhu.volunteers.accounts import service as accounts_service
from shouhu.volunteers.accounts.directory import Accounts, make_accounts
from shouhu.volunteers.accounts.endpoints import router as accounts_router
from shouhu.volunteers.activities.endpoints import router as activities_router
from shouhu.volunteers.children import handlers as children_handlers
from shouhu.volunteers.donations.endpoints import router as donations_router
from shouhu.volunteers.families.endpoints import router as families_router
from shouhu.volunteers.hours import rules as hours_rules
from shouhu.volunteers.hours.endpoints import router as hours_router
from shouhu.volunteers.needs import rules as needs_rules
from shouhu.volunteers.needs.endpoints import router as needs_router
from shouhu.volunteers.organisations import service as organisations
from shouhu.volunteers.organisations.endpoints import router as organisations_router
from shouhu.volunteers.own.endpoints import router as own_router
from shouhu.volunteers.pairing import handlers as pairing_handlers
from shouhu.volunteers.pairing import jobs as pairing_jobs
from shouhu.volunteers.pairing import rules as pairing_rules
from shouhu.volunteers.pairing.endpoints import router as pairing_router
from shouhu.volunteers.roster.endpoints import router as roster_router
from shouhu.volunteers.settings import AccountsKind, VolunteersSettings
from shouhu.volunteers.vetting import rules as vetting_rules
from shouhu.volunteers.vetting.endpoints import router as vetting_router
from shouhu.volunteers.volunteers.endpoints import router as volunteers_router

Settings = VolunteersSettings

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"
log = logging.getLogger(__name__)

# What the consumer applies of the registry: its children into the projection, and the single
# window's tasks (what a child needs; the VOLUNTEER_PAIRING task pairing answers).
REGISTRY_HANDLERS = combined(children_handlers.HANDLERS, pairing_handlers.HANDLERS)


def create_app(
    settings: VolunteersSettings | None = None,
    *,
    transport: Transport | None = None,
    verifier: TokenVerifier | None = None,
    accounts: Accounts | None = None,
) -> FastAPI:
    settings = settings or VolunteersSettings()
    keys = KeyRing.from_secrets(settings.data_key, settings.previous_data_keys)
    vetting_rules.load()  # a broken vetting file stops the service here
    hours_rules.load()  # and so does a broken file of star thresholds
    organisations.seeds()  # and so does a broken file of seeded organisations
    pairing_rules.load()  # and a broken pairing file
    needs_rules.load()  # and a broken needs file
    demo = settings.demo_data
    # Embedded mode passes the embedded identity provider's users; otherwise the settings say.
    directory = accounts or make_accounts(settings)
    periodic: list[Periodic] = []
    if settings.mode is Mode.EMBEDDED or settings.accounts is AccountsKind.KEYCLOAK:

        def make_accounts_job(engine: Engine) -> int:
            return accounts_service.sync_all(engine, keys, directory, settings.accounts_batch)

        periodic.append(Periodic("accounts", settings.accounts_interval_seconds, make_accounts_job))
    else:
        # An in-memory provider outside embedded mode would hand out accounts no one can use:
        # they wait (registered, PENDING) until SHOUHU_ACCOUNTS=keycloak is set.
        log.warning("volunteers' accounts are not made: set SHOUHU_ACCOUNTS=keycloak")

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
                accounts_router,
                roster_router,
                pairing_router,
            ],
            subscriptions=[Subscription(topics=[topic_of("registry")], handlers=REGISTRY_HANDLERS)],
            periodic=[
                *periodic,
                Periodic("vetting-expiry", settings.vetting_every_seconds, pairing_jobs.Daily()),
            ],
            seed=seed,
            transport=transport,
            verifier=verifier,
        )
    )
    app.state.identity_keys = keys
    app.state.accounts = directory
    return app

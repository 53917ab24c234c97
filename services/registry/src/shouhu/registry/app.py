"""The registry's app."""

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
from shouhu.registry import jobs
from shouhu.registry.access.endpoints import router as access_router
from shouhu.registry.cases import deadlines, petitions
from shouhu.registry.cases import handlers as case_handlers
from shouhu.registry.cases.endpoints import router as cases_router
from shouhu.registry.children.endpoints import router as children_router
from shouhu.registry.classifications.endpoints import router as classifications_router
from shouhu.registry.demo import seed_demo_children
from shouhu.registry.divisions import repository as divisions
from shouhu.registry.divisions.endpoints import router as divisions_router
from shouhu.registry.intakes import handlers as intake_handlers
from shouhu.registry.intakes import routing
from shouhu.registry.intakes.endpoints import router as intakes_router
from shouhu.registry.ledger.endpoints import router as ledger_router
from shouhu.registry.plans import handlers as plan_handlers
from shouhu.registry.plans.endpoints import router as plans_router
from shouhu.registry.settings import RegistrySettings
from shouhu.registry.statistics.endpoints import router as statistics_router
from shouhu.registry.visits import digest
from shouhu.registry.visits.endpoints import router as visits_router
from shouhu.registry.workforce import service as workforce
from shouhu.registry.workforce.endpoints import router as workforce_router

Settings = RegistrySettings

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"


def seed(engine: Engine) -> None:
    """The district's divisions and the demo holders of their posts, on first start."""
    with Session(engine) as session:
        divisions.seed(session)
        session.flush()
        workforce.seed(session)
        session.commit()


def create_app(
    settings: RegistrySettings | None = None,
    *,
    transport: Transport | None = None,
    verifier: TokenVerifier | None = None,
) -> FastAPI:
    settings = settings or RegistrySettings()
    keys = KeyRing.from_secrets(settings.data_key, settings.previous_data_keys)
    routing.use(settings.intake_routing_file)  # a bad routing file stops the start
    deadlines.use(settings.case_deadlines_file)  # so does a bad file of case clocks

    def seed_all(engine: Engine) -> None:
        seed(engine)
        if settings.demo_data:
            seed_demo_children(engine, keys)

    app = create_service_app(
        ServiceSpec(
            name="registry",
            settings=settings,
            migrations_dir=MIGRATIONS,
            routers=[
                divisions_router,
                workforce_router,
                children_router,
                classifications_router,
                visits_router,
                plans_router,
                intakes_router,
                cases_router,
                ledger_router,
                statistics_router,
                access_router,
            ],
            seed=seed_all,
            subscriptions=[
                Subscription(
                    topics=[topic_of("benefits")],
                    handlers={**plan_handlers.HANDLERS, **intake_handlers.TASK_HANDLERS},
                ),
                # Education and volunteers finish their departments' tasks; notifications
                # tells when a task's deadline, or a case's notification, went up the ladder.
                Subscription(
                    topics=[topic_of("education"), topic_of("volunteers")],
                    handlers=combined(
                        intake_handlers.TASK_HANDLERS,
                        plan_handlers.EDUCATION_HANDLERS,
                        plan_handlers.VOLUNTEERS_HANDLERS,
                    ),
                ),
                Subscription(
                    topics=[topic_of("notifications")],
                    handlers=combined(
                        intake_handlers.NOTIFICATION_HANDLERS, case_handlers.NOTIFICATION_HANDLERS
                    ),
                ),
            ],
            periodic=[
                Periodic("exit-adults", settings.exit_job_every_seconds, jobs.exit_adults),
                Periodic("seal-access-log", settings.seal_every_seconds, jobs.seal_access_log),
                Periodic(
                    "petitions-due", settings.petition_job_every_seconds, petitions.prompt_due
                ),
                Periodic(
                    "overdue-digest",
                    settings.digest_every_seconds,
                    digest.send_weekly,
                    first_after_seconds=settings.digest_every_seconds,
                ),
            ],
            transport=transport,
            verifier=verifier,
        )
    )
    app.state.identity_keys = keys
    return app

"""The education app: the children's projection, schools, enrolments, the dropout watch, aid by
stage, inclusive schooling and home teaching, non-Beijing children's documents, the
statistics."""

from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.education.aid import handlers as aid_handlers
from shouhu.education.aid import jobs as aid_jobs
from shouhu.education.aid import rules as aid_rules
from shouhu.education.aid.endpoints import router as aid_router
from shouhu.education.children import handlers
from shouhu.education.dropout import jobs as dropout_jobs
from shouhu.education.dropout import rules as dropout_rules
from shouhu.education.dropout.endpoints import router as dropout_router
from shouhu.education.enrolments import stages
from shouhu.education.enrolments.endpoints import router as enrolments_router
from shouhu.education.inclusive import jobs as inclusive_jobs
from shouhu.education.inclusive import rules as inclusive_rules
from shouhu.education.inclusive.endpoints import router as inclusive_router
from shouhu.education.ledger.endpoints import router as ledger_router
from shouhu.education.residency import rules as residency_rules
from shouhu.education.residency.endpoints import router as residency_router
from shouhu.education.rosters.endpoints import router as rosters_router
from shouhu.education.schools import service as schools
from shouhu.education.schools.endpoints import router as schools_router
from shouhu.education.settings import EducationSettings
from shouhu.education.statistics.endpoints import router as statistics_router
from shouhu.education.tasks import handlers as task_handlers
from shouhu.platform.app import ServiceSpec, create_service_app
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.settings import topic_of
from shouhu.platform.transport import Transport
from shouhu.platform.worker import Periodic, Subscription, combined

Settings = EducationSettings

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"
# What the consumer applies: the registry's children (the projection first, then aid decided
# again on it) and the single window's tasks education answers.
HANDLERS = combined(handlers.HANDLERS, aid_handlers.HANDLERS, task_handlers.HANDLERS)


def seed_demo(engine: Engine) -> None:
    """The demo schools, on the first start of an empty reference."""
    with Session(engine) as session:
        schools.seed(session)
        session.commit()


def create_app(
    settings: EducationSettings | None = None,
    *,
    transport: Transport | None = None,
    verifier: TokenVerifier | None = None,
) -> FastAPI:
    settings = settings or EducationSettings()
    # A broken stages file stops the service here, not at the first enrolment.
    stages.load()
    dropout_rules.load()  # and so does a broken dropout watch file
    aid_rules.load()
    inclusive_rules.load()
    residency_rules.load()  # who is non-Beijing, the documents each stage asks
    return create_service_app(
        ServiceSpec(
            name="education",
            settings=settings,
            migrations_dir=MIGRATIONS,
            routers=[
                schools_router,
                enrolments_router,
                dropout_router,
                aid_router,
                ledger_router,
                inclusive_router,
                residency_router,
                statistics_router,
                rosters_router,
            ],
            subscriptions=[Subscription(topics=[topic_of("registry")], handlers=HANDLERS)],
            periodic=[
                Periodic(
                    "dropout-sweep", settings.dropout_sweep_every_seconds, dropout_jobs.Daily()
                ),
                Periodic("aid-calendar", settings.aid_every_seconds, aid_jobs.Daily()),
                Periodic(
                    "home-teaching-month",
                    settings.home_teaching_every_seconds,
                    inclusive_jobs.Monthly(),
                ),
            ],
            # Demo schools only where the platform runs with demo data (embedded mode).
            seed=seed_demo if settings.demo_data else None,
            transport=transport,
            verifier=verifier,
        )
    )

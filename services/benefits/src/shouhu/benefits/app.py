"""The benefits app: programmes and standards, decisions and entitlements, the payment ledger."""

from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.benefits import jobs, policy
from shouhu.benefits.decisions import handlers
from shouhu.benefits.decisions.endpoints import router as decisions_router
from shouhu.benefits.payments.endpoints import router as payments_router
from shouhu.benefits.programmes import service as programmes
from shouhu.benefits.programmes.endpoints import router as programmes_router
from shouhu.benefits.publish import WORK_TOPIC
from shouhu.benefits.rules.schema import load
from shouhu.benefits.settings import BenefitsSettings
from shouhu.benefits.tasks import handlers as task_handlers
from shouhu.platform.app import ServiceSpec, create_service_app
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.settings import topic_of
from shouhu.platform.transport import Transport
from shouhu.platform.worker import Periodic, Subscription

Settings = BenefitsSettings

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"
# What the consumer applies: the registry's children and cases, its own work queue, and the
# single window's tasks it answers.
HANDLERS = {**handlers.HANDLERS, **task_handlers.HANDLERS}


def seed(engine: Engine) -> None:
    """A setting for every programme of the rules, on first start."""
    with Session(engine) as session:
        programmes.seed(session)
        session.commit()


def create_app(
    settings: BenefitsSettings | None = None,
    *,
    transport: Transport | None = None,
    verifier: TokenVerifier | None = None,
) -> FastAPI:
    settings = settings or BenefitsSettings()
    # A broken rules file stops the service here, not at the first decision; so does one whose
    # payment ledger would tell a health detail (policy.treated_apart).
    policy.treated_apart(load())
    return create_service_app(
        ServiceSpec(
            name="benefits",
            settings=settings,
            migrations_dir=MIGRATIONS,
            routers=[programmes_router, decisions_router, payments_router],
            # One consumer for the registry's events and benefits' work queue: one child is
            # never re-decided by two threads at once.
            subscriptions=[
                Subscription(topics=[topic_of("registry"), WORK_TOPIC], handlers=HANDLERS)
            ],
            periodic=[Periodic("calendar", settings.calendar_every_seconds, jobs.Daily())],
            seed=seed,
            transport=transport,
            verifier=verifier,
        )
    )

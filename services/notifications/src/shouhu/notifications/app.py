"""The notifications app."""

from pathlib import Path

from fastapi import FastAPI

from shouhu.notifications.inapp import handlers
from shouhu.notifications.inapp.endpoints import router as inapp_router
from shouhu.notifications.live import endpoints as live
from shouhu.notifications.settings import NotificationsSettings
from shouhu.platform.app import ServiceSpec, create_service_app
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.settings import topic_of
from shouhu.platform.transport import Transport
from shouhu.platform.worker import Subscription

Settings = NotificationsSettings

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"


def create_app(
    settings: NotificationsSettings | None = None,
    *,
    transport: Transport | None = None,
    verifier: TokenVerifier | None = None,
) -> FastAPI:
    return create_service_app(
        ServiceSpec(
            name="notifications",
            settings=settings or NotificationsSettings(),
            migrations_dir=MIGRATIONS,
            routers=[inapp_router, live.router],
            subscriptions=[Subscription(topics=[topic_of("registry")], handlers=handlers.HANDLERS)],
            transport=transport,
            verifier=verifier,
            lifespans=[live.lifespan],
        )
    )

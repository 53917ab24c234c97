"""The notifications app."""

from pathlib import Path

from fastapi import FastAPI

from shouhu.notifications.channels.factory import channels_from
from shouhu.notifications.inapp import handlers
from shouhu.notifications.inapp.endpoints import router as inapp_router
from shouhu.notifications.settings import NotificationsSettings
from shouhu.notifications.templating import templates_from
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
    settings = settings or NotificationsSettings()
    templates = templates_from(settings)  # a broken template stops the service here
    app = create_service_app(
        ServiceSpec(
            name="notifications",
            settings=settings,
            migrations_dir=MIGRATIONS,
            routers=[inapp_router],
            subscriptions=[Subscription(topics=[topic_of("registry")], handlers=handlers.HANDLERS)],
            transport=transport,
            verifier=verifier,
        )
    )
    app.state.templates = templates
    app.state.channels = channels_from(settings)
    return app

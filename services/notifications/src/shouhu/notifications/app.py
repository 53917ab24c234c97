"""The notifications app."""

from pathlib import Path

from fastapi import FastAPI

from shouhu.notifications import handlers, notify
from shouhu.notifications.channels.factory import channels_from
from shouhu.notifications.deliveries.endpoints import router as deliveries_router
from shouhu.notifications.escalations.endpoints import router as escalations_router
from shouhu.notifications.inapp.endpoints import router as inapp_router
from shouhu.notifications.live import endpoints as live
from shouhu.notifications.rules import rules
from shouhu.notifications.settings import NotificationsSettings
from shouhu.notifications.templating import install, templates_from
from shouhu.platform.app import ServiceSpec, create_service_app
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.settings import topic_of
from shouhu.platform.transport import Transport
from shouhu.platform.worker import Periodic, Subscription

Settings = NotificationsSettings

MIGRATIONS = Path(__file__).resolve().parents[3] / "migrations"


def create_app(
    settings: NotificationsSettings | None = None,
    *,
    transport: Transport | None = None,
    verifier: TokenVerifier | None = None,
) -> FastAPI:
    settings = settings or NotificationsSettings()
    rules()  # broken rules stop the service here, not at the first event
    templates = templates_from(settings)  # and so does a broken template
    notify.check(templates)  # or a kind without the templates of its channels
    install(templates)
    channels = channels_from(settings)
    app = create_service_app(
        ServiceSpec(
            name="notifications",
            settings=settings,
            migrations_dir=MIGRATIONS,
            routers=[inapp_router, deliveries_router, escalations_router, live.router],
            subscriptions=[
                Subscription(topics=[topic_of("registry")], handlers=handlers.REGISTRY_HANDLERS),
                Subscription(topics=[topic_of("benefits")], handlers=handlers.BENEFITS_HANDLERS),
                Subscription(topics=[topic_of("education")], handlers=handlers.EDUCATION_HANDLERS),
                Subscription(
                    topics=[topic_of("volunteers")], handlers=handlers.VOLUNTEERS_HANDLERS
                ),
            ],
            periodic=[
                Periodic("escalate", settings.escalate_every_seconds, notify.escalate_due),
                Periodic("remind", settings.escalate_every_seconds, notify.remind_due),
                Periodic(
                    "deliver",
                    settings.deliver_every_seconds,
                    lambda engine: notify.deliver_due(engine, channels),
                ),
            ],
            transport=transport,
            verifier=verifier,
            lifespans=[live.lifespan],
        )
    )
    app.state.templates = templates
    app.state.channels = channels
    return app

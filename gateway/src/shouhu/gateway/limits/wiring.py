"""The limits on the gateway app: middleware, the schema's extension, the GraphQL router."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from strawberry.extensions import SchemaExtension
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from shouhu.gateway.limits.body import BodyLimitMiddleware
from shouhu.gateway.limits.budget import LimitedGraphQLRouter
from shouhu.gateway.limits.cost import CostLimits
from shouhu.gateway.limits.operation import OperationLimits, OperationPolicy
from shouhu.gateway.limits.rate import RateLimitMiddleware
from shouhu.gateway.limits.trusted import TrustedDocuments
from shouhu.gateway.settings import GatewaySettings
from shouhu.platform.auth import TokenVerifier
from shouhu.platform.settings import Mode

__all__ = ["graphql_router", "install", "policy", "schema_extensions"]


def policy(settings: GatewaySettings) -> OperationPolicy:
    """What each operation is held to, from the settings."""
    return OperationPolicy(
        cost=CostLimits(
            budget=settings.max_query_cost,
            max_page_size=settings.max_page_size,
            default_list_size=settings.default_list_size,
        ),
        production=settings.mode is Mode.PRODUCTION,
        trusted=TrustedDocuments.load(settings.trusted_documents_file or None),
    )


def schema_extensions(settings: GatewaySettings) -> list[Callable[[], SchemaExtension]]:
    """The schema extension of the limits, one instance per request."""
    operation_policy = policy(settings)
    return [lambda: OperationLimits(operation_policy)]


def graphql_router(schema: Any, settings: GatewaySettings, **kwargs: Any) -> LimitedGraphQLRouter:
    """The GraphQL router: a time budget per operation, no GraphiQL in production."""
    # WebSockets speak graphql-transport-ws only: the legacy graphql-ws is one more way in.
    production = settings.mode is Mode.PRODUCTION
    return LimitedGraphQLRouter(
        schema,
        request_timeout_seconds=settings.request_timeout_seconds,
        graphql_ide=None if production else "graphiql",
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        connection_init_wait_timeout=timedelta(seconds=settings.ws_init_timeout_seconds),
        max_subscriptions_per_connection=settings.ws_max_subscriptions,
        allowed_origins=settings.ws_allowed_origins,
        **kwargs,
    )


def install(app: FastAPI, settings: GatewaySettings, verifier: TokenVerifier) -> None:
    """The body caps (outermost) and the rate limit, as ASGI middleware of the gateway."""
    if settings.rate_limit_per_second > 0:
        app.add_middleware(
            RateLimitMiddleware,
            verifier=verifier,
            rate=settings.rate_limit_per_second,
            burst=settings.rate_limit_burst,
        )
    app.add_middleware(
        BodyLimitMiddleware,
        max_request_bytes=settings.max_request_bytes,
        max_upload_bytes=settings.max_upload_bytes,
    )

"""Per-request context: the principal, the services as the caller, the loaders."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from starlette.requests import HTTPConnection
from strawberry.exceptions import ConnectionRejectionError
from strawberry.fastapi import BaseContext

from shouhu.gateway.clients import (
    Benefits,
    Education,
    Notifications,
    NotificationStream,
    Registry,
    Volunteers,
)
from shouhu.gateway.loaders import Loaders
from shouhu.gateway.reference import Reference
from shouhu.platform.auth import Principal, TokenVerifier, bearer_token
from shouhu.platform.errors import Unauthenticated
from shouhu.platform.http import ServiceClient


@dataclass
class Services:
    """One client per service, sharing the gateway's connection pool."""

    registry: ServiceClient
    benefits: ServiceClient
    education: ServiceClient
    volunteers: ServiceClient
    notifications: ServiceClient
    notification_stream: ServiceClient  # its own pool: an open stream holds a connection


class Context(BaseContext):
    """What every resolver may use during one request."""

    def __init__(
        self,
        services: Services,
        reference: Reference,
        principal: Principal | None,
        error: Exception | None,
        gateway_key: str = "",
    ) -> None:
        super().__init__()
        self.services = services
        self.reference = reference
        self._gateway_key = gateway_key
        self._principal = principal
        self._auth_error = error

    @property
    def principal(self) -> Principal:
        """The verified caller, or `UNAUTHENTICATED`."""
        if self._principal is None:
            raise self._auth_error or Unauthenticated()
        return self._principal

    @cached_property
    def registry(self) -> Registry:
        return Registry(self.services.registry, self.principal.token, self._gateway_key)

    @cached_property
    def benefits(self) -> Benefits:
        return Benefits(self.services.benefits, self.principal.token)

    @cached_property
    def education(self) -> Education:
        return Education(self.services.education, self.principal.token)

    @cached_property
    def volunteers(self) -> Volunteers:
        return Volunteers(self.services.volunteers, self.principal.token)

    @cached_property
    def notifications(self) -> Notifications:
        return Notifications(self.services.notifications, self.principal.token)

    @cached_property
    def notification_stream(self) -> NotificationStream:
        return NotificationStream(self.services.notification_stream, self.principal.token)

    def authenticate(self, principal: Principal) -> None:
        """The caller a WebSocket's `connection_init` proved, for every operation on it."""
        self._principal, self._auth_error = principal, None

    @cached_property
    def loaders(self) -> Loaders:
        return Loaders(
            self.registry, self.benefits, self.education, self.notifications, self.reference
        )


async def build_context(connection: HTTPConnection) -> Context:
    """Verify the bearer token, if any; resolvers decide whether they need one."""
    state = connection.app.state
    verifier: TokenVerifier = state.verifier
    principal: Principal | None = None
    error: Exception | None = None
    header = connection.headers.get("authorization")
    # A WebSocket is authenticated by its `connection_init` alone (`authenticate_connection`).
    if header and connection.scope["type"] == "http":
        try:
            principal = await verifier.averify(bearer_token(header))
        except Unauthenticated as exc:
            error = exc
    return Context(state.services, state.reference, principal, error, state.settings.gateway_key)


def connection_token(params: Mapping[str, Any]) -> str | None:
    """The token of a `connection_init` payload: `Authorization: Bearer …` or `token`."""
    for name, value in params.items():
        if name.lower() == "authorization" and isinstance(value, str):
            try:
                return bearer_token(value)
            except Unauthenticated:
                return None
    token = params.get("token")
    return token.strip() or None if isinstance(token, str) else None


async def authenticate_connection(context: Context) -> None:
    """Verify the token of a WebSocket's `connection_init`; without a good one, closed with 4403."""
    params = context.connection_params if isinstance(context.connection_params, Mapping) else {}
    token = connection_token(params)
    if token is None or context.request is None:
        raise ConnectionRejectionError({"code": Unauthenticated.code.value})
    verifier: TokenVerifier = context.request.app.state.verifier
    try:
        principal = await verifier.averify(token)
    except Unauthenticated as exc:
        raise ConnectionRejectionError({"code": exc.code.value}) from exc
    context.authenticate(principal)

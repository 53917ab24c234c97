"""Per-request context: the principal, the services as the caller, the loaders."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from fastapi import Request
from strawberry.fastapi import BaseContext

from shouhu.gateway.clients import Benefits, Notifications, Registry
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
    def notifications(self) -> Notifications:
        return Notifications(self.services.notifications, self.principal.token)

    @cached_property
    def loaders(self) -> Loaders:
        return Loaders(self.registry, self.benefits, self.notifications, self.reference)


async def build_context(request: Request) -> Context:
    """Verify the bearer token, if any; resolvers decide whether they need one."""
    verifier: TokenVerifier = request.app.state.verifier
    principal: Principal | None = None
    error: Exception | None = None
    header = request.headers.get("authorization")
    if header:
        try:
            principal = await verifier.averify(bearer_token(header))
        except Unauthenticated as exc:
            error = exc
    state = request.app.state
    return Context(state.services, state.reference, principal, error, state.settings.gateway_key)

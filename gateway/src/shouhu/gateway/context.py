"""Per-request context: the principal, the service clients and the DataLoaders."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from strawberry.dataloader import DataLoader
from strawberry.fastapi import BaseContext

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

    def __init__(self, services: Services, principal: Principal | None, error: Exception | None):
        super().__init__()
        self.services = services
        self._principal = principal
        self._auth_error = error
        self.loaders = Loaders(self)

    @property
    def principal(self) -> Principal:
        """The verified caller, or `UNAUTHENTICATED`."""
        if self._principal is None:
            raise self._auth_error or Unauthenticated()
        return self._principal

    @property
    def token(self) -> str:
        return self.principal.token


@dataclass
class Loaders:
    """DataLoaders, new for each request so nothing leaks between callers."""

    context: Context
    division: DataLoader[str, dict[str, Any] | None] = field(init=False)
    child_part: DataLoader[tuple[str, str, str], dict[str, Any]] = field(init=False)

    def __post_init__(self) -> None:
        self.division = DataLoader(load_fn=self._load_divisions)
        self.child_part = DataLoader(load_fn=self._load_child_parts)

    async def _load_child_parts(self, keys: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
        """Parts of files not fetched with them (search results): one read per file, logged."""
        wanted: dict[tuple[str, str], set[str]] = {}
        for child_id, part, operation in keys:
            wanted.setdefault((child_id, operation), set()).add(part)
        rows = await asyncio.gather(
            *(
                self.context.services.registry.get(
                    f"/children/{child_id}",
                    token=self.context.token,
                    params={"include": sorted(parts)},
                    headers={"X-Shouhu-Operation": operation},
                )
                for (child_id, operation), parts in wanted.items()
            )
        )
        by_key = dict(zip(wanted, rows, strict=True))
        return [by_key[(child_id, operation)] for child_id, _, operation in keys]

    async def _load_divisions(self, codes: list[str]) -> list[dict[str, Any] | None]:
        rows = await self.context.services.registry.get(
            "/divisions", token=self.context.token, params={"codes": codes}
        )
        by_code = {row["code"]: row for row in rows}
        return [by_code.get(code) for code in codes]


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
    return Context(request.app.state.services, principal, error)

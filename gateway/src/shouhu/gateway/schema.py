"""The one GraphQL schema over the services."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.tools import merge_types

from shouhu.gateway import (
    access,
    benefits,
    children,
    divisions,
    ledger,
    notifications,
    plans,
    statistics,
    visits,
    workforce,
)
from shouhu.gateway.common import Ctx
from shouhu.gateway.errors import ErrorCodes


@strawberry.type(description="The caller: username, roles and division")
class Principal:
    username: str
    roles: list[str]
    division_code: str


@strawberry.type
class MeQuery:
    @strawberry.field(description="The caller")
    def me(self, info: Ctx) -> Principal:
        p = info.context.principal
        return Principal(username=p.username, roles=sorted(p.roles), division_code=p.division_code)


Query = merge_types(
    "Query",
    (
        MeQuery,
        divisions.Query,
        children.Query,
        statistics.Query,
        access.Query,
        notifications.Query,
        benefits.Query,
        visits.Query,
        workforce.Query,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        children.Mutation,
        notifications.Mutation,
        benefits.Mutation,
        visits.Mutation,
        plans.Mutation,
        workforce.Mutation,
        ledger.Mutation,
    ),
)


def build_schema(max_depth: int = 10) -> strawberry.Schema:
    """The schema with its limits and error codes."""
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=[
            lambda: QueryDepthLimiter(max_depth=max_depth),
            lambda: MaxTokensLimiter(max_token_count=5000),
            lambda: MaxAliasesLimiter(max_alias_count=50),
            ErrorCodes,
        ],
    )


schema = build_schema()

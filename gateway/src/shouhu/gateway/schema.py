"""The one GraphQL schema over the services."""

from __future__ import annotations

import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.types import Info

from shouhu.gateway.context import Context
from shouhu.gateway.errors import ErrorCodes
from shouhu.gateway.types import (
    Child,
    Division,
    Notification,
    NotificationConnection,
    Principal,
    RegisterChildInput,
)
from shouhu.platform.errors import NotFound

Ctx = Info[Context, None]


@strawberry.type
class Query:
    @strawberry.field(description="The caller")
    def me(self, info: Ctx) -> Principal:
        p = info.context.principal
        return Principal(username=p.username, roles=sorted(p.roles), division_code=p.division_code)

    @strawberry.field(description="Divisions under a parent; without one, the district's towns")
    async def divisions(self, info: Ctx, parent_code: str | None = None) -> list[Division]:
        rows = await info.context.services.registry.get(
            "/divisions", token=info.context.token, params={"parent": parent_code}
        )
        return [Division.from_row(row) for row in rows]

    @strawberry.field(description="One division by its code")
    async def division(self, info: Ctx, code: str) -> Division | None:
        info.context.principal  # noqa: B018 - signed-in callers only
        row = await info.context.loaders.division.load(code)
        return Division.from_row(row) if row else None

    @strawberry.field(description="A child's file, when in the caller's scope")
    async def child(self, info: Ctx, id: strawberry.ID) -> Child | None:
        try:
            row = await info.context.services.registry.get(
                f"/children/{id}", token=info.context.token
            )
        except NotFound:
            return None
        return Child.from_row(row)

    @strawberry.field(description="The caller's in-app notifications, newest first")
    async def notifications(
        self,
        info: Ctx,
        first: int = 20,
        after: str | None = None,
        unread_only: bool = False,
    ) -> NotificationConnection:
        page = await info.context.services.notifications.get(
            "/notifications",
            token=info.context.token,
            params={"first": first, "after": after, "unreadOnly": unread_only},
        )
        return NotificationConnection.from_page(page)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Open a child's file in a village of the caller's division")
    async def register_child(self, info: Ctx, input: RegisterChildInput) -> Child:
        row = await info.context.services.registry.post(
            "/children",
            token=info.context.token,
            json={
                "name": input.name,
                "gender": input.gender.value,
                "birthDate": input.birth_date.isoformat(),
                "idNumber": input.id_number,
                "residenceDivisionCode": input.residence_division_code,
                "hukouDivisionCode": input.hukou_division_code,
            },
        )
        return Child.from_row(row)

    @strawberry.mutation(description="Mark one of the caller's notifications read")
    async def mark_notification_read(self, info: Ctx, id: strawberry.ID) -> Notification:
        row = await info.context.services.notifications.post(
            f"/notifications/{id}/read", token=info.context.token
        )
        return Notification.from_row(row)


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

"""Queries of children's files."""

from __future__ import annotations

import strawberry

from shouhu.gateway.children.types import (
    Child,
    ChildConnection,
    ChildEdge,
    ChildFilter,
    DuplicateReview,
    TransferRequest,
    TransferStatus,
)
from shouhu.gateway.common import Ctx, connection, operation_name, selected, to_json
from shouhu.gateway.loaders import CHILD_PARTS
from shouhu.platform.errors import NotFound


def parts(fields: set[str]) -> list[str]:
    """The registry's parts of a file that these selected fields need."""
    return sorted(CHILD_PARTS[name] for name in fields & CHILD_PARTS.keys())


@strawberry.type
class Query:
    @strawberry.field(description="A child's file, when in the caller's scope")
    async def child(self, info: Ctx, id: strawberry.ID) -> Child | None:
        try:
            row = await info.context.registry.child(id, parts(selected(info)), operation_name(info))
        except NotFound:
            return None
        return Child.from_row(row)

    @strawberry.field(description="Files in the caller's scope matching the filter")
    async def children(
        self,
        info: Ctx,
        filter: ChildFilter | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> ChildConnection:
        fields = selected(info, "edges", "node")
        page = await info.context.registry.search_children(
            {
                "filter": to_json(filter) if filter else {},
                "first": first,
                "after": after,
                "withTotal": "totalCount" in selected(info),
            },
            parts(fields),
            operation_name(info),
        )
        found = connection(
            ChildConnection, page, ChildEdge, Child.from_row, total_count=page.get("totalCount")
        )
        if "benefits" in fields:  # the page's benefits in one call, each file's field at once
            shown = [e for e in found.edges if "benefits" not in e.node.withheld]
            rows = await info.context.loaders.benefits.load_many([str(e.node.id) for e in shown])
            for edge, row in zip(shown, rows, strict=True):
                edge.node.benefits_row = (row,)
        return found

    @strawberry.field(description="A file by identity number (exact)")
    async def child_by_id_number(self, info: Ctx, id_number: str) -> Child | None:
        try:
            row = await info.context.registry.lookup_child(id_number, operation_name(info))
        except NotFound:
            return None
        return Child.from_row(row)

    @strawberry.field(description="Registrations held back as possible duplicates, for review")
    async def duplicate_reviews(self, info: Ctx) -> list[DuplicateReview]:
        rows = await info.context.registry.duplicate_reviews()
        return [DuplicateReview.from_row(r) for r in rows]

    @strawberry.field(
        description="Transfer requests: every one for the district's civil affairs, one's own "
        "for those who registered"
    )
    async def transfer_requests(
        self, info: Ctx, status: TransferStatus | None = None
    ) -> list[TransferRequest]:
        rows = await info.context.registry.transfer_requests(status.value if status else None)
        return [TransferRequest.from_row(r) for r in rows]

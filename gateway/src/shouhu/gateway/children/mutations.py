"""Mutations of children's files."""

from __future__ import annotations

import strawberry

from shouhu.gateway.children.types import (
    Child,
    ClassifyChildInput,
    DuplicateReview,
    ExitReason,
    RegisterChildInput,
    ReviewDecision,
    SetGuardiansInput,
    TransferDecision,
    TransferRequest,
    UpdateChildInput,
)
from shouhu.gateway.common import Ctx, to_json


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Open a child's file in a village of the caller's division")
    async def register_child(self, info: Ctx, input: RegisterChildInput) -> Child:
        return Child.from_row(await info.context.registry.register_child(to_json(input)))

    @strawberry.mutation(description="Change identity fields; stale version: CONFLICT")
    async def update_child(
        self, info: Ctx, id: strawberry.ID, version: int, input: UpdateChildInput
    ) -> Child:
        row = await info.context.registry.update_child(id, version, to_json(input))
        return Child.from_row(row)

    @strawberry.mutation(description="Set the complete active set of classifications")
    async def classify_child(
        self, info: Ctx, id: strawberry.ID, version: int, input: ClassifyChildInput
    ) -> Child:
        row = await info.context.registry.classify_child(id, version, to_json(input))
        return Child.from_row(row)

    @strawberry.mutation(description="Take a child out of scope")
    async def exit_child(
        self,
        info: Ctx,
        id: strawberry.ID,
        version: int,
        reason: ExitReason,
        note: str | None = None,
    ) -> Child:
        row = await info.context.registry.exit_child(
            id, version, {"reason": reason.value, "note": note}
        )
        return Child.from_row(row)

    @strawberry.mutation(description="Replace the household and the entrusted guardian")
    async def set_guardians(
        self, info: Ctx, child_id: strawberry.ID, version: int, input: SetGuardiansInput
    ) -> Child:
        row = await info.context.registry.set_guardians(child_id, version, to_json(input))
        return Child.from_row(row)

    @strawberry.mutation(description="Decide a held-back registration")
    async def decide_duplicate_review(
        self, info: Ctx, id: strawberry.ID, decision: ReviewDecision
    ) -> DuplicateReview:
        row = await info.context.registry.decide_duplicate_review(id, decision.value)
        return DuplicateReview.from_row(row)

    @strawberry.mutation(
        description="The district's civil affairs moves a file to the requested village, or "
        "refuses with a reason"
    )
    async def decide_transfer(
        self,
        info: Ctx,
        id: strawberry.ID,
        decision: TransferDecision,
        reason: str | None = None,
    ) -> TransferRequest:
        row = await info.context.registry.decide_transfer(id, decision.value, reason)
        return TransferRequest.from_row(row)

"""Mutations of pairing."""

from __future__ import annotations

import strawberry

from shouhu.gateway.common import Ctx, to_json
from shouhu.gateway.pairing.types import (
    OwnPairing,
    Pairing,
    PairingVisitInput,
)


@strawberry.type
class Mutation:
    @strawberry.mutation(
        description="Pair a vetted adult volunteer with a child (一对一帮扶); refused "
        "(VALIDATION_FAILED) unvetted, under 18, beyond the load limit or out of the area"
    )
    async def pair_volunteer(
        self, info: Ctx, volunteer_id: strawberry.ID, child_id: strawberry.ID
    ) -> Pairing:
        body = {"volunteerId": volunteer_id, "childId": child_id}
        return Pairing.from_row(await info.context.volunteers.pair(body))

    @strawberry.mutation(description="Log a visit of an active pairing")
    async def record_pairing_visit(
        self, info: Ctx, pairing_id: strawberry.ID, input: PairingVisitInput
    ) -> Pairing:
        row = await info.context.volunteers.record_pairing_visit(pairing_id, to_json(input))
        return Pairing.from_row(row)

    @strawberry.mutation(description="End a pairing with its reason")
    async def end_pairing(self, info: Ctx, id: strawberry.ID, reason: str) -> Pairing:
        return Pairing.from_row(await info.context.volunteers.end_pairing(id, {"reason": reason}))

    @strawberry.mutation(
        description="The signed-in volunteer logs a visit of its own active pairing (role "
        "volunteer); its hours for it go by recordServiceHours without an activity"
    )
    async def record_own_pairing_visit(
        self, info: Ctx, pairing_id: strawberry.ID, input: PairingVisitInput
    ) -> OwnPairing:
        row = await info.context.volunteers.record_own_visit(pairing_id, to_json(input))
        return OwnPairing.from_row(row)

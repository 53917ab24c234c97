"""Mutations of benefits."""

from __future__ import annotations

import strawberry

from shouhu.gateway.benefits.types import PaymentBatch, Programme, ProgrammeCode
from shouhu.gateway.common import Ctx


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Set a programme's monthly standard in fen for a year")
    async def set_benefit_standard(
        self, info: Ctx, programme: ProgrammeCode, year: int, monthly_amount_fen: int
    ) -> Programme:
        row = await info.context.benefits.set_standard(programme.value, year, monthly_amount_fen)
        info.context.reference.programmes.invalidate()
        return Programme.from_row(row)

    @strawberry.mutation(description="Switch a pilot programme on or off (监护津贴)")
    async def set_programme_enabled(
        self, info: Ctx, programme: ProgrammeCode, enabled: bool
    ) -> Programme:
        row = await info.context.benefits.set_enabled(programme.value, enabled)
        info.context.reference.programmes.invalidate()
        return Programme.from_row(row)

    @strawberry.mutation(
        description="Compute a month's payment batch; running it twice pays nothing twice"
    )
    async def run_payment_batch(self, info: Ctx, month: str) -> PaymentBatch:
        return PaymentBatch.from_row(await info.context.benefits.run_payment_batch(month))

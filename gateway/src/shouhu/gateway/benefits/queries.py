"""Queries of benefits."""

from __future__ import annotations

import strawberry

from shouhu.gateway.benefits.types import PaymentBatch, Programme
from shouhu.gateway.common import Ctx
from shouhu.platform.errors import NotFound


@strawberry.type
class Query:
    @strawberry.field(description="Every programme with this year's standard (保障项目)")
    async def programmes(self, info: Ctx) -> list[Programme]:
        rows = await info.context.benefits.programmes()
        info.context.reference.programmes.put({row["code"]: row for row in rows})
        return [Programme.from_row(r) for r in rows]

    @strawberry.field(description='A month\'s payment batch, once run ("2026-11")')
    async def payment_batch(self, info: Ctx, month: str) -> PaymentBatch | None:
        try:
            row = await info.context.benefits.payment_batch(month)
        except NotFound:
            return None
        return PaymentBatch.from_row(row)

    @strawberry.field(description="The latest payment batches, newest first")
    async def payment_batches(self, info: Ctx, first: int = 24) -> list[PaymentBatch]:
        rows = await info.context.benefits.payment_batches(first)
        return [PaymentBatch.from_row(r) for r in rows]

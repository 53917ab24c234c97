"""Events of the payment ledger on the benefits topic (documented in docs/benefits.md)."""

from __future__ import annotations

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

BATCH_CREATED = "benefits.payment.batch_created"


class BatchTotal(Camel):
    town_division_code: str
    programme: str
    line_count: int
    total_fen: int


class PaymentBatchCreated(Camel):
    """`benefits.payment.batch_created` v1: a month's batch was computed and stored (once)."""

    batch_id: str
    month: str
    line_count: int
    total_fen: int
    totals: list[BatchTotal]
    created_by: str


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (BATCH_CREATED, 1): PaymentBatchCreated,
}

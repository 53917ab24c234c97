"""API shapes of payment batches."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field

from shouhu.benefits.rules.schema import ProgrammeCode
from shouhu.platform.schemas import Camel, Input, PageInfo, Said

MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


class RunBatch(Input):
    """`runPaymentBatch`: the month to pay, as 2026-11."""

    month: Annotated[str, Field(pattern=MONTH_PATTERN), Said("月份格式应为 YYYY-MM，如 2026-11")]


class PaymentTotalOut(Camel):
    """What one town receives of one programme in a batch (汇总)."""

    town_code: str
    town_name: str
    programme: ProgrammeCode
    line_count: int
    total_fen: int


class PaymentBatchOut(Camel):
    """A month's batch: its figures, and the totals within the caller's division."""

    id: str
    month: str
    line_count: int
    total_fen: int
    rule_version: str
    standards: dict[str, int]
    created_at: datetime
    created_by: str
    scope_division_code: str
    totals: list[PaymentTotalOut]


class PaymentLineOut(Camel):
    """One month of one child's entitlement paid (发放明细)."""

    id: str
    month: str
    child_id: str
    child_name: str
    programme: ProgrammeCode
    amount_fen: int
    residence_division_code: str
    town_code: str
    entitlement_id: str


class PaymentLineEdge(Camel):
    cursor: str
    node: PaymentLineOut


class PaymentLinePage(Camel):
    """A page of a batch's lines in the caller's division, in the ledger's order."""

    edges: list[PaymentLineEdge]
    page_info: PageInfo
    total_count: int | None = Field(default=None)

"""The monthly payment ledger (发放台账): batches, their lines and totals."""

from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from shouhu.benefits.models._columns import fen
from shouhu.platform.columns import json_column, timestamp


class PaymentBatch(SQLModel, table=True):
    """The payments of one month (月度发放批次); one per month, never recomputed."""

    __tablename__ = "payment_batch"

    id: str = Field(primary_key=True, max_length=36)
    month: str = Field(unique=True, max_length=7)
    line_count: int
    total_fen: int = fen()
    rule_version: str
    standards: dict[str, Any] = json_column()
    created_by: str
    created_at: datetime = timestamp()


class PaymentLine(SQLModel, table=True):
    """One month of one entitlement paid (发放明细); unique per entitlement and month."""

    __tablename__ = "payment_line"

    id: int | None = Field(default=None, primary_key=True)
    batch_id: str = Field(foreign_key="payment_batch.id")
    month: str
    entitlement_id: str
    child_id: str
    child_name: str
    programme: str
    amount_fen: int = fen()
    residence_division_code: str
    town_code: str


class PaymentTotal(SQLModel, table=True):
    """A batch's total for one town and programme (汇总)."""

    __tablename__ = "payment_total"

    batch_id: str = Field(primary_key=True, foreign_key="payment_batch.id")
    town_code: str = Field(primary_key=True)
    programme: str = Field(primary_key=True)
    line_count: int
    total_fen: int = fen()

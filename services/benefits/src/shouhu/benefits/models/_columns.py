"""Column helpers of benefits' own (the common ones are in shouhu.platform.columns)."""

from typing import Any

from sqlalchemy import BigInteger
from sqlmodel import Column, Field


def fen(*, nullable: bool = False) -> Any:
    """An amount of money in fen: a 64-bit integer (a district's month passes 2^31 fen)."""
    return Field(
        default=None if nullable else ...,
        sa_column=Column(BigInteger, nullable=nullable),
    )

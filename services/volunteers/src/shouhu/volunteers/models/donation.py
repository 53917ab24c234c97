"""Donations (捐赠) of money or goods and the uses recorded against them."""

from datetime import date, datetime

from sqlalchemy import BigInteger, Column
from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class Donation(SQLModel, table=True):
    """Money (in fen) or goods (by quantity) received by an organisation, designated or not."""

    id: str = Field(primary_key=True, max_length=36)
    organisation_id: str = Field(foreign_key="organisation.id", index=True, max_length=36)
    donor_kind: str = Field(max_length=20)
    donor_name: str | None = Field(default=None, max_length=100)
    anonymous: bool = False
    kind: str = Field(max_length=10)
    # MONEY: the amount in fen; GOODS: the quantity. `used` counts the same unit.
    amount: int = Field(sa_column=Column(BigInteger, nullable=False))
    used: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))
    goods_description: str | None = Field(default=None, max_length=200)
    unit: str | None = Field(default=None, max_length=10)
    designation: str = Field(max_length=20)
    designated_id: str | None = Field(default=None, max_length=36)
    received_on: date = Field(index=True)
    note: str | None = Field(default=None, max_length=500)
    version: int = 1
    recorded_by: str
    recorded_at: datetime = timestamp()


class DonationUse(SQLModel, table=True):
    """Part of a donation spent or handed out; kept, never changed."""

    __tablename__ = "donation_use"

    id: str = Field(primary_key=True, max_length=36)
    donation_id: str = Field(foreign_key="donation.id", index=True, max_length=36)
    amount: int = Field(sa_column=Column(BigInteger, nullable=False))
    used_on: date
    purpose: str = Field(max_length=200)
    recorded_by: str
    recorded_at: datetime = timestamp()

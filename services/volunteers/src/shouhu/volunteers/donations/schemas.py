"""API shapes of donations."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.labels import DONATION_DESIGNATION_NAMES
from shouhu.platform.schemas import Camel, Input, Said


class DonorKind(StrEnum):
    """Who gave (捐赠人类型)."""

    PERSON = "PERSON"
    ORGANISATION = "ORGANISATION"


class DonationKind(StrEnum):
    """Money (in fen) or goods (by quantity)."""

    MONEY = "MONEY"
    GOODS = "GOODS"


class Designation(StrEnum):
    """What a donation is for (定向)."""

    CHILD = "CHILD"  # 定向帮扶儿童: never named in public
    ACTIVITY = "ACTIVITY"
    ORGANISATION = "ORGANISATION"
    GENERAL = "GENERAL"


# The platform's names, which the console shows too.
DESIGNATION_NAMES = {d: DONATION_DESIGNATION_NAMES[d.value] for d in Designation}
ANONYMOUS = "匿名"
MAX_AMOUNT = 10**12  # fen: ten billion yuan, beyond any one gift

Text200 = Annotated[str, Field(min_length=1, max_length=200), Said("应为1至200个字符")]


class DonationInput(Input):
    """`recordDonation`: a gift received by an organisation the caller acts for."""

    organisation_id: Annotated[str, Field(min_length=1, max_length=36)]
    donor_kind: DonorKind
    donor_name: (
        Annotated[str, Field(min_length=1, max_length=100), Said("捐赠人应为1至100个字符")] | None
    ) = None
    anonymous: bool = False
    kind: DonationKind
    amount_fen: Annotated[int, Field(ge=1, le=MAX_AMOUNT), Said("金额应为正整数（分）")] | None = (
        None
    )
    goods_description: Text200 | None = None
    quantity: Annotated[int, Field(ge=1, le=MAX_AMOUNT), Said("数量应为正整数")] | None = None
    unit: Annotated[str, Field(min_length=1, max_length=10), Said("单位应为1至10个字符")] | None = (
        None
    )
    designation: Designation = Designation.GENERAL
    designated_id: Annotated[str, Field(min_length=1, max_length=36)] | None = None
    received_on: date
    note: Annotated[str, Field(max_length=500), Said("说明不超过500个字符")] | None = None


class DonationUseInput(Input):
    """`recordDonationUse`: part of a donation spent (fen) or handed out (quantity)."""

    amount_fen: Annotated[int, Field(ge=1, le=MAX_AMOUNT), Said("金额应为正整数（分）")] | None = (
        None
    )
    quantity: Annotated[int, Field(ge=1, le=MAX_AMOUNT), Said("数量应为正整数")] | None = None
    used_on: date
    purpose: Text200


class DonationUseOut(Camel):
    id: str
    amount_fen: int | None
    quantity: int | None
    used_on: date
    purpose: str
    recorded_by: str
    recorded_at: datetime


class DonationOut(Camel):
    """A donation as its organisation and civil affairs see it."""

    id: str
    organisation_id: str
    organisation_name: str
    donor_kind: DonorKind
    donor_name: str
    anonymous: bool
    kind: DonationKind
    amount_fen: int | None
    goods_description: str | None
    quantity: int | None
    unit: str | None
    used: int
    remaining: int
    designation: Designation
    designation_name: str
    designated_id: str | None
    received_on: date
    note: str | None
    uses: list[DonationUseOut]
    version: int
    recorded_by: str
    recorded_at: datetime


class DesignationTotal(Camel):
    """Totals of one designation kind."""

    designation: Designation
    designation_name: str
    donation_count: int
    money_fen: int
    money_used_fen: int
    goods_quantity: int
    goods_used_quantity: int


class MonthTotal(Camel):
    """Money received and used in one month (YYYY-MM)."""

    month: str
    received_fen: int
    used_fen: int
    donation_count: int


class PublicUse(Camel):
    """A use as the public sees it: a child-designated one says only 定向帮扶儿童."""

    used_on: date
    organisation_name: str
    designation: Designation
    designation_name: str
    kind: DonationKind
    amount_fen: int | None
    quantity: int | None
    unit: str | None
    purpose: str


class PublicDonation(Camel):
    """A donation as the public sees it: the donor unless anonymous, never a child."""

    received_on: date
    organisation_name: str
    donor_name: str
    kind: DonationKind
    amount_fen: int | None
    goods_description: str | None
    quantity: int | None
    unit: str | None
    designation: Designation
    designation_name: str


class DonationSummary(Camel):
    """The public summary (公开透明) of a year: no child's identity anywhere in it."""

    year: int
    by_designation: list[DesignationTotal]
    by_month: list[MonthTotal]
    donations: list[PublicDonation]
    uses: list[PublicUse]

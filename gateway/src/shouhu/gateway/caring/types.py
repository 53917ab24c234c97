"""Types of caring families (爱心家庭), donations (捐赠), needs (需求) and offers (资源)."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.benefits.types import BigInt
from shouhu.gateway.common import to_date


def _stamp(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value)


def _stamp_or_none(value: str | None) -> datetime.datetime | None:
    return _stamp(value) if value else None


# ---- caring families ------------------------------------------------------------------------


@strawberry.enum(description="How a family cares for a child: 家庭寄养, 委托代养, 爱心助养")
class CaringFamilyKind(Enum):
    FOSTER = "FOSTER"
    ENTRUSTED_CARE = "ENTRUSTED_CARE"
    SPONSORSHIP = "SPONSORSHIP"


@strawberry.enum(description="Where civil affairs' assessment (评估) stands")
class CaringFamilyStatus(Enum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


@strawberry.type(description="A caring family's care of one child, from a day")
class CaringFamilyLink:
    id: strawberry.ID
    family_id: strawberry.ID
    child_id: strawberry.ID
    starts_on: datetime.date
    until: datetime.date | None
    ended_on: datetime.date | None
    end_reason: str | None
    active: bool = strawberry.field(description="Begun, not ended, not past its last day")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CaringFamilyLink:
        return cls(
            id=strawberry.ID(row["id"]),
            family_id=strawberry.ID(row["familyId"]),
            child_id=strawberry.ID(row["childId"]),
            starts_on=datetime.date.fromisoformat(row["startsOn"]),
            until=to_date(row.get("until")),
            ended_on=to_date(row.get("endedOn")),
            end_reason=row.get("endReason"),
            active=row["active"],
        )


@strawberry.type(description="A caring family (爱心家庭), assessed and approved by civil affairs")
class CaringFamily:
    id: strawberry.ID
    kind: CaringFamilyKind
    kind_name: str
    head_name: str = strawberry.field(description="The head of the household (户主)")
    id_number: str = strawberry.field(description="The head's, masked: the region digits only")
    mobile: str = strawberry.field(description="Masked for all but civil affairs")
    division_code: str
    division_name: str
    address: str
    status: CaringFamilyStatus
    assessed_on: datetime.date | None
    assessment_note: str | None
    approved_by: str | None = strawberry.field(description="Who assessed it (the approver)")
    links: list[CaringFamilyLink] = strawberry.field(description="Its children, latest first")
    version: int
    registered_at: datetime.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CaringFamily:
        return cls(
            id=strawberry.ID(row["id"]),
            kind=CaringFamilyKind(row["kind"]),
            kind_name=row["kindName"],
            head_name=row["headName"],
            id_number=row["idNumber"],
            mobile=row["mobile"],
            division_code=row["divisionCode"],
            division_name=row["divisionName"],
            address=row["address"],
            status=CaringFamilyStatus(row["status"]),
            assessed_on=to_date(row.get("assessedOn")),
            assessment_note=row.get("assessmentNote"),
            approved_by=row.get("approvedBy"),
            links=[CaringFamilyLink.from_row(k) for k in row["links"]],
            version=row["version"],
            registered_at=_stamp(row["registeredAt"]),
        )


@strawberry.input(description="registerCaringFamily: a household offering care")
class CaringFamilyInput:
    kind: CaringFamilyKind
    head_name: str
    id_number: str = strawberry.field(description="The head's, 18 characters, GB 11643")
    mobile: str
    division_code: str
    address: str


@strawberry.input(description="assessCaringFamily: civil affairs' assessment and decision")
class CaringFamilyAssessmentInput:
    assessed_on: datetime.date
    approved: bool
    note: str | None = strawberry.UNSET


@strawberry.input(description="linkCaringFamily: the family cares for a child from a day")
class CaringFamilyLinkInput:
    child_id: strawberry.ID
    starts_on: datetime.date
    until: datetime.date | None = strawberry.UNSET


@strawberry.input(description="unlinkCaringFamily: the care ended")
class CaringFamilyUnlinkInput:
    ended_on: datetime.date
    reason: str


# ---- donations ------------------------------------------------------------------------------


@strawberry.enum(description="Who gave (捐赠人类型)")
class DonorKind(Enum):
    PERSON = "PERSON"
    ORGANISATION = "ORGANISATION"


@strawberry.enum(description="Money (in fen) or goods (by quantity)")
class DonationKind(Enum):
    MONEY = "MONEY"
    GOODS = "GOODS"


@strawberry.enum(description="What a donation is for (定向): a child is never named in public")
class DonationDesignation(Enum):
    CHILD = "CHILD"
    ACTIVITY = "ACTIVITY"
    ORGANISATION = "ORGANISATION"
    GENERAL = "GENERAL"


@strawberry.type(description="A use recorded against a donation")
class DonationUse:
    id: strawberry.ID
    amount_fen: BigInt | None  # type: ignore[valid-type]
    quantity: BigInt | None  # type: ignore[valid-type]
    used_on: datetime.date
    purpose: str
    recorded_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DonationUse:
        return cls(
            id=strawberry.ID(row["id"]),
            amount_fen=row.get("amountFen"),
            quantity=row.get("quantity"),
            used_on=datetime.date.fromisoformat(row["usedOn"]),
            purpose=row["purpose"],
            recorded_by=row["recordedBy"],
        )


@strawberry.type(description="A donation (捐赠) received by an organisation")
class Donation:
    id: strawberry.ID
    organisation_id: strawberry.ID
    organisation_name: str
    donor_kind: DonorKind
    donor_name: str = strawberry.field(description="匿名 when anonymous")
    anonymous: bool
    kind: DonationKind
    amount_fen: BigInt | None  # type: ignore[valid-type]
    goods_description: str | None
    quantity: BigInt | None  # type: ignore[valid-type]
    unit: str | None
    used: BigInt = strawberry.field(description="In fen for money, in units for goods")  # type: ignore[valid-type]
    remaining: BigInt = strawberry.field(description="What is left to use, in the same unit")  # type: ignore[valid-type]
    designation: DonationDesignation
    designation_name: str
    designated_id: strawberry.ID | None
    received_on: datetime.date
    note: str | None
    uses: list[DonationUse] = strawberry.field(description="The latest first")
    version: int
    recorded_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Donation:
        designated = row.get("designatedId")
        return cls(
            id=strawberry.ID(row["id"]),
            organisation_id=strawberry.ID(row["organisationId"]),
            organisation_name=row["organisationName"],
            donor_kind=DonorKind(row["donorKind"]),
            donor_name=row["donorName"],
            anonymous=row["anonymous"],
            kind=DonationKind(row["kind"]),
            amount_fen=row.get("amountFen"),
            goods_description=row.get("goodsDescription"),
            quantity=row.get("quantity"),
            unit=row.get("unit"),
            used=row["used"],
            remaining=row["remaining"],
            designation=DonationDesignation(row["designation"]),
            designation_name=row["designationName"],
            designated_id=strawberry.ID(designated) if designated else None,
            received_on=datetime.date.fromisoformat(row["receivedOn"]),
            note=row.get("note"),
            uses=[DonationUse.from_row(u) for u in row["uses"]],
            version=row["version"],
            recorded_by=row["recordedBy"],
        )


@strawberry.type(description="Totals of one designation kind in the public summary")
class DonationDesignationTotal:
    designation: DonationDesignation
    designation_name: str
    donation_count: int
    money_fen: BigInt  # type: ignore[valid-type]
    money_used_fen: BigInt  # type: ignore[valid-type]
    goods_quantity: BigInt  # type: ignore[valid-type]
    goods_used_quantity: BigInt  # type: ignore[valid-type]


@strawberry.type(description="Money received and used in a month (YYYY-MM)")
class DonationMonthTotal:
    month: str
    received_fen: BigInt  # type: ignore[valid-type]
    used_fen: BigInt  # type: ignore[valid-type]
    donation_count: int


@strawberry.type(description="A donation in public: the donor unless anonymous, never a child")
class PublicDonation:
    received_on: datetime.date
    organisation_name: str
    donor_name: str
    kind: DonationKind
    amount_fen: BigInt | None  # type: ignore[valid-type]
    goods_description: str | None
    quantity: BigInt | None  # type: ignore[valid-type]
    unit: str | None
    designation: DonationDesignation
    designation_name: str


@strawberry.type(description="A use in public: a child's says only 定向帮扶儿童")
class PublicDonationUse:
    used_on: datetime.date
    organisation_name: str
    designation: DonationDesignation
    designation_name: str
    kind: DonationKind
    amount_fen: BigInt | None  # type: ignore[valid-type]
    quantity: BigInt | None  # type: ignore[valid-type]
    unit: str | None
    purpose: str


@strawberry.type(
    description="The public summary of a year's donations (公开透明): no child's identity"
)
class DonationSummary:
    year: int
    by_designation: list[DonationDesignationTotal]
    by_month: list[DonationMonthTotal]
    donations: list[PublicDonation]
    uses: list[PublicDonationUse]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DonationSummary:
        return cls(
            year=row["year"],
            by_designation=[
                DonationDesignationTotal(
                    designation=DonationDesignation(t["designation"]),
                    designation_name=t["designationName"],
                    donation_count=t["donationCount"],
                    money_fen=t["moneyFen"],
                    money_used_fen=t["moneyUsedFen"],
                    goods_quantity=t["goodsQuantity"],
                    goods_used_quantity=t["goodsUsedQuantity"],
                )
                for t in row["byDesignation"]
            ],
            by_month=[
                DonationMonthTotal(
                    month=m["month"],
                    received_fen=m["receivedFen"],
                    used_fen=m["usedFen"],
                    donation_count=m["donationCount"],
                )
                for m in row["byMonth"]
            ],
            donations=[
                PublicDonation(
                    received_on=datetime.date.fromisoformat(d["receivedOn"]),
                    organisation_name=d["organisationName"],
                    donor_name=d["donorName"],
                    kind=DonationKind(d["kind"]),
                    amount_fen=d.get("amountFen"),
                    goods_description=d.get("goodsDescription"),
                    quantity=d.get("quantity"),
                    unit=d.get("unit"),
                    designation=DonationDesignation(d["designation"]),
                    designation_name=d["designationName"],
                )
                for d in row["donations"]
            ],
            uses=[
                PublicDonationUse(
                    used_on=datetime.date.fromisoformat(u["usedOn"]),
                    organisation_name=u["organisationName"],
                    designation=DonationDesignation(u["designation"]),
                    designation_name=u["designationName"],
                    kind=DonationKind(u["kind"]),
                    amount_fen=u.get("amountFen"),
                    quantity=u.get("quantity"),
                    unit=u.get("unit"),
                    purpose=u["purpose"],
                )
                for u in row["uses"]
            ],
        )


@strawberry.input(
    description="recordDonation: a gift received by an organisation the caller acts for"
)
class DonationInput:
    organisation_id: strawberry.ID
    donor_kind: DonorKind
    donor_name: str | None = strawberry.field(
        default=strawberry.UNSET, description="Required unless anonymous (then not kept)"
    )
    anonymous: bool | None = strawberry.UNSET
    kind: DonationKind
    amount_fen: BigInt | None = strawberry.field(  # type: ignore[valid-type]
        default=strawberry.UNSET, description="MONEY: in fen"
    )
    goods_description: str | None = strawberry.UNSET
    quantity: BigInt | None = strawberry.field(  # type: ignore[valid-type]
        default=strawberry.UNSET, description="GOODS: how many units"
    )
    unit: str | None = strawberry.UNSET
    designation: DonationDesignation | None = strawberry.field(
        default=strawberry.UNSET, description="GENERAL when not given"
    )
    designated_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The child, activity or organisation designated"
    )
    received_on: datetime.date
    note: str | None = strawberry.UNSET


@strawberry.input(description="recordDonationUse: refused beyond what is left")
class DonationUseInput:
    amount_fen: BigInt | None = strawberry.field(  # type: ignore[valid-type]
        default=strawberry.UNSET, description="For money, in fen"
    )
    quantity: BigInt | None = strawberry.field(  # type: ignore[valid-type]
        default=strawberry.UNSET, description="For goods, in units"
    )
    used_on: datetime.date
    purpose: str


# ---- needs and offers -----------------------------------------------------------------------


@strawberry.enum(description="What is needed or offered")
class ResourceKind(Enum):
    TUTORING = "TUTORING"
    GOODS = "GOODS"
    CAMP_PLACE = "CAMP_PLACE"
    PSYCHOLOGY = "PSYCHOLOGY"
    MEDICAL = "MEDICAL"
    OTHER = "OTHER"


@strawberry.enum(description="Where a need stands")
class NeedStatus(Enum):
    OPEN = "OPEN"
    MATCHED = "MATCHED"
    CLOSED = "CLOSED"


@strawberry.enum(
    description="Where a need came from: by hand, an intake's VOLUNTEER_PAIRING task, a support "
    "plan measure"
)
class NeedSource(Enum):
    MANUAL = "MANUAL"
    INTAKE = "INTAKE"
    PLAN = "PLAN"


@strawberry.enum(description="Whether an offer has units left")
class OfferStatus(Enum):
    OPEN = "OPEN"
    FULL = "FULL"


@strawberry.type(description="What an organisation offers (资源), in units")
class Offer:
    id: strawberry.ID
    organisation_id: strawberry.ID
    organisation_name: str
    kind: ResourceKind
    description: str
    division_code: str
    division_name: str
    quantity: int
    matched: int
    remaining: int
    status: OfferStatus

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Offer:
        return cls(
            id=strawberry.ID(row["id"]),
            organisation_id=strawberry.ID(row["organisationId"]),
            organisation_name=row["organisationName"],
            kind=ResourceKind(row["kind"]),
            description=row["description"],
            division_code=row["divisionCode"],
            division_name=row["divisionName"],
            quantity=row["quantity"],
            matched=row["matched"],
            remaining=row["remaining"],
            status=OfferStatus(row["status"]),
        )


@strawberry.type(description="A need (需求) of a child or a division")
class Need:
    id: strawberry.ID
    division_code: str
    division_name: str
    child_id: strawberry.ID | None = strawberry.field(
        description="Only for civil affairs and the town's social worker"
    )
    for_child: bool
    kind: ResourceKind
    description: str
    source: NeedSource
    status: NeedStatus
    offer: Offer | None
    matched_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    close_note: str | None
    version: int
    raised_by: str
    raised_at: datetime.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Need:
        child = row.get("childId")
        offer = row.get("offer")
        return cls(
            id=strawberry.ID(row["id"]),
            division_code=row["divisionCode"],
            division_name=row["divisionName"],
            child_id=strawberry.ID(child) if child else None,
            for_child=row["forChild"],
            kind=ResourceKind(row["kind"]),
            description=row["description"],
            source=NeedSource(row["source"]),
            status=NeedStatus(row["status"]),
            offer=Offer.from_row(offer) if offer else None,
            matched_at=_stamp_or_none(row.get("matchedAt")),
            closed_at=_stamp_or_none(row.get("closedAt")),
            close_note=row.get("closeNote"),
            version=row["version"],
            raised_by=row["raisedBy"],
            raised_at=_stamp(row["raisedAt"]),
        )


@strawberry.input(description="raiseNeed: a need of a child, or of a division's children")
class NeedInput:
    division_code: str
    child_id: strawberry.ID | None = strawberry.UNSET
    kind: ResourceKind
    description: str


@strawberry.input(description="createOffer: what an organisation the caller acts for offers")
class OfferInput:
    organisation_id: strawberry.ID
    kind: ResourceKind
    description: str
    division_code: str = strawberry.field(description="Where it is offered; the district for all")
    quantity: int

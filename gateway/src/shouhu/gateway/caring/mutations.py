"""Mutations of caring families, donations, needs and offers."""

from __future__ import annotations

import strawberry

from shouhu.gateway.caring.types import (
    CaringFamily,
    CaringFamilyAssessmentInput,
    CaringFamilyInput,
    CaringFamilyLinkInput,
    CaringFamilyUnlinkInput,
    Donation,
    DonationInput,
    DonationUseInput,
    Need,
    NeedInput,
    Offer,
    OfferInput,
)
from shouhu.gateway.common import Ctx, operation_name, to_json
from shouhu.platform.errors import NotFound, ValidationFailed


async def _child_in_scope(info: Ctx, child_id: str) -> str:
    """The child's village, once the registry says the file exists and is the caller's (it
    checks, and logs the read)."""
    try:
        row = await info.context.registry.child(child_id, [], operation_name(info))
    except NotFound as exc:
        raise ValidationFailed("儿童档案不存在", fields={"childId": "儿童档案不存在"}) from exc
    village: str = row["residenceDivisionCode"]
    return village


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Register a caring family (爱心家庭), pending assessment")
    async def register_caring_family(self, info: Ctx, input: CaringFamilyInput) -> CaringFamily:
        row = await info.context.volunteers.register_caring_family(to_json(input))
        return CaringFamily.from_row(row)

    @strawberry.mutation(description="Civil affairs' assessment of a caring family (评估)")
    async def assess_caring_family(
        self, info: Ctx, id: strawberry.ID, version: int, input: CaringFamilyAssessmentInput
    ) -> CaringFamily:
        row = await info.context.volunteers.assess_caring_family(id, version, to_json(input))
        return CaringFamily.from_row(row)

    @strawberry.mutation(
        description="Link an approved caring family to a child; the child's plan shows it"
    )
    async def link_caring_family(
        self, info: Ctx, family_id: strawberry.ID, input: CaringFamilyLinkInput
    ) -> CaringFamily:
        await _child_in_scope(info, input.child_id)
        row = await info.context.volunteers.link_caring_family(family_id, to_json(input))
        return CaringFamily.from_row(row)

    @strawberry.mutation(description="End a caring family's care of a child")
    async def unlink_caring_family(
        self, info: Ctx, link_id: strawberry.ID, input: CaringFamilyUnlinkInput
    ) -> CaringFamily:
        row = await info.context.volunteers.unlink_caring_family(link_id, to_json(input))
        return CaringFamily.from_row(row)

    @strawberry.mutation(
        description="Record a donation (捐赠) for an organisation the caller acts for"
    )
    async def record_donation(self, info: Ctx, input: DonationInput) -> Donation:
        return Donation.from_row(await info.context.volunteers.record_donation(to_json(input)))

    @strawberry.mutation(description="Record a use of a donation; refused beyond what is left")
    async def record_donation_use(
        self, info: Ctx, donation_id: strawberry.ID, input: DonationUseInput
    ) -> Donation:
        row = await info.context.volunteers.record_donation_use(donation_id, to_json(input))
        return Donation.from_row(row)

    @strawberry.mutation(description="Raise a need (需求) of a child or a division")
    async def raise_need(self, info: Ctx, input: NeedInput) -> Need:
        if input.child_id:
            village = await _child_in_scope(info, input.child_id)
            if not village.startswith(input.division_code):
                said = "该儿童不在所填区划内"
                raise ValidationFailed(said, fields={"divisionCode": said})
        return Need.from_row(await info.context.volunteers.raise_need(to_json(input)))

    @strawberry.mutation(
        description="Offer a resource (资源) of an organisation the caller acts for"
    )
    async def create_offer(self, info: Ctx, input: OfferInput) -> Offer:
        return Offer.from_row(await info.context.volunteers.create_offer(to_json(input)))

    @strawberry.mutation(description="Match an open need with an offer that has units left")
    async def match_need(self, info: Ctx, need_id: strawberry.ID, offer_id: strawberry.ID) -> Need:
        return Need.from_row(await info.context.volunteers.match_need(need_id, offer_id))

    @strawberry.mutation(description="Close a need, met or withdrawn")
    async def close_need(self, info: Ctx, need_id: strawberry.ID, note: str) -> Need:
        row = await info.context.volunteers.close_need(need_id, {"note": note})
        return Need.from_row(row)

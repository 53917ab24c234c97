"""Queries of caring families, donations, needs and offers."""

from __future__ import annotations

import strawberry

from shouhu.gateway.benefits.types import ExportFormat
from shouhu.gateway.caring.types import (
    CaringFamily,
    CaringFamilyStatus,
    Donation,
    DonationSummary,
    Need,
    NeedStatus,
    Offer,
)
from shouhu.gateway.common import Ctx, ExportFile
from shouhu.platform.errors import NotFound


@strawberry.type
class Query:
    @strawberry.field(description="The caring families of a division within the caller's")
    async def caring_families(
        self, info: Ctx, division_code: str, status: CaringFamilyStatus | None = None
    ) -> list[CaringFamily]:
        rows = await info.context.volunteers.caring_families(
            division_code, status.value if status else None
        )
        return [CaringFamily.from_row(r) for r in rows]

    @strawberry.field(description="A caring family with its children's links")
    async def caring_family(self, info: Ctx, id: strawberry.ID) -> CaringFamily | None:
        try:
            return CaringFamily.from_row(await info.context.volunteers.caring_family(id))
        except NotFound:
            return None

    @strawberry.field(description="Donations the caller reads, newest first")
    async def donations(
        self, info: Ctx, organisation_id: strawberry.ID | None = None, first: int = 100
    ) -> list[Donation]:
        rows = await info.context.volunteers.donations(organisation_id, first)
        return [Donation.from_row(r) for r in rows]

    @strawberry.field(description="A donation with its uses")
    async def donation(self, info: Ctx, id: strawberry.ID) -> Donation | None:
        try:
            return Donation.from_row(await info.context.volunteers.donation(id))
        except NotFound:
            return None

    @strawberry.field(
        description="The public summary of a year's donations (公开透明): totals by designation "
        "and month, each gift and use, no child's identity"
    )
    async def donation_summary(self, info: Ctx, year: int) -> DonationSummary:
        return DonationSummary.from_row(await info.context.volunteers.donation_summary(year))

    @strawberry.field(description="A year's donations as CSV or XLSX, no child named")
    async def donations_export(self, info: Ctx, year: int, format: ExportFormat) -> ExportFile:
        return ExportFile.from_row(
            await info.context.volunteers.donations_export(year, format.value)
        )

    @strawberry.field(description="The needs of a division within the caller's, newest first")
    async def needs(
        self, info: Ctx, division_code: str, status: NeedStatus | None = None
    ) -> list[Need]:
        rows = await info.context.volunteers.needs(division_code, status.value if status else None)
        return [Need.from_row(r) for r in rows]

    @strawberry.field(description="Organisations' offers, or a division's, newest first")
    async def offers(
        self, info: Ctx, division_code: str | None = None, open_only: bool = False
    ) -> list[Offer]:
        rows = await info.context.volunteers.offers(division_code, open_only)
        return [Offer.from_row(r) for r in rows]

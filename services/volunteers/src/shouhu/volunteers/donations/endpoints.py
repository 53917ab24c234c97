"""HTTP routes of donations."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.openapi import attachment, download
from shouhu.platform.schemas import CSV, XLSX, ExportOut, Said
from shouhu.volunteers.donations import service
from shouhu.volunteers.donations.schemas import (
    DonationInput,
    DonationOut,
    DonationSummary,
    DonationUseInput,
)

router = APIRouter(tags=["donations"])

Year = Annotated[int, Query(ge=2000, le=2100), Said("年份应在2000至2100之间")]


@router.post(
    "/donations", response_model=DonationOut, response_model_by_alias=True, status_code=201
)
def record_donation(
    data: DonationInput, session: SessionDep, principal: PrincipalDep
) -> DonationOut:
    """Record a donation (捐赠) received by an organisation the caller acts for."""
    out = service.record(session, principal, data)
    commit(session)
    return out


@router.get("/donations", response_model=list[DonationOut], response_model_by_alias=True)
def donations(
    session: SessionDep,
    principal: PrincipalDep,
    organisation_id: Annotated[str | None, Query(alias="organisationId", max_length=36)] = None,
    first: Annotated[int, Query(ge=1, le=service.MAX_LIST), Said("条数应在1到500之间")] = 100,
) -> list[DonationOut]:
    """The donations the caller reads, newest first."""
    return service.listing(session, principal, organisation_id, first)


@router.get("/donations/summary", response_model=DonationSummary, response_model_by_alias=True)
def summary(year: Year, session: SessionDep, principal: PrincipalDep) -> DonationSummary:
    """The public summary of a year (公开透明), without any child's identity."""
    return service.summary(session, principal, year)


@router.get(
    "/donations/export.csv",
    response_class=Response,
    responses=download("text/csv", "The year's donations as CSV, UTF-8 with a BOM"),
)
def export_csv(year: Year, session: SessionDep, principal: PrincipalDep) -> Response:
    return attachment(service.export_csv(session, principal, year), f"donations-{year}.csv", CSV)


@router.get(
    "/donations/export.xlsx",
    response_class=Response,
    responses=download(XLSX, "The year's donations as a workbook"),
)
def export_xlsx(year: Year, session: SessionDep, principal: PrincipalDep) -> Response:
    content = service.export_xlsx(session, principal, year)
    return attachment(content, f"donations-{year}.xlsx", XLSX)


@router.get("/donations/export", response_model=ExportOut, response_model_by_alias=True)
def export(
    year: Year, format: Literal["csv", "xlsx"], session: SessionDep, principal: PrincipalDep
) -> ExportOut:
    """Either export wrapped in JSON (base64), as the gateway passes it on."""
    if format == "csv":
        content, media = service.export_csv(session, principal, year), CSV
    else:
        content, media = service.export_xlsx(session, principal, year), XLSX
    return ExportOut.of(f"donations-{year}.{format}", media, content)


@router.get("/donations/{donation_id}", response_model=DonationOut, response_model_by_alias=True)
def donation(donation_id: str, session: SessionDep, principal: PrincipalDep) -> DonationOut:
    return service.get(session, principal, donation_id)


@router.post(
    "/donations/{donation_id}/uses", response_model=DonationOut, response_model_by_alias=True
)
def record_use(
    donation_id: str, data: DonationUseInput, session: SessionDep, principal: PrincipalDep
) -> DonationOut:
    """Record a use of a donation; refused beyond what is left."""
    out = service.record_use(session, principal, donation_id, data)
    commit(session)
    return out

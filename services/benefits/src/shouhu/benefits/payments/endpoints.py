"""HTTP routes of the payment ledger."""

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from shouhu.benefits.payments import service
from shouhu.benefits.payments.schemas import (
    MONTH_PATTERN,
    PaymentBatchOut,
    PaymentLinePage,
    RunBatch,
)
from shouhu.benefits.rules.schema import ProgrammeCode
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.openapi import attachment, download
from shouhu.platform.schemas import (
    CSV,
    CURSOR_MAX_LENGTH,
    DIVISION_CODE,
    DIVISION_CODE_SAID,
    XLSX,
    ExportOut,
    Said,
)

router = APIRouter(tags=["payments"])

Month = Annotated[str, Path(pattern=MONTH_PATTERN), Said("月份格式应为 YYYY-MM，如 2026-11")]


@router.post(
    "/payment-batches",
    response_model=PaymentBatchOut,
    response_model_by_alias=True,
    status_code=201,
    responses={200: {"model": PaymentBatchOut, "description": "The month's batch, run before"}},
)
def run_batch(
    data: RunBatch, session: SessionDep, principal: PrincipalDep, response: Response
) -> PaymentBatchOut:
    """Compute and store the month's batch, or return it when it exists (201 / 200)."""
    batch, created = service.run_batch(session, principal, data.month)
    commit(session)
    response.status_code = 201 if created else 200
    return batch


@router.get("/payment-batches", response_model=list[PaymentBatchOut], response_model_by_alias=True)
def batches(
    session: SessionDep,
    principal: PrincipalDep,
    first: Annotated[
        int, Query(ge=1, le=service.MAX_BATCHES), Said(f"条数应在1到{service.MAX_BATCHES}之间")
    ] = 24,
) -> list[PaymentBatchOut]:
    return service.list_batches(session, principal, first)


@router.get(
    "/payment-batches/{month}", response_model=PaymentBatchOut, response_model_by_alias=True
)
def batch(month: Month, session: SessionDep, principal: PrincipalDep) -> PaymentBatchOut:
    return service.get_batch(session, principal, month)


@router.get(
    "/payment-batches/{month}/lines",
    response_model=PaymentLinePage,
    response_model_by_alias=True,
)
def lines(
    month: Month,
    session: SessionDep,
    principal: PrincipalDep,
    first: Annotated[
        int,
        Query(ge=1, le=service.MAX_PAGE),
        Said(f"每页条数应在1到{service.MAX_PAGE}之间"),
    ] = 50,
    after: Annotated[str | None, Query(max_length=CURSOR_MAX_LENGTH)] = None,
    division_code: Annotated[
        str | None, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ] = None,
    programme: ProgrammeCode | None = None,
    with_total: Annotated[bool, Query(alias="withTotal")] = False,
) -> PaymentLinePage:
    return service.lines(
        session,
        principal,
        month,
        first=first,
        after=after,
        division_code=division_code,
        programme=programme,
        with_total=with_total,
    )


@router.get(
    "/payment-batches/{month}/export.csv",
    response_class=Response,
    responses=download("text/csv", "The batch as CSV, UTF-8 with a BOM"),
)
def export_csv(month: Month, session: SessionDep, principal: PrincipalDep) -> Response:
    """The batch for the finance office as CSV (UTF-8 with BOM)."""
    return attachment(
        service.export_csv(session, principal, month), f"payment-batch-{month}.csv", CSV
    )


@router.get(
    "/payment-batches/{month}/export.xlsx",
    response_class=Response,
    responses=download(XLSX, "The batch as a workbook: details and totals"),
)
def export_xlsx(month: Month, session: SessionDep, principal: PrincipalDep) -> Response:
    """The batch for the finance office as a workbook (details and totals)."""
    return attachment(
        service.export_xlsx(session, principal, month), f"payment-batch-{month}.xlsx", XLSX
    )


@router.get(
    "/payment-batches/{month}/export", response_model=ExportOut, response_model_by_alias=True
)
def export(
    month: Month, format: Literal["csv", "xlsx"], session: SessionDep, principal: PrincipalDep
) -> ExportOut:
    """Either export wrapped in JSON (base64), as the gateway passes it on."""
    if format == "csv":
        content, media = service.export_csv(session, principal, month), CSV
    else:
        content, media = service.export_xlsx(session, principal, month), XLSX
    return ExportOut.of(f"payment-batch-{month}.{format}", media, content)

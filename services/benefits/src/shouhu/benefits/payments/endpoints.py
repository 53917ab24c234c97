"""HTTP routes of the payment ledger."""

import base64
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from shouhu.benefits.payments import service
from shouhu.benefits.payments.schemas import (
    ExportOut,
    PaymentBatchOut,
    PaymentLinePage,
    RunBatch,
)
from shouhu.benefits.rules.schema import ProgrammeCode
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit

router = APIRouter(tags=["payments"])

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.post("/payment-batches", response_model=PaymentBatchOut, response_model_by_alias=True)
def run_batch(
    data: RunBatch, session: SessionDep, principal: PrincipalDep, response: Response
) -> PaymentBatchOut:
    """Compute and store the month's batch, or return it when it exists (201 / 200)."""
    batch, created = service.run_batch(session, principal, data.month)
    commit(session)
    response.status_code = 201 if created else 200
    return batch


@router.get("/payment-batches", response_model=list[PaymentBatchOut], response_model_by_alias=True)
def batches(session: SessionDep, principal: PrincipalDep, first: int = 24) -> list[PaymentBatchOut]:
    return service.list_batches(session, principal, first)


@router.get(
    "/payment-batches/{month}", response_model=PaymentBatchOut, response_model_by_alias=True
)
def batch(month: str, session: SessionDep, principal: PrincipalDep) -> PaymentBatchOut:
    return service.get_batch(session, principal, month)


@router.get(
    "/payment-batches/{month}/lines",
    response_model=PaymentLinePage,
    response_model_by_alias=True,
)
def lines(
    month: str,
    session: SessionDep,
    principal: PrincipalDep,
    first: int = 50,
    after: str | None = None,
    division_code: Annotated[str | None, Query(alias="divisionCode")] = None,
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


@router.get("/payment-batches/{month}/export.csv", response_class=Response)
def export_csv(month: str, session: SessionDep, principal: PrincipalDep) -> Response:
    """The batch for the finance office as CSV (UTF-8 with BOM)."""
    return Response(
        service.export_csv(session, principal, month),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="payment-batch-{month}.csv"'},
    )


@router.get("/payment-batches/{month}/export.xlsx", response_class=Response)
def export_xlsx(month: str, session: SessionDep, principal: PrincipalDep) -> Response:
    """The batch for the finance office as a workbook (details and totals)."""
    return Response(
        service.export_xlsx(session, principal, month),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="payment-batch-{month}.xlsx"'},
    )


@router.get(
    "/payment-batches/{month}/export", response_model=ExportOut, response_model_by_alias=True
)
def export(
    month: str, format: Literal["csv", "xlsx"], session: SessionDep, principal: PrincipalDep
) -> ExportOut:
    """Either export wrapped in JSON (base64), as the gateway passes it on."""
    if format == "csv":
        content, media = service.export_csv(session, principal, month), "text/csv; charset=utf-8"
    else:
        content, media = service.export_xlsx(session, principal, month), XLSX
    return ExportOut(
        filename=f"payment-batch-{month}.{format}",
        media_type=media,
        content_base64=base64.b64encode(content).decode(),
    )

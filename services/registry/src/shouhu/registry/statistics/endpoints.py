"""HTTP routes of statistics."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep
from shouhu.platform.openapi import attachment, download
from shouhu.platform.schemas import XLSX, ExportOut, IsoDate
from shouhu.registry.statistics import service
from shouhu.registry.statistics.schemas import (
    CaseStatistics,
    DivisionStatistics,
    IntakeStatistics,
)

router = APIRouter(tags=["statistics"])


@router.get(
    "/statistics/{division_code}", response_model=DivisionStatistics, response_model_by_alias=True
)
def child_statistics(
    division_code: str,
    session: SessionDep,
    principal: PrincipalDep,
    as_of: IsoDate | None = None,
) -> DivisionStatistics:
    return service.statistics(session, principal, division_code, as_of)


From = Annotated[IsoDate, Query(alias="from")]
To = Annotated[IsoDate, Query(alias="to")]


@router.get("/intake-statistics", response_model=IntakeStatistics, response_model_by_alias=True)
def intake_statistics(
    session: SessionDep, principal: PrincipalDep, start: From, end: To
) -> IntakeStatistics:
    """The single window's figures by town and department over a period (督查考核)."""
    return service.intake_statistics(session, principal, start, end)


def _workbook_name(start: object, end: object, of: str = "intake") -> str:
    return f"{of}-statistics-{start}-{end}.xlsx"


@router.get(
    "/intake-statistics.xlsx",
    response_class=Response,
    responses=download(XLSX, "The figures as a workbook: by town, by department"),
)
def intake_statistics_xlsx(
    session: SessionDep, principal: PrincipalDep, start: From, end: To
) -> Response:
    """The same figures as a workbook."""
    content = service.intake_statistics_workbook(session, principal, start, end)
    return attachment(content, _workbook_name(start, end), XLSX)


@router.get("/intake-statistics/export", response_model=ExportOut, response_model_by_alias=True)
def intake_statistics_export(
    session: SessionDep, principal: PrincipalDep, start: From, end: To
) -> ExportOut:
    """The workbook wrapped in JSON (base64), as the gateway passes it on."""
    content = service.intake_statistics_workbook(session, principal, start, end)
    return ExportOut.of(_workbook_name(start, end), XLSX, content)


@router.get("/case-statistics", response_model=CaseStatistics, response_model_by_alias=True)
def case_statistics(
    session: SessionDep, principal: PrincipalDep, start: From, end: To
) -> CaseStatistics:
    """The protection cases' clocks (追责) over a period: the whole, by town, by reporter."""
    return service.case_statistics(session, principal, start, end)


@router.get(
    "/case-statistics.xlsx",
    response_class=Response,
    responses=download(XLSX, "The figures as a workbook: by town, by reporter"),
)
def case_statistics_xlsx(
    session: SessionDep, principal: PrincipalDep, start: From, end: To
) -> Response:
    """The same figures as a workbook."""
    content = service.case_statistics_workbook(session, principal, start, end)
    return attachment(content, _workbook_name(start, end, "case"), XLSX)


@router.get("/case-statistics/export", response_model=ExportOut, response_model_by_alias=True)
def case_statistics_export(
    session: SessionDep, principal: PrincipalDep, start: From, end: To
) -> ExportOut:
    """The workbook wrapped in JSON (base64), as the gateway passes it on."""
    content = service.case_statistics_workbook(session, principal, start, end)
    return ExportOut.of(_workbook_name(start, end, "case"), XLSX, content)

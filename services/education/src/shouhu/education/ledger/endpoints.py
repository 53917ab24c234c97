"""HTTP routes of the semester ledger, in the shape of benefits' payment batches."""

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from shouhu.education.aid.rules import AidProgramme
from shouhu.education.ledger import service
from shouhu.education.ledger.schemas import (
    SEMESTER_PATTERN,
    SEMESTER_SAID,
    AidLinePage,
    AidSemesterOut,
    RunSemester,
)
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

router = APIRouter(tags=["aid-ledger"])

SemesterCode = Annotated[str, Path(pattern=SEMESTER_PATTERN), Said(SEMESTER_SAID)]


@router.post(
    "/aid/semesters",
    response_model=AidSemesterOut,
    response_model_by_alias=True,
    status_code=201,
    responses={200: {"model": AidSemesterOut, "description": "The semester's ledger, run before"}},
)
def run_semester(
    data: RunSemester, session: SessionDep, principal: PrincipalDep, response: Response
) -> AidSemesterOut:
    """Compute and store the semester's ledger, or return it when it exists (201 / 200)."""
    out, created = service.run(session, principal, data.semester)
    commit(session)
    response.status_code = 201 if created else 200
    return out


@router.get("/aid/semesters", response_model=list[AidSemesterOut], response_model_by_alias=True)
def semesters(
    session: SessionDep,
    principal: PrincipalDep,
    first: Annotated[
        int,
        Query(ge=1, le=service.MAX_SEMESTERS),
        Said(f"条数应在1到{service.MAX_SEMESTERS}之间"),
    ] = 10,
) -> list[AidSemesterOut]:
    return service.many(session, principal, first)


@router.get(
    "/aid/semesters/{semester}", response_model=AidSemesterOut, response_model_by_alias=True
)
def semester(
    semester: SemesterCode, session: SessionDep, principal: PrincipalDep
) -> AidSemesterOut:
    return service.get(session, principal, semester)


@router.get(
    "/aid/semesters/{semester}/lines", response_model=AidLinePage, response_model_by_alias=True
)
def lines(
    semester: SemesterCode,
    session: SessionDep,
    principal: PrincipalDep,
    first: Annotated[
        int, Query(ge=1, le=service.MAX_PAGE), Said(f"每页条数应在1到{service.MAX_PAGE}之间")
    ] = 50,
    after: Annotated[str | None, Query(max_length=CURSOR_MAX_LENGTH)] = None,
    division_code: Annotated[
        str | None, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ] = None,
    programme: AidProgramme | None = None,
    with_total: Annotated[bool, Query(alias="withTotal")] = False,
) -> AidLinePage:
    return service.lines(
        session,
        principal,
        semester,
        first=first,
        after=after,
        division_code=division_code,
        programme=programme,
        with_total=with_total,
    )


@router.get(
    "/aid/semesters/{semester}/export.csv",
    response_class=Response,
    responses=download("text/csv", "The semester's ledger as CSV, UTF-8 with a BOM"),
)
def export_csv(semester: SemesterCode, session: SessionDep, principal: PrincipalDep) -> Response:
    return attachment(service.export_csv(session, principal, semester), f"aid-{semester}.csv", CSV)


@router.get(
    "/aid/semesters/{semester}/export.xlsx",
    response_class=Response,
    responses=download(XLSX, "The semester's ledger as a workbook: details and totals"),
)
def export_xlsx(semester: SemesterCode, session: SessionDep, principal: PrincipalDep) -> Response:
    return attachment(
        service.export_xlsx(session, principal, semester), f"aid-{semester}.xlsx", XLSX
    )


@router.get(
    "/aid/semesters/{semester}/export", response_model=ExportOut, response_model_by_alias=True
)
def export(
    semester: SemesterCode,
    format: Literal["csv", "xlsx"],
    session: SessionDep,
    principal: PrincipalDep,
) -> ExportOut:
    """Either export wrapped in JSON (base64), as the gateway passes it on."""
    if format == "csv":
        content = service.export_csv(session, principal, semester)
        media = CSV
    else:
        content, media = service.export_xlsx(session, principal, semester), XLSX
    return ExportOut.of(f"aid-{semester}.{format}", media, content)

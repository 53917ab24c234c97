"""HTTP routes of the roster import."""

from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import Response
from pydantic import TypeAdapter, ValidationError

from shouhu.education.rosters import rows, service
from shouhu.education.rosters.schemas import ImportMode, RosterIdentities, RosterReport
from shouhu.education.schools.schemas import SchoolCode
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.errors import ValidationFailed
from shouhu.platform.openapi import attachment, download
from shouhu.platform.schemas import XLSX
from shouhu.platform.spreadsheets import csv_chunks, workbook

router = APIRouter(tags=["rosters"])
MATCHES = TypeAdapter(dict[str, str])
BAD_MATCHES = "matches 应为身份证号到儿童编号的 JSON 对象"


@router.post("/rosters/identities", response_model=RosterIdentities, response_model_by_alias=True)
def roster_identities(
    school_code: Annotated[SchoolCode, Form(alias="schoolCode")],
    file: Annotated[UploadFile, File(description="The roster, XLSX or CSV")],
    session: SessionDep,
    principal: PrincipalDep,
) -> RosterIdentities:
    """The roster's well-formed distinct identity numbers, for the registry to match (the
    gateway's first step); nothing is written, nothing kept."""
    return service.identities(session, principal, school_code, file.file)


@router.post("/rosters", response_model=RosterReport, response_model_by_alias=True)
def import_roster(
    school_code: Annotated[SchoolCode, Form(alias="schoolCode")],
    file: Annotated[UploadFile, File(description="The roster, XLSX or CSV")],
    # A file part, not a field: 50,000 matches are some 3 MB, over a form field's limit.
    matches: Annotated[
        UploadFile,
        File(description="JSON object: identity number → child id, as the registry matched"),
    ],
    session: SessionDep,
    principal: PrincipalDep,
    mode: Annotated[ImportMode, Form(description="ALL_OR_NOTHING or VALID_ROWS")] = (
        ImportMode.ALL_OR_NOTHING
    ),
) -> RosterReport:
    """Import a school's roster (花名册): each matched row an enrolment at the school; once per
    file and school."""
    try:
        matched = MATCHES.validate_json(matches.file.read())
    except ValidationError as exc:
        raise ValidationFailed(BAD_MATCHES, fields={"matches": BAD_MATCHES}) from exc
    report = service.import_roster(
        session, principal, school_code, file.file, file.filename or "", mode, matched
    )
    commit(session)
    return report


@router.get(
    "/rosters/template.xlsx",
    response_class=Response,
    responses=download(XLSX, "The blank roster, a workbook"),
)
def xlsx_template() -> Response:
    """The blank roster (its headers, required ones marked *); no personal data, no token."""
    body = workbook([(rows.SHEET, rows.template_header(), [])])
    return _download(body, XLSX, "xlsx")


@router.get(
    "/rosters/template.csv",
    response_class=Response,
    responses=download("text/csv", "The blank roster, CSV in UTF-8 with a BOM"),
)
def csv_template() -> Response:
    """The blank roster as CSV, UTF-8 with a BOM so that Excel opens it in Chinese."""
    body = b"".join(csv_chunks(rows.template_header(), []))
    return _download(body, "text/csv; charset=utf-8", "csv")


def _download(body: bytes, media_type: str, kind: str) -> Response:
    return attachment(body, f"roster-template.{kind}", media_type, rows.TEMPLATE_NAME)

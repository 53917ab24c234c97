"""HTTP routes of ledger."""

from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import Response

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.platform.openapi import attachment, download
from shouhu.platform.schemas import XLSX
from shouhu.registry.ledger import service, template
from shouhu.registry.ledger.schemas import ImportMode, ImportReport

router = APIRouter(tags=["ledger"])


@router.post("/imports", response_model=ImportReport, response_model_by_alias=True)
def import_ledger(
    file: Annotated[UploadFile, File(description="The ledger, XLSX or CSV")],
    mode: Annotated[ImportMode, Form(description="ALL_OR_NOTHING or VALID_ROWS")],
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> ImportReport:
    report = service.import_ledger(session, principal, file.file, file.filename or "", mode, keys)
    commit(session)
    return report


@router.get(
    "/imports/template.xlsx",
    response_class=Response,
    responses=download(XLSX, "The blank template, a workbook"),
)
def xlsx_template() -> Response:
    """The blank template; no personal data, so no token needed (a browser link downloads it)."""
    return _download(template.XLSX_NAME, XLSX)


@router.get(
    "/imports/template.csv",
    response_class=Response,
    responses=download("text/csv", "The blank template, CSV in UTF-8 with a BOM"),
)
def csv_template() -> Response:
    """The blank template as CSV, UTF-8 with a BOM so that Excel opens it in Chinese."""
    return _download(template.CSV_NAME, "text/csv; charset=utf-8")


def _download(name: str, media_type: str) -> Response:
    body = template.shipped(name).read_bytes()
    return attachment(body, name, media_type, template.DOWNLOAD_TITLE)

"""HTTP routes of the roster import of volunteers."""

from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import Response

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.platform.openapi import attachment, download
from shouhu.platform.schemas import XLSX
from shouhu.platform.spreadsheets import workbook
from shouhu.volunteers.roster import rows, service
from shouhu.volunteers.roster.schemas import ImportMode, VolunteerRosterReport

router = APIRouter(tags=["volunteers"])


@router.post(
    "/volunteers/roster", response_model=VolunteerRosterReport, response_model_by_alias=True
)
def import_volunteers(
    file: Annotated[UploadFile, File(description="The roster of volunteers, XLSX or CSV")],
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
    mode: Annotated[ImportMode, Form(description="ALL_OR_NOTHING or VALID_ROWS")] = (
        ImportMode.ALL_OR_NOTHING
    ),
    organisation_id: Annotated[str | None, Form(alias="organisationId", max_length=36)] = None,
) -> VolunteerRosterReport:
    """Import a roster of volunteers (志愿者名册): each good row a volunteer with an account."""
    report = service.import_volunteers(
        session, principal, keys, file.file, file.filename or "", mode, organisation_id
    )
    commit(session)
    return report


@router.get(
    "/volunteers/roster/template.xlsx",
    response_class=Response,
    responses=download(XLSX, "The blank roster of volunteers, a workbook"),
)
def roster_template() -> Response:
    """The blank roster (its headers, required ones marked *)."""
    body = workbook([(rows.SHEET, rows.template_header(), [])])
    return attachment(body, "volunteer-roster-template.xlsx", XLSX, rows.TEMPLATE_TITLE)

"""HTTP routes of protection cases: reports, their steps and attachments, interventions."""

from typing import Annotated

from fastapi import APIRouter, File, Query, Request, UploadFile

from shouhu.platform.auth import OperationDep, PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.platform.schemas import (
    DIVISION_CODE,
    DIVISION_CODE_SAID,
    ExportOut,
    Said,
)
from shouhu.registry.cases import service
from shouhu.registry.cases.schemas import (
    Assessment,
    AttachmentOut,
    CloseIntervention,
    CloseMissingAlert,
    CloseReport,
    FileReport,
    InterventionOut,
    NotifyTown,
    OpenIntervention,
    RecordCourtDecision,
    RecordPetition,
    RecordResponse,
    ReportKind,
    ReportOut,
    ReportPage,
    ReportStatus,
)
from shouhu.registry.children import service as children
from shouhu.registry.pages import After, First
from shouhu.registry.settings import RegistrySettings

router = APIRouter(tags=["cases"])


def _settings(request: Request) -> RegistrySettings:
    settings: RegistrySettings = request.app.state.settings
    return settings


@router.post("/reports", status_code=201, response_model=ReportOut, response_model_by_alias=True)
def file_report(
    data: FileReport,
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    operation: OperationDep,
) -> ReportOut:
    """File a mandatory report (强制报告); the answer is the reporter's receipt."""
    prefix = _settings(request).case_number_prefix
    out = service.file_report(session, principal, data, prefix=prefix, operation=operation)
    commit(session)
    return out


@router.get("/reports", response_model=ReportPage, response_model_by_alias=True)
def reports(
    session: SessionDep,
    principal: PrincipalDep,
    operation: OperationDep,
    status: ReportStatus | None = None,
    kind: ReportKind | None = None,
    division_code: Annotated[
        str | None, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ] = None,
    child_id: Annotated[str | None, Query(alias="childId", max_length=64)] = None,
    urgent: bool | None = None,
    first: First = 20,
    after: After = None,
) -> ReportPage:
    page = service.list_reports(
        session,
        principal,
        status=status,
        kind=kind,
        division_code=division_code,
        child_id=child_id,
        first=first,
        after=after,
        operation=operation,
        urgent=urgent,
    )
    commit(session)  # the reads' log entries
    return page


@router.get("/reports/{report_id}", response_model=ReportOut, response_model_by_alias=True)
def report(
    report_id: str, session: SessionDep, principal: PrincipalDep, operation: OperationDep
) -> ReportOut:
    out = service.get_report(session, principal, report_id, operation=operation)
    commit(session)
    return out


@router.post("/reports/{report_id}/accept", response_model=ReportOut, response_model_by_alias=True)
def accept_report(
    report_id: str, session: SessionDep, principal: PrincipalDep, operation: OperationDep
) -> ReportOut:
    out = service.accept(session, principal, report_id, operation=operation)
    commit(session)
    return out


@router.post(
    "/reports/{report_id}/responses", response_model=ReportOut, response_model_by_alias=True
)
def record_response(
    report_id: str,
    data: RecordResponse,
    session: SessionDep,
    principal: PrincipalDep,
    operation: OperationDep,
) -> ReportOut:
    out = service.record_response(session, principal, report_id, data, operation=operation)
    commit(session)
    return out


@router.post(
    "/reports/{report_id}/missing-alert/close",
    response_model=ReportOut,
    response_model_by_alias=True,
)
def close_missing_alert(
    report_id: str,
    data: CloseMissingAlert,
    session: SessionDep,
    principal: PrincipalDep,
    operation: OperationDep,
) -> ReportOut:
    out = service.close_missing_alert(session, principal, report_id, data.note, operation=operation)
    commit(session)
    return out


@router.post(
    "/reports/{report_id}/notify-town", response_model=ReportOut, response_model_by_alias=True
)
def notify_town(
    report_id: str,
    data: NotifyTown,
    session: SessionDep,
    principal: PrincipalDep,
    operation: OperationDep,
) -> ReportOut:
    out = service.notify_town(session, principal, report_id, data.note, operation=operation)
    commit(session)
    return out


@router.post(
    "/reports/{report_id}/assessment", response_model=ReportOut, response_model_by_alias=True
)
def record_assessment(
    report_id: str,
    data: Assessment,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
    operation: OperationDep,
) -> ReportOut:
    outcome = service.record_assessment(
        session, principal, report_id, data, keys, operation=operation
    )
    commit(session)  # a duplicate's count and transfer request land, the assessment does not
    return children.opened(outcome, "；审核后请选择已有档案（childId）重新评估")


@router.post("/reports/{report_id}/close", response_model=ReportOut, response_model_by_alias=True)
def close_report(
    report_id: str,
    data: CloseReport,
    session: SessionDep,
    principal: PrincipalDep,
    operation: OperationDep,
) -> ReportOut:
    out = service.close_report(session, principal, report_id, data.outcome, operation=operation)
    commit(session)
    return out


@router.post(
    "/reports/{report_id}/attachments",
    response_model=AttachmentOut,
    response_model_by_alias=True,
    status_code=201,
)
def add_attachment(
    report_id: str,
    file: Annotated[UploadFile, File(description="A photo (JPEG, PNG) or a document (PDF)")],
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
) -> AttachmentOut:
    """File a photo or document with the report; its type is told by its content."""
    settings = _settings(request)
    # One byte past the cap is enough to refuse it; the rest is never read.
    content = file.file.read(settings.case_attachment_max_bytes + 1)
    out = service.add_attachment(
        session,
        principal,
        report_id,
        file.filename or "",
        content,
        max_bytes=settings.case_attachment_max_bytes,
        max_count=settings.case_attachments_per_report,
    )
    commit(session)
    return out


@router.get(
    "/reports/{report_id}/attachments/{attachment_id}",
    response_model=ExportOut,
    response_model_by_alias=True,
)
def attachment(
    report_id: str,
    attachment_id: str,
    session: SessionDep,
    principal: PrincipalDep,
    operation: OperationDep,
) -> ExportOut:
    """An attachment's content (base64), for those who see the case's detail."""
    out = service.attachment_content(
        session, principal, report_id, attachment_id, operation=operation
    )
    commit(session)
    return out


@router.post(
    "/children/{child_id}/interventions",
    status_code=201,
    response_model=InterventionOut,
    response_model_by_alias=True,
)
def open_intervention(
    child_id: str, data: OpenIntervention, session: SessionDep, principal: PrincipalDep
) -> InterventionOut:
    out = service.open_intervention(session, principal, child_id, data)
    commit(session)
    return out


@router.get(
    "/children/{child_id}/interventions",
    response_model=list[InterventionOut],
    response_model_by_alias=True,
)
def interventions(
    child_id: str, session: SessionDep, principal: PrincipalDep, operation: OperationDep
) -> list[InterventionOut]:
    out = service.interventions(session, principal, child_id, operation=operation)
    commit(session)
    return out


@router.post(
    "/interventions/{intervention_id}/close",
    response_model=InterventionOut,
    response_model_by_alias=True,
)
def close_intervention(
    intervention_id: str, data: CloseIntervention, session: SessionDep, principal: PrincipalDep
) -> InterventionOut:
    out = service.close_intervention(session, principal, intervention_id, data)
    commit(session)
    return out


@router.post(
    "/interventions/{intervention_id}/petition",
    response_model=InterventionOut,
    response_model_by_alias=True,
)
def record_petition(
    intervention_id: str, data: RecordPetition, session: SessionDep, principal: PrincipalDep
) -> InterventionOut:
    out = service.record_petition(session, principal, intervention_id, data)
    commit(session)
    return out


@router.post(
    "/interventions/{intervention_id}/court-decision",
    response_model=InterventionOut,
    response_model_by_alias=True,
)
def record_court_decision(
    intervention_id: str, data: RecordCourtDecision, session: SessionDep, principal: PrincipalDep
) -> InterventionOut:
    out = service.record_court_decision(session, principal, intervention_id, data)
    commit(session)
    return out

"""HTTP routes of the single window: applications and the departments' board."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from shouhu.platform.app import json_answer
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.platform.openapi import download
from shouhu.platform.schemas import (
    DIVISION_CODE,
    DIVISION_CODE_SAID,
    PDF,
    ExportOut,
    Said,
)
from shouhu.registry.children import service as children
from shouhu.registry.intakes import service
from shouhu.registry.intakes.schemas import (
    CompleteTask,
    DeclineTask,
    DepartmentTaskOut,
    DepartmentTaskPage,
    IntakeGuideOut,
    IntakeOut,
    IntakePage,
    IntakeStatus,
    RecordMaterials,
    RequestMaterials,
    SubmitIntake,
    TaskDepartment,
    TaskStatus,
    WithdrawIntake,
)
from shouhu.registry.pages import After, First
from shouhu.registry.settings import RegistrySettings

router = APIRouter(tags=["intakes"])


@router.post("/intakes", response_model=IntakeOut, response_model_by_alias=True, status_code=201)
def submit_intake(
    data: SubmitIntake,
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> Response:
    settings: RegistrySettings = request.app.state.settings
    outcome = service.submit(session, principal, data, keys, prefix=settings.intake_receipt_prefix)
    commit(session)  # a duplicate's count and transfer request land, the application does not
    return json_answer(children.opened(outcome, "；审核后请选择已有档案重新受理").out(), 201)


@router.get("/intakes", response_model=IntakePage, response_model_by_alias=True)
def intakes(
    session: SessionDep,
    principal: PrincipalDep,
    status: IntakeStatus | None = None,
    division_code: Annotated[
        str | None, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ] = None,
    child_id: Annotated[str | None, Query(alias="childId", max_length=64)] = None,
    first: First = 20,
    after: After = None,
) -> IntakePage:
    return service.list_intakes(
        session,
        principal,
        status=status,
        division_code=division_code,
        child_id=child_id,
        first=first,
        after=after,
    )


@router.get("/intakes/{intake_id}", response_model=IntakeOut, response_model_by_alias=True)
def intake(intake_id: str, session: SessionDep, principal: PrincipalDep) -> IntakeOut:
    return service.get_intake(session, principal, intake_id)


def _receipt(
    request: Request, intake_id: str, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> tuple[str, bytes]:
    settings: RegistrySettings = request.app.state.settings
    return service.receipt(session, principal, intake_id, keys, settings.intake_window_phone)


@router.get(
    "/intakes/{intake_id}/receipt.pdf",
    response_class=Response,
    responses=download(PDF, "The printable receipt (受理回执), A4, in Chinese"),
)
def receipt_pdf(
    intake_id: str, request: Request, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> Response:
    """The receipt to print for the family."""
    name, content = _receipt(request, intake_id, session, principal, keys)
    disposition = f'inline; filename="{name}"'
    return Response(content, media_type=PDF, headers={"Content-Disposition": disposition})


@router.get("/intakes/{intake_id}/receipt", response_model=ExportOut, response_model_by_alias=True)
def receipt(
    intake_id: str, request: Request, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> ExportOut:
    """The receipt wrapped in JSON (base64), as the gateway passes it on."""
    name, content = _receipt(request, intake_id, session, principal, keys)
    return ExportOut.of(name, PDF, content)


@router.post(
    "/intakes/{intake_id}/withdraw", response_model=IntakeOut, response_model_by_alias=True
)
def withdraw_intake(
    intake_id: str, data: WithdrawIntake, session: SessionDep, principal: PrincipalDep
) -> IntakeOut:
    out = service.withdraw(session, principal, intake_id, data.reason)
    commit(session)
    return out


@router.get("/department-tasks", response_model=DepartmentTaskPage, response_model_by_alias=True)
def department_tasks(
    session: SessionDep,
    principal: PrincipalDep,
    department: TaskDepartment | None = None,
    status: TaskStatus | None = None,
    overdue: bool | None = None,
    town: Annotated[
        str | None, Query(alias="townCode", pattern=r"^\d{9}$"), Said("镇街代码应为9位数字")
    ] = None,
    first: First = 20,
    after: After = None,
) -> Response:
    # Polled by every department's screen: the page serialised once, no second validation.
    page = service.board(
        session,
        principal,
        department=department,
        status=status,
        overdue=overdue,
        first=first,
        after=after,
        town=town,
    )
    return json_answer(page)


@router.post(
    "/department-tasks/{task_id}/accept",
    response_model=DepartmentTaskOut,
    response_model_by_alias=True,
)
def accept_task(task_id: str, session: SessionDep, principal: PrincipalDep) -> DepartmentTaskOut:
    task = service.accept(session, principal, task_id)
    commit(session)
    return task


@router.post(
    "/department-tasks/{task_id}/request-materials",
    response_model=DepartmentTaskOut,
    response_model_by_alias=True,
)
def request_materials(
    task_id: str, data: RequestMaterials, session: SessionDep, principal: PrincipalDep
) -> DepartmentTaskOut:
    task = service.request_materials(session, principal, task_id, data.note, data.materials)
    commit(session)
    return task


@router.post(
    "/department-tasks/{task_id}/materials",
    response_model=DepartmentTaskOut,
    response_model_by_alias=True,
)
def record_materials(
    task_id: str, data: RecordMaterials, session: SessionDep, principal: PrincipalDep
) -> DepartmentTaskOut:
    task = service.record_materials(session, principal, task_id, data.materials)
    commit(session)
    return task


@router.post(
    "/department-tasks/{task_id}/complete",
    response_model=DepartmentTaskOut,
    response_model_by_alias=True,
)
def complete_task(
    task_id: str, data: CompleteTask, session: SessionDep, principal: PrincipalDep
) -> DepartmentTaskOut:
    task = service.complete(session, principal, task_id, data.outcome)
    commit(session)
    return task


@router.post(
    "/department-tasks/{task_id}/decline",
    response_model=DepartmentTaskOut,
    response_model_by_alias=True,
)
def decline_task(
    task_id: str, data: DeclineTask, session: SessionDep, principal: PrincipalDep
) -> DepartmentTaskOut:
    task = service.decline(session, principal, task_id, data.reason)
    commit(session)
    return task


@router.get("/intake-guide", response_model=IntakeGuideOut, response_model_by_alias=True)
def intake_guide(principal: PrincipalDep) -> IntakeGuideOut:
    """The window's guide: each need's departments, deadlines from today, and materials."""
    del principal  # anyone signed in
    return service.guide()

"""HTTP routes of enrolments and of a child's education."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.education.enrolments import service
from shouhu.education.enrolments.schemas import (
    MAX_PAGE,
    ChildEducationOut,
    DayInput,
    EducationRequest,
    EndInput,
    EnrolmentInput,
    EnrolmentOut,
    SchoolPupilPage,
)
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, SnapshotDep, commit
from shouhu.platform.schemas import CURSOR_MAX_LENGTH, Said

router = APIRouter(tags=["enrolments"])


@router.get(
    "/children/{child_id}/education",
    response_model=ChildEducationOut,
    response_model_by_alias=True,
)
def child_education(
    child_id: str, session: SnapshotDep, principal: PrincipalDep
) -> ChildEducationOut:
    return service.child_education(session, principal, child_id)


@router.post(
    "/children/education", response_model=list[ChildEducationOut], response_model_by_alias=True
)
def many_education(
    request: EducationRequest, session: SnapshotDep, principal: PrincipalDep
) -> list[ChildEducationOut]:
    """Several children at once; those out of reach or unknown are left out."""
    return service.many_education(session, principal, request.child_ids)


@router.post(
    "/children/{child_id}/enrolments",
    response_model=EnrolmentOut,
    response_model_by_alias=True,
    status_code=201,
)
def record_enrolment(
    child_id: str, data: EnrolmentInput, session: SessionDep, principal: PrincipalDep
) -> EnrolmentOut:
    """Record an enrolment (登记学籍) of a child with none open."""
    out = service.record(session, principal, child_id, data)
    commit(session)
    return out


@router.get("/enrolments/{enrolment_id}", response_model=EnrolmentOut, response_model_by_alias=True)
def enrolment(enrolment_id: str, session: SessionDep, principal: PrincipalDep) -> EnrolmentOut:
    return service.enrolment(session, principal, enrolment_id)


@router.post(
    "/enrolments/{enrolment_id}/end", response_model=EnrolmentOut, response_model_by_alias=True
)
def end_enrolment(
    enrolment_id: str, data: EndInput, session: SessionDep, principal: PrincipalDep
) -> EnrolmentOut:
    out = service.end(session, principal, enrolment_id, data)
    commit(session)
    return out


@router.post(
    "/enrolments/{enrolment_id}/transfer",
    response_model=EnrolmentOut,
    response_model_by_alias=True,
    status_code=201,
)
def transfer_enrolment(
    enrolment_id: str, data: EnrolmentInput, session: SessionDep, principal: PrincipalDep
) -> EnrolmentOut:
    """A transfer within the district (转学): the new enrolment."""
    out = service.transfer(session, principal, enrolment_id, data)
    commit(session)
    return out


@router.post(
    "/enrolments/{enrolment_id}/suspend",
    response_model=EnrolmentOut,
    response_model_by_alias=True,
)
def suspend_enrolment(
    enrolment_id: str, data: DayInput, session: SessionDep, principal: PrincipalDep
) -> EnrolmentOut:
    """Suspend schooling (休学)."""
    out = service.suspend(session, principal, enrolment_id, data)
    commit(session)
    return out


@router.post(
    "/enrolments/{enrolment_id}/resume",
    response_model=EnrolmentOut,
    response_model_by_alias=True,
)
def resume_enrolment(
    enrolment_id: str, data: DayInput, session: SessionDep, principal: PrincipalDep
) -> EnrolmentOut:
    """Resume schooling (复学)."""
    out = service.resume(session, principal, enrolment_id, data)
    commit(session)
    return out


@router.get(
    "/schools/{school_code}/pupils", response_model=SchoolPupilPage, response_model_by_alias=True
)
def school_pupils(
    school_code: str,
    session: SnapshotDep,
    principal: PrincipalDep,
    first: Annotated[int, Query(ge=1, le=MAX_PAGE), Said(f"每页条数应在1到{MAX_PAGE}之间")] = 20,
    after: Annotated[str | None, Query(max_length=CURSOR_MAX_LENGTH)] = None,
) -> SchoolPupilPage:
    """A school's children with an open enrolment (本校学生), the latest enrolled first."""
    return service.pupils(session, principal, school_code, first, after)

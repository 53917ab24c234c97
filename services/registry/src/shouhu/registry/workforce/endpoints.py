"""HTTP routes of the workforce."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, DivisionCode, Said
from shouhu.registry.workforce import service
from shouhu.registry.workforce.schemas import (
    AssignWorker,
    CoverageOut,
    EndAssignment,
    WorkforceMemberOut,
)

router = APIRouter(tags=["workforce"])


@router.get(
    "/divisions/{code}/workforce",
    response_model=list[WorkforceMemberOut],
    response_model_by_alias=True,
)
def division_workforce(
    code: str,
    session: SessionDep,
    principal: PrincipalDep,
    include_ended: Annotated[bool, Query(alias="includeEnded")] = False,
) -> list[WorkforceMemberOut]:
    return service.roster(session, principal, code, include_ended=include_ended)


@router.get("/workforce", response_model=list[WorkforceMemberOut], response_model_by_alias=True)
def workforce_of_divisions(
    session: SessionDep,
    principal: PrincipalDep,
    division_codes: Annotated[
        list[DivisionCode] | None,
        Query(alias="divisionCodes", max_length=service.MAX_DIVISIONS),
        Said(f"一次最多查询{service.MAX_DIVISIONS}个区划"),
    ] = None,
    include_ended: Annotated[bool, Query(alias="includeEnded")] = False,
) -> list[WorkforceMemberOut]:
    """The workforce of many divisions at once, for the gateway's DataLoader.

    Divisions outside the caller's line, or unknown, are left out.
    """
    return service.rosters(session, principal, division_codes or [], include_ended=include_ended)


@router.post(
    "/divisions/{code}/workforce",
    response_model=WorkforceMemberOut,
    response_model_by_alias=True,
    status_code=201,
)
def assign_worker(
    code: str, data: AssignWorker, session: SessionDep, principal: PrincipalDep
) -> WorkforceMemberOut:
    member = service.assign(session, principal, code, data)
    commit(session)
    return member


@router.post(
    "/workforce/{member_id}/end", response_model=WorkforceMemberOut, response_model_by_alias=True
)
def end_assignment(
    member_id: str, session: SessionDep, principal: PrincipalDep, data: EndAssignment | None = None
) -> WorkforceMemberOut:
    member = service.end(session, principal, member_id, data or EndAssignment())
    commit(session)
    return member


@router.get("/workforce/coverage", response_model=CoverageOut, response_model_by_alias=True)
def workforce_coverage(
    session: SessionDep,
    principal: PrincipalDep,
    division_code: Annotated[
        str | None, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ] = None,
) -> CoverageOut:
    return service.coverage(session, principal, division_code)

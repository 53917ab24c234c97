"""HTTP routes of visits and of the visit policy."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import OperationDep, PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.platform.schemas import (
    CURSOR_MAX_LENGTH,
    DIVISION_CODE,
    DIVISION_CODE_SAID,
    Said,
)
from shouhu.registry.classifications.taxonomy import PrimaryCategory
from shouhu.registry.visits import service
from shouhu.registry.visits.overdue import OverduePage
from shouhu.registry.visits.schemas import (
    RecordVisit,
    SetVisitInterval,
    VisitIntervalOut,
    VisitOut,
)

router = APIRouter(tags=["visits"])


@router.get(
    "/children/{child_id}/visits", response_model=list[VisitOut], response_model_by_alias=True
)
def child_visits(
    child_id: str, session: SessionDep, principal: PrincipalDep, operation: OperationDep
) -> list[VisitOut]:
    visits = service.list_visits(session, principal, child_id, operation=operation)
    commit(session)
    return visits


@router.post(
    "/children/{child_id}/visits",
    response_model=VisitOut,
    response_model_by_alias=True,
    status_code=201,
)
def record_visit(
    child_id: str, data: RecordVisit, session: SessionDep, principal: PrincipalDep
) -> VisitOut:
    visit = service.record_visit(session, principal, child_id, data)
    commit(session)
    return visit


@router.get("/visits/overdue", response_model=OverduePage, response_model_by_alias=True)
def overdue_visits(
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
    operation: OperationDep,
    division_code: Annotated[
        str | None, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ] = None,
    first: Annotated[
        int, Query(ge=1, le=service.MAX_PAGE), Said(f"每页条数应在1到{service.MAX_PAGE}之间")
    ] = 20,
    after: Annotated[str | None, Query(max_length=CURSOR_MAX_LENGTH)] = None,
) -> OverduePage:
    page = service.overdue(
        session,
        principal,
        keys,
        division_code=division_code,
        first=first,
        after=after,
        operation=operation,
    )
    commit(session)
    return page


@router.get("/visit-policy", response_model=list[VisitIntervalOut], response_model_by_alias=True)
def visit_policy(session: SessionDep, principal: PrincipalDep) -> list[VisitIntervalOut]:
    return service.visit_policy(session, principal)


@router.put(
    "/visit-policy/{category}", response_model=VisitIntervalOut, response_model_by_alias=True
)
def set_visit_interval(
    category: PrimaryCategory, data: SetVisitInterval, session: SessionDep, principal: PrincipalDep
) -> VisitIntervalOut:
    interval = service.set_interval(session, principal, category, data)
    commit(session)
    return interval

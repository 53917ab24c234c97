"""HTTP routes of support plans."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import OperationDep, PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.registry.plans import service
from shouhu.registry.plans.schemas import AddMeasure, PlanMeasureOut, SupportPlanOut, UpdateMeasure

router = APIRouter(tags=["plans"])


@router.get(
    "/children/{child_id}/plan", response_model=SupportPlanOut, response_model_by_alias=True
)
def support_plan(
    child_id: str, session: SessionDep, principal: PrincipalDep, operation: OperationDep
) -> SupportPlanOut:
    plan = service.support_plan(session, principal, child_id, operation=operation)
    commit(session)
    return plan


@router.post(
    "/children/{child_id}/plan/measures",
    response_model=PlanMeasureOut,
    response_model_by_alias=True,
    status_code=201,
)
def add_measure(
    child_id: str, data: AddMeasure, session: SessionDep, principal: PrincipalDep
) -> PlanMeasureOut:
    measure = service.add_measure(session, principal, child_id, data)
    commit(session)
    return measure


@router.patch(
    "/plan-measures/{measure_id}", response_model=PlanMeasureOut, response_model_by_alias=True
)
def update_measure(
    measure_id: str,
    version: Annotated[int, Query(description="The version the caller saw")],
    data: UpdateMeasure,
    session: SessionDep,
    principal: PrincipalDep,
) -> PlanMeasureOut:
    measure = service.update_measure(session, principal, measure_id, version, data)
    commit(session)
    return measure

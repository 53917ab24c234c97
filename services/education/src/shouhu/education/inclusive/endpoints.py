"""HTTP routes of inclusive schooling: placements, home teaching plans and sessions."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.education.inclusive import service
from shouhu.education.inclusive.schemas import (
    MAX_SESSIONS_READ,
    HomeTeachingOut,
    PlacementInput,
    PlacementOut,
    PlanInput,
    SessionInput,
    SessionOut,
)
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, SnapshotDep, commit
from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, Said

router = APIRouter(tags=["inclusive"])


@router.post(
    "/children/{child_id}/placements",
    response_model=PlacementOut,
    response_model_by_alias=True,
    status_code=201,
)
def decide_placement(
    child_id: str, data: PlacementInput, session: SessionDep, principal: PrincipalDep
) -> PlacementOut:
    """The district decides a disabled child's placement (安置); the current one ends."""
    out = service.decide_placement(session, principal, child_id, data)
    commit(session)
    return out


@router.post(
    "/children/{child_id}/home-teaching",
    response_model=HomeTeachingOut,
    response_model_by_alias=True,
    status_code=201,
)
def plan_home_teaching(
    child_id: str, data: PlanInput, session: SessionDep, principal: PrincipalDep
) -> HomeTeachingOut:
    """The home teaching plan (送教上门计划) of a HOME_TEACHING placement."""
    out = service.plan_home_teaching(session, principal, child_id, data)
    commit(session)
    return out


@router.post(
    "/children/{child_id}/home-teaching/sessions",
    response_model=SessionOut,
    response_model_by_alias=True,
    status_code=201,
)
def record_session(
    child_id: str, data: SessionInput, session: SessionDep, principal: PrincipalDep
) -> SessionOut:
    """A home teaching session held (送教记录)."""
    out = service.record_session(session, principal, child_id, data)
    commit(session)
    return out


@router.get(
    "/children/{child_id}/home-teaching/sessions",
    response_model=list[SessionOut],
    response_model_by_alias=True,
)
def sessions(
    child_id: str,
    session: SnapshotDep,
    principal: PrincipalDep,
    last: Annotated[
        int,
        Query(ge=1, le=MAX_SESSIONS_READ),
        Said(f"条数应在1到{MAX_SESSIONS_READ}之间"),
    ] = 10,
) -> list[SessionOut]:
    """The child's last home teaching sessions, newest first."""
    return service.sessions(session, principal, child_id, last)


@router.get("/home-teaching", response_model=list[HomeTeachingOut], response_model_by_alias=True)
def home_teaching(
    session: SnapshotDep,
    principal: PrincipalDep,
    division_code: Annotated[
        str, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ],
) -> list[HomeTeachingOut]:
    """The current home teaching plans of a division, with this month's count."""
    return service.home_teaching(session, principal, division_code)

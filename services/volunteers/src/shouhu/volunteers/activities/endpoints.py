"""HTTP routes of activities."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, Said
from shouhu.volunteers.activities import service
from shouhu.volunteers.activities.schemas import (
    ActivityInput,
    ActivityOut,
    AttendanceInput,
    SignUpInput,
)

router = APIRouter(tags=["activities"])


@router.post(
    "/activities", response_model=ActivityOut, response_model_by_alias=True, status_code=201
)
def create_activity(
    data: ActivityInput, session: SessionDep, principal: PrincipalDep
) -> ActivityOut:
    """An organisation's activity (志愿服务活动) on a day."""
    out = service.create(session, principal, data)
    commit(session)
    return out


@router.get("/activities", response_model=list[ActivityOut], response_model_by_alias=True)
def activities(
    session: SessionDep,
    principal: PrincipalDep,
    division_code: Annotated[
        str, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ],
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
) -> list[ActivityOut]:
    """Activities in a division within the caller's, or held for one containing it."""
    return service.in_division(session, principal, division_code, start, end)


@router.get("/activities/{activity_id}", response_model=ActivityOut, response_model_by_alias=True)
def activity(activity_id: str, session: SessionDep, principal: PrincipalDep) -> ActivityOut:
    return service.readable(session, principal, activity_id)


@router.post(
    "/activities/{activity_id}/sign-ups", response_model=ActivityOut, response_model_by_alias=True
)
def sign_up(
    activity_id: str, data: SignUpInput, session: SessionDep, principal: PrincipalDep
) -> ActivityOut:
    """Sign volunteers (vetted) and a number of children up."""
    out = service.sign_up(session, principal, activity_id, data)
    commit(session)
    return out


@router.post(
    "/activities/{activity_id}/attendance",
    response_model=ActivityOut,
    response_model_by_alias=True,
)
def attendance(
    activity_id: str, data: AttendanceInput, session: SessionDep, principal: PrincipalDep
) -> ActivityOut:
    """Who came: the volunteers named, and the number of children."""
    out = service.attendance(session, principal, activity_id, data)
    commit(session)
    return out


@router.get(
    "/volunteers/{volunteer_id}/activities",
    response_model=list[ActivityOut],
    response_model_by_alias=True,
)
def volunteer_activities(
    volunteer_id: str, session: SessionDep, principal: PrincipalDep
) -> list[ActivityOut]:
    """The activities a volunteer signed up for (to itself: only itself among the volunteers)."""
    return service.of_volunteer(session, principal, volunteer_id)

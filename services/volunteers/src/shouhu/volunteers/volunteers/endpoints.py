"""HTTP routes of volunteers."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, SnapshotDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.platform.schemas import CURSOR_MAX_LENGTH, DIVISION_CODE, DIVISION_CODE_SAID, Said
from shouhu.volunteers.volunteers import service
from shouhu.volunteers.volunteers.schemas import (
    MAX_PAGE,
    VolunteerInput,
    VolunteerOut,
    VolunteerPage,
)

router = APIRouter(tags=["volunteers"])


@router.post(
    "/volunteers", response_model=VolunteerOut, response_model_by_alias=True, status_code=201
)
def register_volunteer(
    data: VolunteerInput, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> VolunteerOut:
    """Register a volunteer (志愿者注册); one per identity number."""
    out = service.register(session, principal, keys, data)
    commit(session)
    return out


@router.get("/volunteers", response_model=VolunteerPage, response_model_by_alias=True)
def volunteers(
    session: SnapshotDep,
    principal: PrincipalDep,
    keys: KeysDep,
    division_code: Annotated[
        str, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ],
    first: Annotated[int, Query(ge=1, le=MAX_PAGE), Said(f"每页条数应在1到{MAX_PAGE}之间")] = 20,
    after: Annotated[str | None, Query(max_length=CURSOR_MAX_LENGTH)] = None,
    vetted: bool | None = None,
) -> VolunteerPage:
    """The volunteers of a division within the caller's, newest registration first."""
    return service.page(session, principal, keys, division_code, first, after, vetted)


@router.get("/volunteers/{volunteer_id}", response_model=VolunteerOut, response_model_by_alias=True)
def volunteer(
    volunteer_id: str, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> VolunteerOut:
    return service.get(session, principal, keys, volunteer_id)

"""HTTP routes of schools and their staff."""

from typing import Annotated

from fastapi import APIRouter, Path, Query

from shouhu.education.schools import service
from shouhu.education.schools.schemas import (
    TOWN_CODE,
    TOWN_CODE_SAID,
    SchoolFields,
    SchoolInput,
    SchoolOut,
    StaffInput,
    StaffOut,
)
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.schemas import Said

router = APIRouter(tags=["schools"])
USERNAME = r"^[A-Za-z0-9._@-]{1,100}$"


@router.get("/schools", response_model=list[SchoolOut], response_model_by_alias=True)
def schools(
    session: SessionDep,
    principal: PrincipalDep,
    town_code: Annotated[
        str | None, Query(alias="townCode", pattern=TOWN_CODE), Said(TOWN_CODE_SAID)
    ] = None,
) -> list[SchoolOut]:
    """The district's schools (学校名录), by town and identifier."""
    return service.list_schools(session, town_code)


@router.get("/schools/{code}", response_model=SchoolOut, response_model_by_alias=True)
def school(code: str, session: SessionDep, principal: PrincipalDep) -> SchoolOut:
    return service.get(session, code)


@router.post("/schools", response_model=SchoolOut, response_model_by_alias=True, status_code=201)
def create_school(data: SchoolInput, session: SessionDep, principal: PrincipalDep) -> SchoolOut:
    out = service.create(session, principal, data)
    commit(session)
    return out


@router.put("/schools/{code}", response_model=SchoolOut, response_model_by_alias=True)
def update_school(
    code: str,
    data: SchoolFields,
    session: SessionDep,
    principal: PrincipalDep,
    version: Annotated[int, Query(ge=1), Said("版本号应为正整数")],
) -> SchoolOut:
    out = service.update(session, principal, code, version, data)
    commit(session)
    return out


@router.get("/school-staff/me", response_model=SchoolOut | None, response_model_by_alias=True)
def my_school(session: SessionDep, principal: PrincipalDep) -> SchoolOut | None:
    """The caller's own school (本校) when the department has tied them to one, else null."""
    return service.mine(session, principal)


@router.put("/school-staff/{username}", response_model=StaffOut, response_model_by_alias=True)
def assign_staff(
    username: Annotated[str, Path(pattern=USERNAME), Said("用户名格式不正确")],
    data: StaffInput,
    session: SessionDep,
    principal: PrincipalDep,
) -> StaffOut:
    """Tie a school staff user to their school (教职工所属学校)."""
    out = service.assign_staff(session, principal, username, data)
    commit(session)
    return out

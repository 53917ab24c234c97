"""HTTP routes of programmes and standards."""

from typing import Annotated

from fastapi import APIRouter, Path

from shouhu.benefits.programmes import service
from shouhu.benefits.programmes.schemas import FIRST_YEAR, ProgrammeOut, SetEnabled, SetStandard
from shouhu.benefits.rules.schema import ProgrammeCode
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.errors import NotFound
from shouhu.platform.schemas import Said

router = APIRouter(tags=["programmes"])


@router.get("/programmes", response_model=list[ProgrammeOut], response_model_by_alias=True)
def programmes(session: SessionDep, principal: PrincipalDep) -> list[ProgrammeOut]:
    return service.list_programmes(session, principal)


@router.get("/programmes/{code}", response_model=ProgrammeOut, response_model_by_alias=True)
def programme(code: str, session: SessionDep, principal: PrincipalDep) -> ProgrammeOut:
    found = [p for p in service.list_programmes(session, principal) if p.code.value == code]
    if not found:
        raise NotFound("保障项目不存在")
    return found[0]


@router.put(
    "/programmes/{code}/standards/{year}",
    response_model=ProgrammeOut,
    response_model_by_alias=True,
)
def set_standard(
    code: ProgrammeCode,
    data: SetStandard,
    session: SessionDep,
    principal: PrincipalDep,
    year: Annotated[
        int,
        Path(ge=FIRST_YEAR, description="The year the standard applies to, at most next year"),
        Said(f"年度应在{FIRST_YEAR}年至明年之间"),
    ],
) -> ProgrammeOut:
    out = service.set_standard(session, principal, code, year, data)
    commit(session)
    return out


@router.put("/programmes/{code}/enabled", response_model=ProgrammeOut, response_model_by_alias=True)
def set_enabled(
    code: ProgrammeCode, data: SetEnabled, session: SessionDep, principal: PrincipalDep
) -> ProgrammeOut:
    out = service.set_enabled(session, principal, code, data)
    commit(session)
    return out

"""HTTP routes of divisions."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep
from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, DivisionCode, Said
from shouhu.registry.divisions import service
from shouhu.registry.divisions.schemas import DivisionOut

router = APIRouter(prefix="/divisions", tags=["divisions"])
MAX_CODES = 400  # more than the district has (318)


@router.get("", response_model=list[DivisionOut], response_model_by_alias=True)
def list_divisions(
    session: SessionDep,
    _principal: PrincipalDep,
    parent: Annotated[str | None, Query(pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)] = None,
    codes: Annotated[
        list[DivisionCode] | None,
        Query(max_length=MAX_CODES),
        Said(f"一次最多查询{MAX_CODES}个区划"),
    ] = None,
    all: Annotated[bool, Query(description="The whole network, every level")] = False,
) -> list[DivisionOut]:
    if all:
        return service.every(session)
    if codes:
        return service.batch(session, codes)
    return service.list_children(session, parent)


@router.get("/{code}", response_model=DivisionOut, response_model_by_alias=True)
def get_division(code: str, session: SessionDep, _principal: PrincipalDep) -> DivisionOut:
    return service.get(session, code)

"""HTTP routes of caring families."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, Said
from shouhu.volunteers.families import service
from shouhu.volunteers.families.schemas import (
    AssessmentInput,
    FamilyInput,
    FamilyOut,
    FamilyStatus,
    LinkInput,
    UnlinkInput,
)

router = APIRouter(tags=["caring families"])


@router.post(
    "/caring-families", response_model=FamilyOut, response_model_by_alias=True, status_code=201
)
def register_family(
    data: FamilyInput, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> FamilyOut:
    """Register a caring family (爱心家庭), pending civil affairs' assessment."""
    out = service.register(session, principal, keys, data)
    commit(session)
    return out


@router.get("/caring-families", response_model=list[FamilyOut], response_model_by_alias=True)
def families(
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
    division_code: Annotated[
        str, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ],
    status: FamilyStatus | None = None,
) -> list[FamilyOut]:
    """The caring families of a division within the caller's, newest first."""
    return service.listing(session, principal, keys, division_code, status)


@router.get("/caring-families/{family_id}", response_model=FamilyOut, response_model_by_alias=True)
def family(
    family_id: str, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> FamilyOut:
    return service.get(session, principal, keys, family_id)


@router.post(
    "/caring-families/{family_id}/assessment",
    response_model=FamilyOut,
    response_model_by_alias=True,
)
def assess(
    family_id: str,
    data: AssessmentInput,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
    version: Annotated[int, Query(ge=1)],
) -> FamilyOut:
    """Civil affairs' assessment (评估): approved or not."""
    out = service.assess(session, principal, keys, family_id, version, data)
    commit(session)
    return out


@router.post(
    "/caring-families/{family_id}/links", response_model=FamilyOut, response_model_by_alias=True
)
def link(
    family_id: str, data: LinkInput, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> FamilyOut:
    """An approved family begins caring for a child."""
    out = service.link(session, principal, keys, family_id, data)
    commit(session)
    return out


@router.post(
    "/caring-family-links/{link_id}/end", response_model=FamilyOut, response_model_by_alias=True
)
def unlink(
    link_id: str, data: UnlinkInput, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> FamilyOut:
    """The family's care of the child ended."""
    out = service.unlink(session, principal, keys, link_id, data)
    commit(session)
    return out

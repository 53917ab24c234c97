"""HTTP routes of organisations."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, Said
from shouhu.volunteers.organisations import service
from shouhu.volunteers.organisations.schemas import OrganisationInput, OrganisationOut

router = APIRouter(tags=["organisations"])


@router.get("/organisations", response_model=list[OrganisationOut], response_model_by_alias=True)
def organisations(
    session: SessionDep,
    principal: PrincipalDep,
    division_code: Annotated[
        str | None, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ] = None,
) -> list[OrganisationOut]:
    """The organisations volunteers serve with, or a division's."""
    return service.list_organisations(session, principal, division_code)


@router.post(
    "/organisations", response_model=OrganisationOut, response_model_by_alias=True, status_code=201
)
def create_organisation(
    data: OrganisationInput, session: SessionDep, principal: PrincipalDep
) -> OrganisationOut:
    """A new organisation, acted for by the caller's federation."""
    out = service.create(session, principal, data)
    commit(session)
    return out

"""HTTP routes of volunteers' accounts."""

from fastapi import APIRouter

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.volunteers.accounts import service
from shouhu.volunteers.accounts.schemas import DisableInput
from shouhu.volunteers.volunteers import service as volunteers
from shouhu.volunteers.volunteers.schemas import VolunteerOut

router = APIRouter(tags=["volunteers"])


@router.post(
    "/volunteers/{volunteer_id}/disable",
    response_model=VolunteerOut,
    response_model_by_alias=True,
)
def disable_volunteer(
    volunteer_id: str,
    data: DisableInput,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> VolunteerOut:
    """Disable a volunteer: their account is disabled (after the commit, by the worker)."""
    service.disable(session, principal, volunteer_id, data.reason)
    commit(session)
    return volunteers.get(session, principal, keys, volunteer_id)


@router.post(
    "/volunteers/{volunteer_id}/enable",
    response_model=VolunteerOut,
    response_model_by_alias=True,
)
def enable_volunteer(
    volunteer_id: str,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> VolunteerOut:
    """Enable a disabled volunteer again: their account is enabled (after the commit)."""
    service.enable(session, principal, volunteer_id)
    commit(session)
    return volunteers.get(session, principal, keys, volunteer_id)

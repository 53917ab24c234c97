"""HTTP routes of vetting."""

from fastapi import APIRouter

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.volunteers.vetting import service
from shouhu.volunteers.vetting.schemas import VettingInput
from shouhu.volunteers.volunteers.schemas import VolunteerOut

router = APIRouter(tags=["vetting"])


@router.post(
    "/volunteers/{volunteer_id}/vettings",
    response_model=VolunteerOut,
    response_model_by_alias=True,
    status_code=201,
)
def record_vetting(
    volunteer_id: str,
    data: VettingInput,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> VolunteerOut:
    """Record a check (the record check or training); the volunteer as it leaves them."""
    out = service.record(session, principal, keys, volunteer_id, data)
    commit(session)
    return out

"""HTTP routes of the volunteer's own view."""

from fastapi import APIRouter

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, SnapshotDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.volunteers.own import service
from shouhu.volunteers.own.schemas import OwnPairingOut
from shouhu.volunteers.pairing.schemas import PairingVisitInput
from shouhu.volunteers.volunteers.schemas import VolunteerOut

router = APIRouter(tags=["own"])


@router.get("/me/volunteer", response_model=VolunteerOut, response_model_by_alias=True)
def my_volunteer(session: SessionDep, principal: PrincipalDep, keys: KeysDep) -> VolunteerOut:
    """The signed-in volunteer's own record; its hours, activities and certificate hang off it."""
    return service.me(session, principal, keys)


@router.get(
    "/volunteers/{volunteer_id}/own-pairings",
    response_model=list[OwnPairingOut],
    response_model_by_alias=True,
)
def own_pairings(
    volunteer_id: str, session: SnapshotDep, principal: PrincipalDep
) -> list[OwnPairingOut]:
    """The volunteer's pairings as it sees them: the child's name, village, age and needs."""
    return service.pairings_of(session, principal, volunteer_id)


@router.post(
    "/me/pairings/{pairing_id}/visits",
    response_model=OwnPairingOut,
    response_model_by_alias=True,
    status_code=201,
)
def record_own_visit(
    pairing_id: str, data: PairingVisitInput, session: SessionDep, principal: PrincipalDep
) -> OwnPairingOut:
    """The volunteer logs a visit of its own pairing."""
    out = service.record_visit(session, principal, pairing_id, data)
    commit(session)
    return out

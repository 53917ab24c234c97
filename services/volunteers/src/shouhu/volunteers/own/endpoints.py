"""HTTP routes of the volunteer's own view."""

from fastapi import APIRouter

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep
from shouhu.platform.identity import KeysDep
from shouhu.volunteers.own import service
from shouhu.volunteers.volunteers.schemas import VolunteerOut

router = APIRouter(tags=["own"])


@router.get("/me/volunteer", response_model=VolunteerOut, response_model_by_alias=True)
def my_volunteer(session: SessionDep, principal: PrincipalDep, keys: KeysDep) -> VolunteerOut:
    """The signed-in volunteer's own record; its hours, activities and certificate hang off it."""
    return service.me(session, principal, keys)

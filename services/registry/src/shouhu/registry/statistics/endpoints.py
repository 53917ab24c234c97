"""HTTP routes of statistics."""

from fastapi import APIRouter

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep
from shouhu.platform.schemas import IsoDate
from shouhu.registry.statistics import service
from shouhu.registry.statistics.schemas import DivisionStatistics

router = APIRouter(tags=["statistics"])


@router.get(
    "/statistics/{division_code}", response_model=DivisionStatistics, response_model_by_alias=True
)
def child_statistics(
    division_code: str,
    session: SessionDep,
    principal: PrincipalDep,
    as_of: IsoDate | None = None,
) -> DivisionStatistics:
    return service.statistics(session, principal, division_code, as_of)

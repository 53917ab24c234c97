"""HTTP route of the education statistics."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.education.statistics import service
from shouhu.education.statistics.schemas import EducationStatisticsOut
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SnapshotDep
from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, Said

router = APIRouter(tags=["statistics"])


@router.get(
    "/education-statistics", response_model=EducationStatisticsOut, response_model_by_alias=True
)
def education_statistics(
    session: SnapshotDep,
    principal: PrincipalDep,
    division_code: Annotated[
        str, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ],
) -> EducationStatisticsOut:
    """A division's education figures (教育统计), non-Beijing children (非京籍) apart."""
    return service.statistics(session, principal, division_code)

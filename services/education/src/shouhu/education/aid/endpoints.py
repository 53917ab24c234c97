"""HTTP routes of aid: the programmes with their standards, setting a standard."""

from fastapi import APIRouter

from shouhu.education.aid import service
from shouhu.education.aid.schemas import AidProgrammeOut, StandardInput
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, SnapshotDep, commit

router = APIRouter(tags=["aid"])


@router.get("/aid/programmes", response_model=list[AidProgrammeOut], response_model_by_alias=True)
def programmes(session: SnapshotDep, principal: PrincipalDep) -> list[AidProgrammeOut]:
    """Every aid programme (资助项目) with today's standard and the standards set."""
    return service.programmes(session, principal)


@router.post("/aid/standards", response_model=AidProgrammeOut, response_model_by_alias=True)
def set_standard(
    data: StandardInput, session: SessionDep, principal: PrincipalDep
) -> AidProgrammeOut:
    """Set a programme's annual standard from a day on (区教委); the children concerned are
    decided again in the same transaction when it is in force today."""
    out = service.set_standard(session, principal, data)
    commit(session)
    return out

"""HTTP routes of service hours and the certificate."""

from fastapi import APIRouter

from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
from shouhu.platform.identity import KeysDep
from shouhu.platform.schemas import ExportOut
from shouhu.volunteers.hours import service
from shouhu.volunteers.hours.schemas import DecisionInput, HoursInput, HoursOut
from shouhu.volunteers.volunteers.schemas import VolunteerOut

router = APIRouter(tags=["hours"])


@router.post(
    "/volunteers/{volunteer_id}/hours",
    response_model=VolunteerOut,
    response_model_by_alias=True,
    status_code=201,
)
def record_hours(
    volunteer_id: str,
    data: HoursInput,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> VolunteerOut:
    """Record hours served (to be approved); the volunteer as it leaves them."""
    out = service.record(session, principal, keys, volunteer_id, data)
    commit(session)
    return out


@router.get(
    "/volunteers/{volunteer_id}/hours",
    response_model=list[HoursOut],
    response_model_by_alias=True,
)
def volunteer_hours(
    volunteer_id: str, session: SessionDep, principal: PrincipalDep
) -> list[HoursOut]:
    """A volunteer's records of hours, the latest day first."""
    return service.of_volunteer(session, principal, volunteer_id)


@router.get("/hours/to-approve", response_model=list[HoursOut], response_model_by_alias=True)
def hours_to_approve(session: SessionDep, principal: PrincipalDep) -> list[HoursOut]:
    """Records waiting for the caller's organisations' approval, oldest first."""
    return service.to_approve(session, principal)


@router.post(
    "/hours/{hours_id}/decision", response_model=VolunteerOut, response_model_by_alias=True
)
def decide_hours(
    hours_id: str,
    data: DecisionInput,
    session: SessionDep,
    principal: PrincipalDep,
    keys: KeysDep,
) -> VolunteerOut:
    """Approve (or not) a record; the volunteer with the new total and star level."""
    out = service.decide(session, principal, keys, hours_id, data)
    commit(session)
    return out


@router.get(
    "/volunteers/{volunteer_id}/certificate",
    response_model=ExportOut,
    response_model_by_alias=True,
)
def certificate(
    volunteer_id: str, session: SessionDep, principal: PrincipalDep, keys: KeysDep
) -> ExportOut:
    """The certificate of approved hours (志愿服务时长证明), a PDF in base64."""
    return service.certificate(session, principal, keys, volunteer_id)

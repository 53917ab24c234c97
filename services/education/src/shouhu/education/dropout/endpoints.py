"""HTTP routes of the dropout watch: the list per division, exemptions, schools' absences."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.education.dropout import service
from shouhu.education.dropout.schemas import (
    MAX_PAGE,
    AbsenceInput,
    AbsenceOut,
    DropoutRiskOut,
    DropoutRiskPage,
    ExemptionInput,
    ReturnInput,
)
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, SnapshotDep, commit
from shouhu.platform.schemas import CURSOR_MAX_LENGTH, DIVISION_CODE, DIVISION_CODE_SAID, Said

router = APIRouter(tags=["dropout"])


@router.get("/dropout-risks", response_model=DropoutRiskPage, response_model_by_alias=True)
def dropout_risks(
    session: SnapshotDep,
    principal: PrincipalDep,
    division_code: Annotated[
        str, Query(alias="divisionCode", pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)
    ],
    first: Annotated[int, Query(ge=1, le=MAX_PAGE), Said(f"每页条数应在1到{MAX_PAGE}之间")] = 20,
    after: Annotated[str | None, Query(max_length=CURSOR_MAX_LENGTH)] = None,
) -> DropoutRiskPage:
    """The open dropout risks (控辍保学) of a division within the caller's, newest first."""
    return service.page(session, principal, division_code, first, after)


@router.post(
    "/dropout-risks/{risk_id}/exempt", response_model=DropoutRiskOut, response_model_by_alias=True
)
def exempt(
    risk_id: str, data: ExemptionInput, session: SessionDep, principal: PrincipalDep
) -> DropoutRiskOut:
    """Record an exemption (免予入学) with its reason; the risk ends."""
    out = service.exempt(session, principal, risk_id, data)
    commit(session)
    return out


@router.post(
    "/children/{child_id}/absences", response_model=AbsenceOut, response_model_by_alias=True
)
def report_absence(
    child_id: str, data: AbsenceInput, session: SessionDep, principal: PrincipalDep
) -> AbsenceOut:
    """A school reports absent days (缺课); a long run opens a dropout risk."""
    out = service.report_absence(session, principal, child_id, data)
    commit(session)
    return out


@router.post(
    "/children/{child_id}/returns", response_model=AbsenceOut, response_model_by_alias=True
)
def report_return(
    child_id: str, data: ReturnInput, session: SessionDep, principal: PrincipalDep
) -> AbsenceOut:
    """A school reports the child back (返校); a long absence's risk is resolved."""
    out = service.report_return(session, principal, child_id, data)
    commit(session)
    return out

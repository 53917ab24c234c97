"""HTTP routes of a child's decisions and entitlements."""

from fastapi import APIRouter

from shouhu.benefits.decisions import service
from shouhu.benefits.decisions.schemas import BenefitsRequest, ChildBenefitsOut, DecisionSetOut
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SnapshotDep

router = APIRouter(tags=["decisions"])


@router.get(
    "/children/{child_id}/benefits", response_model=ChildBenefitsOut, response_model_by_alias=True
)
def child_benefits(
    child_id: str, session: SnapshotDep, principal: PrincipalDep
) -> ChildBenefitsOut:
    return service.child_benefits(session, principal, child_id)


@router.post(
    "/children/benefits", response_model=list[ChildBenefitsOut], response_model_by_alias=True
)
def many_benefits(
    request: BenefitsRequest, session: SnapshotDep, principal: PrincipalDep
) -> list[ChildBenefitsOut]:
    """Several children at once; those out of scope or unknown are left out."""
    return service.many_benefits(session, principal, request.child_ids)


@router.get(
    "/children/{child_id}/decisions",
    response_model=list[DecisionSetOut],
    response_model_by_alias=True,
)
def decisions(
    child_id: str, session: SnapshotDep, principal: PrincipalDep, first: int = 20
) -> list[DecisionSetOut]:
    """Every decision of the child, newest first, with its facts and reasons."""
    return service.decision_history(session, principal, child_id, first)

"""HTTP routes of a child's decisions and entitlements."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.benefits.decisions import service
from shouhu.benefits.decisions.schemas import (
    MAX_DECISIONS,
    BenefitsRequest,
    ChildBenefitsOut,
    DecisionSetOut,
)
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SnapshotDep
from shouhu.platform.schemas import Said

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
    child_id: str,
    session: SnapshotDep,
    principal: PrincipalDep,
    first: Annotated[
        int, Query(ge=1, le=MAX_DECISIONS), Said(f"每页条数应在1到{MAX_DECISIONS}之间")
    ] = 20,
) -> list[DecisionSetOut]:
    """Every decision of the child, newest first, with its facts and reasons."""
    return service.decision_history(session, principal, child_id, first)

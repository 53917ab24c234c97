"""HTTP routes of escalations."""

from fastapi import APIRouter

from shouhu.notifications.escalations import service
from shouhu.notifications.escalations.schemas import EscalationOut
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep

router = APIRouter(tags=["escalations"])


@router.get("/escalations", response_model=list[EscalationOut], response_model_by_alias=True)
def escalations_under_way(session: SessionDep, principal: PrincipalDep) -> list[EscalationOut]:
    """Chains awaiting acknowledgement, soonest due first, for the district."""
    return service.under_way(session, principal)

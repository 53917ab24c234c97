"""HTTP routes of deliveries."""

from fastapi import APIRouter
from pydantic import Field

from shouhu.notifications.deliveries import service
from shouhu.notifications.deliveries.schemas import DeliveryOut
from shouhu.notifications.inapp import service as inapp
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep
from shouhu.platform.schemas import Input

router = APIRouter(tags=["deliveries"])
MAX_BATCH = 100


class DeliveriesRequest(Input):
    notification_ids: list[str] = Field(max_length=MAX_BATCH)


@router.post(
    "/notifications/deliveries",
    response_model=dict[str, list[DeliveryOut]],
    response_model_by_alias=True,
)
def deliveries_of(
    request: DeliveriesRequest, session: SessionDep, principal: PrincipalDep
) -> dict[str, list[DeliveryOut]]:
    """The deliveries of the caller's notifications among these; others are left out."""
    mine = inapp.visible_among(session, principal, request.notification_ids)
    return service.of_notifications(session, mine)


@router.get("/deliveries/failed", response_model=list[DeliveryOut], response_model_by_alias=True)
def failed_deliveries(session: SessionDep, principal: PrincipalDep) -> list[DeliveryOut]:
    """Deliveries that gave up after their last try, for the district."""
    return service.failed(session, principal)

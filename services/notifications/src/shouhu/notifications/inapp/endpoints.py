"""HTTP routes of in-app notifications."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.notifications.inapp import service
from shouhu.notifications.inapp.schemas import NotificationOut, NotificationPage
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep
from shouhu.platform.schemas import CURSOR_MAX_LENGTH, Said

router = APIRouter(prefix="/notifications", tags=["notifications"])


@router.get("", response_model=NotificationPage, response_model_by_alias=True)
def list_notifications(
    session: SessionDep,
    principal: PrincipalDep,
    first: Annotated[
        int, Query(ge=1, le=service.MAX_PAGE), Said(f"每页条数应在1到{service.MAX_PAGE}之间")
    ] = 20,
    after: Annotated[str | None, Query(max_length=CURSOR_MAX_LENGTH)] = None,
    unread_only: Annotated[bool, Query(alias="unreadOnly")] = False,
) -> NotificationPage:
    return service.list_for(session, principal, first=first, after=after, unread_only=unread_only)


@router.post(
    "/{notification_id}/read", response_model=NotificationOut, response_model_by_alias=True
)
def mark_read(
    notification_id: str, session: SessionDep, principal: PrincipalDep
) -> NotificationOut:
    notification = service.mark_read(session, principal, notification_id)
    session.commit()
    return notification

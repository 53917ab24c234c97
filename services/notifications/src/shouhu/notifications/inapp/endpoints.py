"""HTTP routes of in-app notifications: the person's own, read and acknowledged."""

from typing import Annotated

from fastapi import APIRouter, Query

from shouhu.notifications import notify
from shouhu.notifications.inapp import service
from shouhu.notifications.inapp.schemas import NotificationOut, NotificationPage
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.db import SessionDep, commit
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
    commit(session)
    return notification


@router.post(
    "/{notification_id}/acknowledge",
    response_model=NotificationOut,
    response_model_by_alias=True,
)
def acknowledge(
    notification_id: str, session: SessionDep, principal: PrincipalDep
) -> NotificationOut:
    """Take it on (确认): the escalation ladder of its chain stops."""
    notification = notify.acknowledge(session, principal, notification_id)
    commit(session)
    return notification

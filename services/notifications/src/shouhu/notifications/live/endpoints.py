"""HTTP route of the live stream, and the hub's life beside the app's."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import APIRouter, FastAPI, Header, Query, Request
from fastapi.responses import StreamingResponse

from shouhu.notifications.live import schemas
from shouhu.notifications.live.service import Hub, follow, token_expiry
from shouhu.notifications.settings import NotificationsSettings
from shouhu.platform.auth import PrincipalDep
from shouhu.platform.paging import decode_seq_cursor

router = APIRouter(prefix="/notifications", tags=["notifications"])

STREAM_DOC = (
    "Server-Sent Events: first what the caller missed after `after` (or after the "
    "`Last-Event-ID` header; neither: only what comes from now on), then each new notification "
    "as it commits. Each event's `id` is the notification's cursor and its `data` a "
    "NotificationOut; a comment once subscribed, and every ~15 s while idle. The stream ends "
    "when its token expires or the service stops: reconnect with the last id."
)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The process's one hub, from start to shutdown."""
    settings: NotificationsSettings = app.state.settings
    hub = Hub(
        app.state.engine,
        poll_seconds=settings.live_poll_seconds,
        gap_grace_seconds=settings.live_gap_grace_seconds,
    )
    await hub.start()
    app.state.live_hub = hub
    try:
        yield
    finally:
        await hub.stop()


@router.get(
    "/stream",
    response_class=StreamingResponse,
    summary="The caller's notifications as they come (SSE)",
    description=STREAM_DOC,
    responses={200: {"content": {schemas.MEDIA_TYPE: {"schema": {"type": "string"}}}}},
)
async def stream(
    request: Request,
    principal: PrincipalDep,
    after: Annotated[str | None, Query(max_length=200)] = None,
    last_event_id: Annotated[str | None, Header(max_length=200)] = None,
) -> StreamingResponse:
    cursor = after or last_event_id
    # Checked before the stream starts, so that a bad cursor is a 422 and not a broken stream.
    after_seq = decode_seq_cursor("notification", cursor) if cursor else None
    hub: Hub = request.app.state.live_hub
    settings: NotificationsSettings = request.app.state.settings
    notifications = follow(
        hub,
        principal,
        after_seq,
        heartbeat_seconds=settings.live_heartbeat_seconds,
        expires_at=token_expiry(principal.token),
    )

    async def events() -> AsyncIterator[bytes]:
        async for rows in notifications:
            yield b"".join(map(schemas.event, rows)) if rows else schemas.HEARTBEAT

    return StreamingResponse(events(), media_type=schemas.MEDIA_TYPE, headers=schemas.HEADERS)

"""API shapes of in-app notifications."""

from datetime import datetime

from shouhu.platform.schemas import Camel, PageInfo


class NotificationOut(Camel):
    """One notification as its recipient sees it; `cursor` is its place in the live stream."""

    id: str
    cursor: str
    kind: str
    title: str
    body: str
    child_id: str | None
    created_at: datetime
    read_at: datetime | None


class NotificationEdge(Camel):
    cursor: str
    node: NotificationOut


class NotificationPage(Camel):
    """A Relay-style page, newest first."""

    edges: list[NotificationEdge]
    page_info: PageInfo
    total_count: int
    unread_count: int

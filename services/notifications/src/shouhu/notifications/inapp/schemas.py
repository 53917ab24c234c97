"""API shapes of in-app notifications."""

from datetime import datetime

from shouhu.platform.schemas import Camel as _Camel


class NotificationOut(_Camel):
    """One notification as its recipient sees it."""

    id: str
    kind: str
    title: str
    body: str
    child_id: str | None
    created_at: datetime
    read_at: datetime | None


class NotificationEdge(_Camel):
    cursor: str
    node: NotificationOut


class PageInfo(_Camel):
    has_next_page: bool
    end_cursor: str | None


class NotificationPage(_Camel):
    """A Relay-style page, newest first."""

    edges: list[NotificationEdge]
    page_info: PageInfo
    total_count: int
    unread_count: int

"""API shapes of in-app notifications."""

from datetime import datetime

from pydantic import Field

from shouhu.notifications.rules import Severity
from shouhu.platform.schemas import Camel, PageInfo


class NotificationOut(Camel):
    """One notification as one of its recipients sees it; `cursor` is its place in the stream."""

    id: str
    cursor: str
    kind: str
    urgent: bool
    severity: Severity
    requires_ack: bool
    title: str
    body: str
    child_id: str | None
    subject_ref: str | None
    recipient: str = Field(description="The person, or the post as role@division")
    addressed_post: str | None = Field(
        description="The post first addressed, when nobody held it and it went up"
    )
    rung: int = Field(description="0 for the first notification, n for the n-th escalation")
    created_at: datetime
    read_at: datetime | None = Field(description="When this person read it")
    acknowledged_at: datetime | None = Field(description="When someone acknowledged it")
    acknowledged_by: str | None


class NotificationEdge(Camel):
    cursor: str
    node: NotificationOut


class NotificationPage(Camel):
    """A Relay-style page, newest first."""

    edges: list[NotificationEdge]
    page_info: PageInfo
    total_count: int
    unread_count: int

"""Tables of notifications."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class Notification(SQLModel, table=True):
    """An in-app notification (站内通知) to a post: a role in a division."""

    seq: int | None = Field(default=None, primary_key=True)
    id: str = Field(unique=True, max_length=36)
    recipient_role: str
    recipient_division: str
    kind: str
    title: str
    body: str
    child_id: str | None = None
    source_event_id: str
    created_at: datetime = timestamp()
    read_at: datetime | None = timestamp(nullable=True)
    read_by: str | None = None

"""Tables of notifications."""

from datetime import datetime

from sqlalchemy import DateTime
from sqlmodel import Column, Field, SQLModel


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
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    read_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    read_by: str | None = None

"""Tables of notifications."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class Notification(SQLModel, table=True):
    """A notification (通知) to a person, to a post (a role in a division) or to a contact."""

    seq: int | None = Field(default=None, primary_key=True)
    id: str = Field(unique=True, max_length=36)
    recipient_username: str | None = None
    recipient_role: str | None = None
    recipient_division: str | None = None
    contact_mobile: str | None = None
    # The post first addressed, when nobody held it and the notification went up (role@division).
    addressed_post: str | None = None
    kind: str
    urgent: bool = False
    requires_ack: bool = False
    title: str
    body: str
    child_id: str | None = None
    subject_ref: str | None = Field(default=None, index=True)
    # The first notification of an escalation chain; its own id when it starts one.
    chain_id: str
    rung: int = 0
    source_event_id: str
    created_at: datetime = timestamp()
    acknowledged_at: datetime | None = timestamp(nullable=True)
    acknowledged_by: str | None = None


class Receipt(SQLModel, table=True):
    """One person's read and acknowledgement of a notification (已读、已确认)."""

    notification_id: str = Field(primary_key=True, max_length=36)
    username: str = Field(primary_key=True, max_length=100)
    read_at: datetime | None = timestamp(nullable=True)
    acknowledged_at: datetime | None = timestamp(nullable=True)


class Delivery(SQLModel, table=True):
    """A notification sent through one channel to one address (投递)."""

    id: str = Field(primary_key=True, max_length=36)
    notification_id: str = Field(index=True)
    kind: str
    channel: str
    address: str
    # The text as rendered when the notification was made (and the provider's template fields).
    subject: str = ""
    body: str
    params: dict[str, str] = json_column()
    status: str = "PENDING"
    attempts: int = 0
    last_error: str | None = None
    next_attempt_at: datetime = timestamp()
    sent_at: datetime | None = timestamp(nullable=True)
    provider_ref: str | None = None
    created_at: datetime = timestamp()


class EscalationTimer(SQLModel, table=True):
    """The clock of an unacknowledged notification: when it lapses, the next rung is told."""

    __tablename__ = "escalation_timer"

    id: str = Field(primary_key=True, max_length=36)
    chain_id: str = Field(index=True)
    notification_id: str
    ladder: str
    rung: int
    due_at: datetime = timestamp()
    fired_at: datetime | None = timestamp(nullable=True)
    stopped_at: datetime | None = timestamp(nullable=True)


class ChildCard(SQLModel, table=True):
    """A child's name and village (the registry's files, projected) for the texts."""

    __tablename__ = "child_card"

    child_id: str = Field(primary_key=True, max_length=36)
    name: str
    residence_division_code: str
    # The latest single-window applicant's mobile: told when the child's benefits start or end.
    applicant_mobile: str | None = None


class PostHolder(SQLModel, table=True):
    """Who holds a post (the registry's workforce, projected): a role in a division."""

    __tablename__ = "post_holder"

    member_id: str = Field(primary_key=True, max_length=36)
    role: str
    division_code: str
    username: str | None = None
    name: str
    phone: str
    since: date
    until: date | None = None


__all__ = ["ChildCard", "Delivery", "EscalationTimer", "Notification", "PostHolder", "Receipt"]


class DeadlineReminder(SQLModel, table=True):
    """A reminder of a deadline (办理时限提醒), sent once at `fire_at` unless cancelled."""

    __tablename__ = "deadline_reminder"

    id: str = Field(primary_key=True, max_length=36)
    # What has the deadline, as its owner names it ("intake-task:<id>"); new plans replace old.
    subject_ref: str = Field(index=True, max_length=100)
    deadline: str
    kind: str
    recipient_username: str | None = None
    recipient_role: str | None = None
    recipient_division: str | None = None
    variables: dict[str, str] = json_column()
    child_id: str | None = None
    due_at: datetime = timestamp()
    fire_at: datetime = timestamp()
    fired_at: datetime | None = timestamp(nullable=True)
    cancelled_at: datetime | None = timestamp(nullable=True)

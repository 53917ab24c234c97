"""Activities (志愿服务活动), who signed up and came, and the service hours (志愿服务时长)."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class Activity(SQLModel, table=True):
    """An organisation's activity on a day, for a division or the whole district."""

    id: str = Field(primary_key=True, max_length=36)
    organisation_id: str = Field(foreign_key="organisation.id", index=True, max_length=36)
    kind: str = Field(max_length=40)
    title: str = Field(max_length=100)
    division_code: str = Field(index=True, max_length=12)
    on: date = Field(index=True)
    # Places for children; volunteers are bounded apart (None: as many as come).
    capacity: int
    volunteer_capacity: int | None = None
    # Children are counted, not named: who they are is the registry's (see docs/volunteers.md).
    children_signed_up: int = 0
    children_attended: int | None = None
    version: int = 1
    created_by: str = Field(max_length=100)
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class ActivityVolunteer(SQLModel, table=True):
    """A volunteer signed up for an activity; `attended` once attendance is taken."""

    activity_id: str = Field(foreign_key="activity.id", primary_key=True, max_length=36)
    volunteer_id: str = Field(
        foreign_key="volunteer.id", primary_key=True, index=True, max_length=36
    )
    attended: bool | None = None
    signed_up_by: str = Field(max_length=100)
    signed_up_at: datetime = timestamp()


class ServiceHours(SQLModel, table=True):
    """Hours a volunteer served on a day, at an activity or a pairing visit (no activity)."""

    id: str = Field(primary_key=True, max_length=36)
    # Indexed with `on` in the migration: a volunteer's day and totals.
    volunteer_id: str = Field(foreign_key="volunteer.id", max_length=36)
    activity_id: str | None = Field(
        default=None, foreign_key="activity.id", index=True, max_length=36
    )
    # The organisation that approves: the activity's, or the volunteer's own.
    organisation_id: str = Field(foreign_key="organisation.id", index=True, max_length=36)
    hours: float
    on: date
    status: str = Field(max_length=20)  # RECORDED, APPROVED, REJECTED
    note: str | None = Field(default=None, max_length=500)
    recorded_by: str = Field(max_length=100)
    recorded_at: datetime = timestamp()
    decided_by: str | None = Field(default=None, max_length=100)
    decided_at: datetime | None = timestamp(nullable=True)

"""Enrolments (学籍): a child at a school, kept after they end."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class Enrolment(SQLModel, table=True):
    """A child's enrolment at a school; open (ACTIVE or SUSPENDED 休学) while `ended_on` is None."""

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(index=True, max_length=36)
    school_code: str = Field(foreign_key="school.code", max_length=10)
    stage: str
    grade: int
    boarding: bool = False  # 寄宿生: the boarding living subsidy needs it
    since: date
    status: str
    suspended_on: date | None = None
    ended_on: date | None = None
    end_reason: str | None = None
    transferred_to: str | None = None
    recorded_by: str
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()

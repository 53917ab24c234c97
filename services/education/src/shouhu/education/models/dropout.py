"""The dropout watch (控辍保学): risks kept after they close, and the absences schools report."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class DropoutRisk(SQLModel, table=True):
    """A child of compulsory-school age out of school (or long absent); open while `status` is
    OPEN, one open per child (a partial unique index), kept once resolved, exempted or closed."""

    __tablename__ = "dropout_risk"

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(max_length=36)
    reason: str
    status: str
    # The child's village and town while the risk is open (the list per division reads them).
    residence_division_code: str = Field(max_length=12)
    town_code: str = Field(max_length=9)
    opened_on: date
    due_on: date
    overdue_on: date | None = None
    closed_on: date | None = None
    close_reason: str | None = None
    exemption_reason: str | None = None
    exemption_note: str | None = None
    exempt_until: date | None = None
    closed_by: str | None = None
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()


class AbsenceDay(SQLModel, table=True):
    """A school day a child of a school was absent (缺课), as the school reported it."""

    __tablename__ = "absence_day"

    child_id: str = Field(primary_key=True, max_length=36)
    day: date = Field(primary_key=True)
    school_code: str = Field(max_length=10)
    reported_by: str
    reported_at: datetime = timestamp()


class AbsenceReturn(SQLModel, table=True):
    """A child back at school (返校): absences before it no longer count towards a run."""

    __tablename__ = "absence_return"

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(index=True, max_length=36)
    returned_on: date
    school_code: str = Field(max_length=10)
    reported_by: str
    reported_at: datetime = timestamp()

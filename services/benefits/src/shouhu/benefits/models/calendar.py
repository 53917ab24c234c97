"""The days on which the calendar's work has been done."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class CalendarDay(SQLModel, table=True):
    """A district day whose calendar work (日历作业) is done, by whichever replica did it."""

    __tablename__ = "calendar_day"

    day: date = Field(primary_key=True)
    changed: int
    finished_at: datetime = timestamp()

"""Inclusive schooling (融合教育): a disabled child's placement, home teaching (送教上门) plans,
the sessions held and the months that fell short."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class Placement(SQLModel, table=True):
    """Where a disabled child is schooled (安置), as the district decided after an assessment;
    current while `ended_on` is None (one per child, a partial unique index), kept after."""

    __tablename__ = "placement"

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(index=True, max_length=36)
    kind: str = Field(max_length=20)
    school_code: str = Field(foreign_key="school.code", max_length=10)
    assessed_on: date
    assessed_by: str = Field(max_length=100)
    summary: str = Field(max_length=1000)
    since: date
    # The day the next decision took over (that one's `since`).
    ended_on: date | None = None
    decided_by: str
    decided_at: datetime = timestamp()


class HomeTeachingPlan(SQLModel, table=True):
    """The plan of a HOME_TEACHING placement (送教上门计划): who teaches, sent by which school,
    how often; one current per child, a new plan ending the one before."""

    __tablename__ = "home_teaching_plan"

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(index=True, max_length=36)
    placement_id: str = Field(foreign_key="placement.id", max_length=36)
    school_code: str = Field(foreign_key="school.code", max_length=10)
    teacher_name: str = Field(max_length=50)
    teacher_username: str | None = Field(default=None, max_length=100)
    sessions_per_month: int
    min_hours: float
    since: date
    ended_on: date | None = None
    rule_version: str = Field(max_length=20)
    planned_by: str
    planned_at: datetime = timestamp()


class HomeTeachingSession(SQLModel, table=True):
    """A session of home teaching held (送教记录); one a day per plan."""

    __tablename__ = "home_teaching_session"

    id: str = Field(primary_key=True, max_length=36)
    plan_id: str = Field(foreign_key="home_teaching_plan.id", max_length=36)
    child_id: str = Field(index=True, max_length=36)
    held_on: date
    hours: float
    content: str = Field(max_length=1000)
    recorded_by: str
    recorded_at: datetime = timestamp()


class HomeTeachingMissed(SQLModel, table=True):
    """A month a plan's schedule was not kept (送教不足): written once per plan and month."""

    __tablename__ = "home_teaching_missed"

    plan_id: str = Field(primary_key=True, foreign_key="home_teaching_plan.id", max_length=36)
    month: str = Field(primary_key=True, max_length=7)  # 2026-11
    child_id: str = Field(index=True, max_length=36)
    school_code: str = Field(max_length=10)
    town_code: str = Field(max_length=9)
    expected: int
    held: int
    flagged_at: datetime = timestamp()

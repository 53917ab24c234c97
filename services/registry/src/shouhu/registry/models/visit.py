"""Visits (定期走访) and how often they are due."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class Visit(SQLModel, table=True):
    """A visit to a child's family."""

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(foreign_key="child.id", index=True)
    visited_on: date
    visitor: str
    visitor_role: str
    seen: str
    findings: str
    risk_level: str
    next_due: date
    created_at: datetime = timestamp()


class VisitPolicy(SQLModel, table=True):
    """How often a child of a primary category is visited; the district sets it."""

    __tablename__ = "visit_policy"

    primary_category: str = Field(primary_key=True)
    interval_days: int


class DigestRun(SQLModel, table=True):
    """A week whose overdue-visit digest was sent (once, by whichever worker came first)."""

    __tablename__ = "digest_run"

    week: str = Field(primary_key=True, max_length=10)
    sent_at: datetime = timestamp()

"""The support plan (一策): measures of every department."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class PlanMeasure(SQLModel, table=True):
    """One measure of a child's support plan (帮扶措施)."""

    __tablename__ = "plan_measure"

    id: str = Field(primary_key=True, max_length=36)
    child_id: str = Field(foreign_key="child.id", index=True)
    version: int = 1
    department: str
    kind: str
    description: str
    status: str
    due_date: date | None = None
    owner: str | None = None
    source_ref: str | None = Field(default=None, unique=True)
    # Shown only to roles that see health detail (a measure that could tell HIV, say).
    restricted: bool = False
    created_by: str
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()

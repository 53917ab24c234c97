"""The single window: applications, a task per department and need, their timeline."""

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from shouhu.platform.columns import json_column, timestamp


class Intake(SQLModel, table=True):
    """An application taken at the window (受理申请)."""

    __tablename__ = "intake"
    # Pages of applications newest first: the district's, and a town's.
    __table_args__ = (
        Index("ix_intake_submitted", "submitted_at", "id"),
        Index("ix_intake_town_submitted", "town_code", "submitted_at", "id"),
    )

    id: str = Field(primary_key=True, max_length=36)
    receipt_number: str = Field(unique=True, max_length=20)
    child_id: str = Field(foreign_key="child.id", index=True)
    # The child's village and town when the application was taken: the scope of its readers.
    division_code: str = Field(max_length=12)
    town_code: str = Field(max_length=9)
    status: str = "OPEN"
    clerk: str
    clerk_division_code: str
    applicant_name: str
    applicant_relation: str
    applicant_phone: str
    needs: list[str] = json_column()
    materials: list[str] = json_column()
    note: str | None = None
    routing_version: str
    submitted_at: datetime = timestamp()
    closed_at: datetime | None = timestamp(nullable=True)
    withdraw_reason: str | None = None
    version: int = 1


class DepartmentTask(SQLModel, table=True):
    """A department's part of an application (部门任务): one per department and need."""

    __tablename__ = "department_task"
    # The board: a department's tasks newest first, district-wide or of one town.
    __table_args__ = (
        Index("ix_department_task_board", "department", "created_at", "id"),
        Index("ix_department_task_town_board", "department", "town_code", "created_at", "id"),
        # The district's figures over a period.
        Index("ix_department_task_created_at", "created_at"),
    )

    id: str = Field(primary_key=True, max_length=36)
    intake_id: str = Field(foreign_key="intake.id", index=True)
    child_id: str
    division_code: str = Field(max_length=12)
    town_code: str = Field(max_length=9)
    department: str
    need: str
    status: str = "PENDING"
    # The deadline it was given at submission (routing as it was then), in working days.
    working_days: int
    due_on: date
    # The end of `due_on` in Beijing; null while the clock is paused for materials.
    due_at: datetime | None = timestamp(nullable=True)
    paused_on: date | None = None
    missing_materials: list[str] = json_column()
    received_materials: list[str] = json_column()
    note: str | None = None
    outcome: str | None = None
    # The application was withdrawn: nothing more is done on the task.
    withdrawn: bool = False
    # The first task of its application, and of its application at its department: the
    # district's figures count applications without a DISTINCT over every task of the year.
    first_of_intake: bool = False
    first_of_department: bool = False
    version: int = 1
    created_at: datetime = timestamp()
    updated_at: datetime = timestamp()
    finished_at: datetime | None = timestamp(nullable=True)


class IntakeStep(SQLModel, table=True):
    """One step of an application's timeline (办理记录); never changed."""

    __tablename__ = "intake_step"

    seq: int | None = Field(default=None, primary_key=True)
    intake_id: str = Field(foreign_key="intake.id", index=True)
    task_id: str | None = None
    department: str | None = None
    at: datetime = timestamp()
    actor: str
    action: str
    note: str | None = None


class ReceiptSequence(SQLModel, table=True):
    """The last receipt number given per prefix and year; taken under the row's lock."""

    __tablename__ = "receipt_sequence"

    prefix: str = Field(primary_key=True, max_length=8)
    year: int = Field(primary_key=True)
    last: int = 0

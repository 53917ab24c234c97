"""API shapes of support plans."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.schemas import Camel, Day, Input


class Department(StrEnum):
    """The department a measure belongs to (责任部门)."""

    CIVIL_AFFAIRS = "CIVIL_AFFAIRS"
    EDUCATION = "EDUCATION"
    HEALTH = "HEALTH"
    POLICE = "POLICE"
    HUMAN_RESOURCES = "HUMAN_RESOURCES"
    JUDICIAL = "JUDICIAL"
    HOUSING = "HOUSING"
    MASS_ORGANISATION = "MASS_ORGANISATION"


class MeasureStatus(StrEnum):
    """Where a measure stands (措施状态)."""

    PLANNED = "PLANNED"
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"
    CANCELLED = "CANCELLED"


class AddMeasure(Input):
    """A new measure of a child's plan; `kind` is free short text (e.g. 送教上门, 心理疏导)."""

    department: Department
    kind: str = Field(max_length=50)
    description: str = Field(max_length=2000)
    status: MeasureStatus = MeasureStatus.PLANNED
    due_date: Annotated[date, Day("完成期限", ahead=True)] | None = None
    owner: str | None = Field(default=None, max_length=100)


class UpdateMeasure(Input):
    """A change to a measure; only the fields given change."""

    department: Department | None = None
    kind: str | None = Field(default=None, max_length=50)
    description: str | None = Field(default=None, max_length=2000)
    status: MeasureStatus | None = None
    due_date: Annotated[date, Day("完成期限", ahead=True)] | None = None
    owner: str | None = Field(default=None, max_length=100)
    reason: str | None = Field(default=None, max_length=500)


class PlanMeasureOut(Camel):
    id: str
    child_id: str
    version: int
    department: Department
    kind: str
    description: str
    status: MeasureStatus
    due_date: date | None
    owner: str | None
    source_ref: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime


class SupportPlanOut(Camel):
    """A child's one living support plan (一策): every department's measures, oldest first."""

    child_id: str
    measures: list[PlanMeasureOut]

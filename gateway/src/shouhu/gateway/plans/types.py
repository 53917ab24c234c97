"""Support plans (一策): the measures of every department for one child."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.common import to_date


@strawberry.enum(description="The department a measure belongs to (责任部门)")
class Department(Enum):
    CIVIL_AFFAIRS = "CIVIL_AFFAIRS"
    EDUCATION = "EDUCATION"
    HEALTH = "HEALTH"
    POLICE = "POLICE"
    HUMAN_RESOURCES = "HUMAN_RESOURCES"
    JUDICIAL = "JUDICIAL"
    HOUSING = "HOUSING"
    MASS_ORGANISATION = "MASS_ORGANISATION"


@strawberry.enum(description="Where a measure stands; DONE and CANCELLED are final")
class MeasureStatus(Enum):
    PLANNED = "PLANNED"
    IN_PROGRESS = "IN_PROGRESS"
    DONE = "DONE"
    CANCELLED = "CANCELLED"


@strawberry.type(description="One measure of a child's support plan (帮扶措施)")
class PlanMeasure:
    id: strawberry.ID
    child_id: strawberry.ID
    version: int
    department: Department
    kind: str = strawberry.field(description="Free short text, e.g. 送教上门")
    description: str
    status: MeasureStatus
    due_date: datetime.date | None
    owner: str | None
    source_ref: str | None = strawberry.field(
        description="Set when a department's own system keeps the measure"
    )
    created_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PlanMeasure:
        return cls(
            id=strawberry.ID(row["id"]),
            child_id=strawberry.ID(row["childId"]),
            version=row["version"],
            department=Department(row["department"]),
            kind=row["kind"],
            description=row["description"],
            status=MeasureStatus(row["status"]),
            due_date=to_date(row.get("dueDate")),
            owner=row.get("owner"),
            source_ref=row.get("sourceRef"),
            created_by=row["createdBy"],
            created_at=datetime.datetime.fromisoformat(row["createdAt"]),
            updated_at=datetime.datetime.fromisoformat(row["updatedAt"]),
        )


@strawberry.type(description="A child's one living support plan (一策)")
class SupportPlan:
    child_id: strawberry.ID
    measures: list[PlanMeasure] = strawberry.field(description="Every department's, oldest first")

    @classmethod
    def from_row(cls, child_id: str, row: dict[str, Any] | None) -> SupportPlan:
        """A plan as the registry answers it; none yet is an empty plan."""
        measures = (row or {}).get("measures") or []
        return cls(
            child_id=strawberry.ID(child_id), measures=[PlanMeasure.from_row(m) for m in measures]
        )


@strawberry.input(description="A new measure of a child's plan")
class PlanMeasureInput:
    department: Department
    kind: str = strawberry.field(description="Free short text, at most 50 characters")
    description: str
    status: MeasureStatus = MeasureStatus.PLANNED
    due_date: datetime.date | None = None
    owner: str | None = None


@strawberry.input(description="The fields of a measure to change; those left out stay")
class UpdatePlanMeasureInput:
    department: Department | None = strawberry.UNSET
    kind: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    status: MeasureStatus | None = strawberry.UNSET
    due_date: datetime.date | None = strawberry.UNSET
    owner: str | None = strawberry.UNSET
    reason: str | None = strawberry.UNSET

"""Visits to children's families (定期走访) and how often they are due."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.children.types import Child, PrimaryCategory
from shouhu.gateway.common import PageInfo


@strawberry.enum(description="The risk the visitor saw (风险等级)")
class RiskLevel(Enum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"


@strawberry.type(description="A visit to a child's family (走访记录)")
class Visit:
    id: strawberry.ID
    child_id: strawberry.ID
    visited_on: datetime.date
    visitor: str
    visitor_role: str
    seen: str = strawberry.field(description="Who was seen")
    findings: str
    risk_level: RiskLevel
    next_due: datetime.date
    created_at: datetime.datetime

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Visit:
        return cls(
            id=strawberry.ID(row["id"]),
            child_id=strawberry.ID(row["childId"]),
            visited_on=datetime.date.fromisoformat(row["visitedOn"]),
            visitor=row["visitor"],
            visitor_role=row["visitorRole"],
            seen=row["seen"],
            findings=row["findings"],
            risk_level=RiskLevel(row["riskLevel"]),
            next_due=datetime.date.fromisoformat(row["nextDue"]),
            created_at=datetime.datetime.fromisoformat(row["createdAt"]),
        )


@strawberry.input(description="A visit; without nextDue, the category's interval gives it")
class VisitInput:
    visited_on: datetime.date = strawberry.field(description="Not in the future")
    seen: str = strawberry.field(description="Who was seen")
    findings: str
    risk_level: RiskLevel
    next_due: datetime.date | None = strawberry.field(
        default=None, description="Not before visitedOn; default: visitedOn + the interval"
    )


@strawberry.type(description="How often a child of a primary category is visited (走访周期)")
class VisitInterval:
    primary_category: PrimaryCategory
    interval_days: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> VisitInterval:
        return cls(
            primary_category=PrimaryCategory(row["primaryCategory"]),
            interval_days=row["intervalDays"],
        )


@strawberry.type(description="An active child whose visit is overdue")
class OverdueVisit:
    child: Child
    due_on: datetime.date = strawberry.field(
        description="The latest visit's nextDue, or one interval after registration"
    )
    days_overdue: int
    last_visit: Visit | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> OverdueVisit:
        last = row.get("lastVisit")
        return cls(
            child=Child.from_row(row["child"]),
            due_on=datetime.date.fromisoformat(row["dueOn"]),
            days_overdue=row["daysOverdue"],
            last_visit=Visit.from_row(last) if last else None,
        )


@strawberry.type
class OverdueVisitEdge:
    cursor: str
    node: OverdueVisit


@strawberry.type(description="A page of overdue visits, ordered by village")
class OverdueVisitConnection:
    division_code: str
    edges: list[OverdueVisitEdge]
    page_info: PageInfo
    total_count: int

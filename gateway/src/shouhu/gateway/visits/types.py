"""Visits to children's families (定期走访) and how often they are due."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.children import Child, PrimaryCategory, to_json
from shouhu.gateway.common import Ctx, PageInfo, operation_name


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


def _reads(info: Ctx) -> dict[str, str]:
    return {"X-Shouhu-Operation": operation_name(info)}


async def child_visits(info: Ctx, child_id: str) -> list[Visit]:
    """A child's visits, newest first (the resolver of `Child.visits`)."""
    rows = await info.context.services.registry.get(
        f"/children/{child_id}/visits", token=info.context.token, headers=_reads(info)
    )
    return [Visit.from_row(r) for r in rows]


@strawberry.type
class Query:
    @strawberry.field(description="Active children whose visit is overdue, in the caller's scope")
    async def overdue_visits(
        self,
        info: Ctx,
        division_code: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> OverdueVisitConnection:
        page = await info.context.services.registry.get(
            "/visits/overdue",
            token=info.context.token,
            params={"divisionCode": division_code, "first": first, "after": after},
            headers=_reads(info),
        )
        return OverdueVisitConnection(
            division_code=page["divisionCode"],
            edges=[
                OverdueVisitEdge(cursor=e["cursor"], node=OverdueVisit.from_row(e["node"]))
                for e in page["edges"]
            ],
            page_info=PageInfo.from_row(page["pageInfo"]),
            total_count=page["totalCount"],
        )

    @strawberry.field(description="How often each primary category is visited")
    async def visit_policy(self, info: Ctx) -> list[VisitInterval]:
        rows = await info.context.services.registry.get("/visit-policy", token=info.context.token)
        return [VisitInterval.from_row(r) for r in rows]


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Record a visit to a child's family")
    async def record_visit(self, info: Ctx, child_id: strawberry.ID, input: VisitInput) -> Visit:
        row = await info.context.services.registry.post(
            f"/children/{child_id}/visits", token=info.context.token, json=to_json(input)
        )
        return Visit.from_row(row)

    @strawberry.mutation(description="Set how often a category is visited (district civil affairs)")
    async def set_visit_interval(
        self, info: Ctx, category: PrimaryCategory, interval_days: int
    ) -> VisitInterval:
        row = await info.context.services.registry.request(
            "PUT",
            f"/visit-policy/{category.value}",
            token=info.context.token,
            json={"intervalDays": interval_days},
        )
        return VisitInterval.from_row(row)

"""The workforce of the network (队伍建设): town social workers and village supervisors."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.common import Ctx
from shouhu.gateway.divisions.types import Division, named_division


@strawberry.enum(
    description="The town's child social worker (儿童社会工作者) or the village's child welfare "
    "supervisor (儿童福利督导员)"
)
class WorkforcePost(Enum):
    SOCIAL_WORKER = "SOCIAL_WORKER"
    SUPERVISOR = "SUPERVISOR"


@strawberry.enum(description="Full-time (专职) or part-time (兼职)")
class Employment(Enum):
    FULL_TIME = "FULL_TIME"
    PART_TIME = "PART_TIME"


@strawberry.type(description="One term of a post of the network")
class WorkforceMember:
    id: strawberry.ID
    division_code: str
    post: WorkforcePost
    name: str
    phone: str
    employment: Employment
    since: datetime.date
    until: datetime.date | None
    username: str | None
    current: bool

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> WorkforceMember:
        until = row.get("until")
        return cls(
            id=strawberry.ID(row["id"]),
            division_code=row["divisionCode"],
            post=WorkforcePost(row["post"]),
            name=row["name"],
            phone=row["phone"],
            employment=Employment(row["employment"]),
            since=datetime.date.fromisoformat(row["since"]),
            until=datetime.date.fromisoformat(until) if until else None,
            username=row.get("username"),
            current=row["current"],
        )

    @strawberry.field(description="The town or village of the post")
    def division(self, info: Ctx) -> Division:
        return named_division(info, self.division_code)


@strawberry.type(description="Towns without a social worker and villages without a supervisor")
class WorkforceCoverage:
    division_code: str
    town_count: int
    towns_with_social_worker: int
    towns_without_social_worker: list[Division]
    village_count: int
    villages_with_supervisor: int
    villages_without_supervisor: list[Division]

    @strawberry.field(description="The division the report covers, with everything below it")
    def division(self, info: Ctx) -> Division:
        return named_division(info, self.division_code)


@strawberry.input(description="A new holder of a post; the previous holder's term ends today")
class AssignWorkerInput:
    post: WorkforcePost = strawberry.field(
        description="SOCIAL_WORKER on a town, SUPERVISOR on a village"
    )
    name: str
    phone: str = strawberry.field(description="11-digit mobile, or landline with area code")
    employment: Employment
    since: datetime.date
    username: str | None = strawberry.field(default=None, description="The holder's account")

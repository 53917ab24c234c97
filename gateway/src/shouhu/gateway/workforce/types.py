"""The workforce of the network (队伍建设): town social workers and village supervisors."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry

from shouhu.gateway.children import to_json
from shouhu.gateway.common import Ctx
from shouhu.gateway.divisions import Division, load_division
from shouhu.platform.errors import NotFound


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
    async def division(self, info: Ctx) -> Division:
        return await load_division(info, self.division_code)


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
    async def division(self, info: Ctx) -> Division:
        return await load_division(info, self.division_code)


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


async def division_workforce(
    info: Ctx, code: str, include_ended: bool = False
) -> list[WorkforceMember]:
    """`Division.workforce`: none out of the caller's line, so a walk down the tree goes on."""
    try:
        rows = await info.context.services.registry.get(
            f"/divisions/{code}/workforce",
            token=info.context.token,
            params={"includeEnded": include_ended},
        )
    except NotFound:
        return []
    return [WorkforceMember.from_row(r) for r in rows]


@strawberry.type
class Query:
    @strawberry.field(description="Which towns and villages lack their post, for a division")
    async def workforce_coverage(
        self, info: Ctx, division_code: str | None = None
    ) -> WorkforceCoverage:
        row = await info.context.services.registry.get(
            "/workforce/coverage",
            token=info.context.token,
            params={"divisionCode": division_code},
        )
        return WorkforceCoverage(
            division_code=row["divisionCode"],
            town_count=row["townCount"],
            towns_with_social_worker=row["townsWithSocialWorker"],
            towns_without_social_worker=[
                Division.from_row(d) for d in row["townsWithoutSocialWorker"]
            ],
            village_count=row["villageCount"],
            villages_with_supervisor=row["villagesWithSupervisor"],
            villages_without_supervisor=[
                Division.from_row(d) for d in row["villagesWithoutSupervisor"]
            ],
        )


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Give a town or village's post a new holder")
    async def assign_worker(
        self, info: Ctx, division_code: str, input: AssignWorkerInput
    ) -> WorkforceMember:
        row = await info.context.services.registry.post(
            f"/divisions/{division_code}/workforce", token=info.context.token, json=to_json(input)
        )
        return WorkforceMember.from_row(row)

    @strawberry.mutation(description="End a holder's term (today unless a past day is given)")
    async def end_worker_assignment(
        self, info: Ctx, id: strawberry.ID, until: datetime.date | None = None
    ) -> WorkforceMember:
        row = await info.context.services.registry.post(
            f"/workforce/{id}/end",
            token=info.context.token,
            json={"until": until.isoformat() if until else None},
        )
        return WorkforceMember.from_row(row)

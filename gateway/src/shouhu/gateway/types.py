"""GraphQL types of the gateway (camelCase fields, UPPER_SNAKE enums)."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from shouhu.gateway.context import Context


@strawberry.type(description="The caller: username, roles and division")
class Principal:
    username: str
    roles: list[str]
    division_code: str


@strawberry.enum(description="District, town (镇街) or village (社区/村)")
class DivisionLevel(Enum):
    DISTRICT = "DISTRICT"
    TOWN = "TOWN"
    VILLAGE = "VILLAGE"


@strawberry.type(description="A division of the three-tier network (区划)")
class Division:
    code: str
    name: str
    level: DivisionLevel
    parent_code: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Division:
        return cls(
            code=row["code"],
            name=row["name"],
            level=DivisionLevel(row["level"]),
            parent_code=row.get("parentCode"),
        )

    @strawberry.field(description="The division above; none for the district")
    async def parent(self, info: Info[Context, None]) -> Division | None:
        if self.parent_code is None:
            return None
        row = await info.context.loaders.division.load(self.parent_code)
        return Division.from_row(row) if row else None

    @strawberry.field(description="The divisions directly below")
    async def children(self, info: Info[Context, None]) -> list[Division]:
        if self.level is DivisionLevel.VILLAGE:
            return []
        rows = await info.context.services.registry.get(
            "/divisions", token=info.context.token, params={"parent": self.code}
        )
        return [Division.from_row(row) for row in rows]


@strawberry.enum
class Gender(Enum):
    MALE = "MALE"
    FEMALE = "FEMALE"


@strawberry.enum(description="In scope, or exited (退出)")
class ChildStatus(Enum):
    ACTIVE = "ACTIVE"
    EXITED = "EXITED"


@strawberry.enum(description="Hardship (困境), left-behind (留守), or neither")
class PrimaryCategory(Enum):
    HARDSHIP = "HARDSHIP"
    LEFT_BEHIND = "LEFT_BEHIND"
    NONE = "NONE"


@strawberry.type(description="A child's file (儿童档案), as the caller may see it")
class Child:
    id: strawberry.ID
    version: int
    name: str
    gender: Gender
    birth_date: datetime.date
    age: int
    id_number: str | None = strawberry.field(description="Masked unless the role needs it")
    hukou_division_code: str | None
    status: ChildStatus
    primary_category: PrimaryCategory
    left_behind: bool
    residence_division_code: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Child:
        return cls(
            id=strawberry.ID(row["id"]),
            version=row["version"],
            name=row["name"],
            gender=Gender(row["gender"]),
            birth_date=datetime.date.fromisoformat(row["birthDate"]),
            age=row["age"],
            id_number=row.get("idNumber"),
            hukou_division_code=row.get("hukouDivisionCode"),
            status=ChildStatus(row["status"]),
            primary_category=PrimaryCategory(row["primaryCategory"]),
            left_behind=row["leftBehind"],
            residence_division_code=row["residenceDivisionCode"],
        )

    @strawberry.field(description="The village the child lives in")
    async def residence_division(self, info: Info[Context, None]) -> Division:
        row = await info.context.loaders.division.load(self.residence_division_code)
        if row is None:
            return Division(
                code=self.residence_division_code,
                name="",
                level=DivisionLevel.VILLAGE,
                parent_code=None,
            )
        return Division.from_row(row)


@strawberry.input(description="What opens a child's file")
class RegisterChildInput:
    name: str
    gender: Gender
    birth_date: datetime.date
    residence_division_code: str = strawberry.field(description="A village code")
    id_number: str | None = strawberry.field(
        default=None, description="18 characters, GB 11643 checksum"
    )
    hukou_division_code: str | None = strawberry.field(
        default=None, description="May be outside Beijing"
    )


@strawberry.type(description="An in-app notification (站内通知)")
class Notification:
    id: strawberry.ID
    kind: str
    title: str
    body: str
    child_id: strawberry.ID | None
    created_at: datetime.datetime
    read_at: datetime.datetime | None

    @strawberry.field
    def read(self) -> bool:
        return self.read_at is not None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Notification:
        read_at = row.get("readAt")
        return cls(
            id=strawberry.ID(row["id"]),
            kind=row["kind"],
            title=row["title"],
            body=row["body"],
            child_id=strawberry.ID(row["childId"]) if row.get("childId") else None,
            created_at=datetime.datetime.fromisoformat(row["createdAt"]),
            read_at=datetime.datetime.fromisoformat(read_at) if read_at else None,
        )


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class NotificationEdge:
    cursor: str
    node: Notification


@strawberry.type(description="A page of notifications, newest first")
class NotificationConnection:
    edges: list[NotificationEdge]
    page_info: PageInfo
    total_count: int
    unread_count: int

    @classmethod
    def from_page(cls, page: dict[str, Any]) -> NotificationConnection:
        return cls(
            edges=[
                NotificationEdge(cursor=e["cursor"], node=Notification.from_row(e["node"]))
                for e in page["edges"]
            ],
            page_info=PageInfo(
                has_next_page=page["pageInfo"]["hasNextPage"],
                end_cursor=page["pageInfo"]["endCursor"],
            ),
            total_count=page["totalCount"],
            unread_count=page["unreadCount"],
        )

"""The access log of a child's file (for the district and the auditor)."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry

from shouhu.gateway.common import PageInfo


@strawberry.type(description="One read of a child's file: who, when, which parts, how")
class AccessLogEntry:
    seq: int
    at: datetime.datetime
    child_id: strawberry.ID
    actor: str
    actor_roles: list[str]
    parts: list[str]
    operation: str
    sealed: bool = strawberry.field(description="Linked into the hash chain")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AccessLogEntry:
        return cls(
            seq=row["seq"],
            at=datetime.datetime.fromisoformat(row["at"]),
            child_id=strawberry.ID(row["childId"]),
            actor=row["actor"],
            actor_roles=row["actorRoles"],
            parts=row["parts"],
            operation=row["operation"],
            sealed=row["sealed"],
        )


@strawberry.type
class AccessLogEdge:
    cursor: str
    node: AccessLogEntry


@strawberry.type(description="Reads of a file, newest first")
class AccessLogConnection:
    edges: list[AccessLogEdge]
    page_info: PageInfo

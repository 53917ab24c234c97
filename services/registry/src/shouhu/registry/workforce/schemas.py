"""API shapes of the workforce."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.schemas import Camel, Day, Input
from shouhu.registry.divisions.schemas import DivisionOut


class Post(StrEnum):
    """Town child social worker (儿童社会工作者) or village supervisor (儿童福利督导员)."""

    SOCIAL_WORKER = "SOCIAL_WORKER"
    SUPERVISOR = "SUPERVISOR"


class Employment(StrEnum):
    """Full-time (专职) or part-time (兼职)."""

    FULL_TIME = "FULL_TIME"
    PART_TIME = "PART_TIME"


class AssignWorker(Input):
    """A new holder of a division's post; the previous holder's term ends today."""

    post: Post
    name: str = Field(max_length=50)
    phone: str = Field(max_length=20)
    employment: Employment
    since: Annotated[date, Day("任职起始日期")]
    username: str | None = Field(default=None, max_length=100)


class EndAssignment(Input):
    """The last day of a term; today when left out."""

    until: Annotated[date, Day("结束日期")] | None = None


class WorkforceMemberOut(Camel):
    id: str
    division_code: str
    post: Post
    name: str
    phone: str
    employment: Employment
    since: Annotated[date, Day("任职起始日期")]
    until: date | None
    username: str | None
    current: bool


class CoverageOut(Camel):
    """Which towns lack a social worker and which villages lack a supervisor, today."""

    division_code: str
    town_count: int
    towns_with_social_worker: int
    towns_without_social_worker: list[DivisionOut]
    village_count: int
    villages_with_supervisor: int
    villages_without_supervisor: list[DivisionOut]

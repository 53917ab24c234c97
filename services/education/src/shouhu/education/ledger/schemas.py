"""API shapes of the semester ledger."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from shouhu.education.aid.rules import AidProgramme
from shouhu.platform.schemas import Camel, Input, PageInfo, Said

SEMESTER_PATTERN = r"^\d{4}-(SPRING|AUTUMN)$"
SEMESTER_SAID = "学期格式应为 年份-SPRING（春季学期）或 年份-AUTUMN（秋季学期），如 2026-AUTUMN"


class RunSemester(Input):
    """`runAidSemester`: the semester to pay, as 2026-AUTUMN (秋季学期) or 2027-SPRING."""

    semester: Annotated[str, Field(pattern=SEMESTER_PATTERN), Said(SEMESTER_SAID)]


class AidTotalOut(Camel):
    """What one town receives of one programme in a semester (汇总)."""

    town_code: str
    town_name: str
    programme: AidProgramme
    line_count: int
    total_fen: int


class AidSemesterOut(Camel):
    """A semester's ledger: its figures, and the totals within the caller's division."""

    id: str
    semester: str
    starts_on: date
    line_count: int
    total_fen: int
    rule_version: str
    standards: dict[str, int] = Field(description="Each programme's semester amount, in fen")
    created_at: datetime
    created_by: str
    scope_division_code: str
    totals: list[AidTotalOut]


class AidLineOut(Camel):
    """One child's aid of one programme in the semester (发放明细)."""

    id: str
    semester: str
    child_id: str
    child_name: str
    programme: AidProgramme
    stage: str
    amount_fen: int
    residence_division_code: str
    town_code: str


class AidLineEdge(Camel):
    cursor: str
    node: AidLineOut


class AidLinePage(Camel):
    """A page of a semester's lines in the caller's division, in the ledger's order."""

    edges: list[AidLineEdge]
    page_info: PageInfo
    total_count: int | None = Field(default=None)

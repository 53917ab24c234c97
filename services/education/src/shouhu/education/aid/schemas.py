"""API shapes of aid: the programmes and their standards, a child's decisions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import Field

from shouhu.education.aid.rules import AidProgramme
from shouhu.education.schools.schemas import SchoolStage
from shouhu.platform.schemas import Camel, Day, Input, Said

MAX_ANNUAL_FEN = 10_000_000  # 100,000.00 yuan a year: above it, a typing slip

AnnualFen = Annotated[
    int,
    Field(ge=0, le=MAX_ANNUAL_FEN),
    Said(f"年资助标准应为0至{MAX_ANNUAL_FEN}之间的整数（单位：分），不能为负数"),
]


class StandardInput(Input):
    """`setAidStandard`: a programme's annual amount in fen, from a day on (today if not given)."""

    programme: AidProgramme
    annual_amount_fen: AnnualFen
    effective_from: Annotated[date, Day("生效日期", ahead=True)] | None = None


class StandardOut(Camel):
    """One standard the district set, kept after a later one replaces it."""

    annual_amount_fen: int
    effective_from: date
    set_by: str
    set_at: datetime


class SemesterShareOut(Camel):
    code: str
    name: str
    starts: str
    percent: int


class AidProgrammeOut(Camel):
    """A programme (资助项目) with today's standard and every standard set."""

    code: AidProgramme
    name: str
    stages: list[SchoolStage]
    boarding_required: bool
    left_behind_eligible: bool
    basis: str
    annual_amount_fen: int
    placeholder: bool = Field(description="No standard set yet: the rules file's placeholder")
    effective_from: date | None
    semesters: list[SemesterShareOut]
    standards: list[StandardOut] = Field(description="Newest first")
    rule_version: str


class AidOut(Camel):
    """A child's aid on one programme: eligible or not, why, and the annual amount."""

    programme: AidProgramme
    programme_name: str
    eligible: bool
    reasons: list[str]
    annual_amount_fen: int
    decided_on: date | None = Field(description="Null when judged as read, never kept")
    rule_version: str

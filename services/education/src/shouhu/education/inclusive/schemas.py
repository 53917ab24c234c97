"""API shapes of inclusive schooling: placements, home teaching plans, sessions, shortfalls."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.education.schools.schemas import SchoolCode
from shouhu.platform.schemas import Camel, Day, Input, Said

SUMMARY_MAX = 1000
CONTENT_MAX = 1000
MAX_SESSIONS_READ = 100
MAX_LISTED = 500  # plans of a division in one answer; home teaching concerns a few children


class PlacementKind(StrEnum):
    """Where a disabled child is schooled (安置方式)."""

    REGULAR_CLASS = "REGULAR_CLASS"  # 随班就读
    SPECIAL_CLASS = "SPECIAL_CLASS"  # 特教班
    SPECIAL_SCHOOL = "SPECIAL_SCHOOL"  # 特殊教育学校
    HOME_TEACHING = "HOME_TEACHING"  # 送教上门


class AssessmentIn(Input):
    """The assessment that decided a placement (残疾儿童入学评估)."""

    on: Annotated[date, Day("评估日期")]
    by: Annotated[str, Field(min_length=2, max_length=100), Said("评估机构应为2至100个字符")]
    summary: Annotated[
        str,
        Field(min_length=1, max_length=SUMMARY_MAX),
        Said(f"评估结论应为1至{SUMMARY_MAX}字"),
    ]


class PlacementInput(Input):
    """`decidePlacement`: the kind, the school, the assessment, from when (today if not given)."""

    kind: PlacementKind
    school_code: SchoolCode
    assessment: AssessmentIn
    since: Annotated[date, Day("安置日期")] | None = None


class AssessmentOut(Camel):
    on: date
    by: str
    summary: str


class PlacementOut(Camel):
    """A placement as decided."""

    id: str
    child_id: str
    kind: PlacementKind
    school_code: str
    school_name: str
    assessment: AssessmentOut
    since: date
    ended_on: date | None
    decided_by: str


class PlanInput(Input):
    """`planHomeTeaching`: the teacher, the sending school (the placement's if not given), the
    schedule (the district's defaults if not given, else within its bounds), from when."""

    teacher_name: Annotated[
        str, Field(min_length=1, max_length=50), Said("送教教师姓名应为1至50个字符")
    ]
    teacher_username: (
        Annotated[str, Field(min_length=1, max_length=100), Said("教师账号应为1至100个字符")] | None
    ) = None
    school_code: SchoolCode | None = None
    # The district's bounds (`home-teaching.yaml`) are the service's to check; these only keep
    # the numbers plausible.
    sessions_per_month: (
        Annotated[int, Field(ge=1, le=31), Said("每月送教次数应为1至31之间的整数")] | None
    ) = None
    min_hours: (
        Annotated[float, Field(gt=0, le=24), Said("每次送教时长应大于0且不超过24小时")] | None
    ) = None
    since: Annotated[date, Day("送教开始日期")] | None = None


class SessionInput(Input):
    """`recordHomeTeachingSession`: the day, the hours, what was taught."""

    on: Annotated[date, Day("送教日期")]
    hours: Annotated[float, Field(gt=0, le=24), Said("送教时长应大于0且不超过24小时")]
    content: Annotated[
        str,
        Field(min_length=1, max_length=CONTENT_MAX),
        Said(f"送教内容应为1至{CONTENT_MAX}字"),
    ]


class SessionOut(Camel):
    id: str
    on: date
    hours: float
    content: str
    counted: bool = Field(description="Long enough to count towards the month's schedule")
    recorded_by: str


class MissedMonthOut(Camel):
    """A month the schedule was not kept (送教不足)."""

    month: str
    expected: int
    held: int


class HomeTeachingOut(Camel):
    """A child's current home teaching plan with this month's count and the months missed."""

    id: str
    child_id: str
    child_name: str
    residence_division_code: str
    town_code: str
    placement_id: str
    teacher_name: str
    teacher_username: str | None
    school_code: str
    school_name: str
    sessions_per_month: int
    min_hours: float
    since: date
    rule_version: str
    held_this_month: int = Field(description="Sessions counted this month so far")
    missed_months: list[MissedMonthOut] = Field(description="Newest first")


class InclusiveOut(Camel):
    """What a child's education shows of inclusive schooling."""

    placement: PlacementOut | None = None
    home_teaching: HomeTeachingOut | None = None

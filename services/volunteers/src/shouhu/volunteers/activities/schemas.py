"""API shapes of activities."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator

from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, Camel, Day, Input, Said

MAX_SIGN_UP = 200  # volunteers named in one call
MAX_PLACES = 10_000


class ActivityKind(StrEnum):
    """What an activity is (活动类型); Chinese names in `shouhu.platform.labels`."""

    STUDY_HELP = "STUDY_HELP"  # 学业辅导
    HOLIDAY_CAMP = "HOLIDAY_CAMP"  # 假期营地
    FAMILY_REUNION = "FAMILY_REUNION"  # 亲情团聚, organised by the trade union
    HEALTH_CHECK = "HEALTH_CHECK"  # 健康体检
    PSYCHOLOGICAL_COUNSELLING = "PSYCHOLOGICAL_COUNSELLING"  # 心理疏导
    SAFETY_EDUCATION = "SAFETY_EDUCATION"  # 安全教育
    CULTURE_AND_SPORTS = "CULTURE_AND_SPORTS"  # 文体活动
    OTHER = "OTHER"  # 其他


class ActivityInput(Input):
    """`createActivity`: an organisation's activity on a day, for a division or the district."""

    organisation_id: str | None = Field(
        default=None,
        max_length=36,
        description="The organisation holding it; by default the caller's federation's own",
    )
    kind: ActivityKind
    title: Annotated[str, Field(min_length=2, max_length=100), Said("活动名称应为2至100个字符")]
    division_code: Annotated[str, Field(pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)]
    on: Annotated[date, Day("活动日期", ahead=True)]
    capacity: Annotated[int, Field(ge=0, le=MAX_PLACES), Said(f"儿童名额应在0到{MAX_PLACES}之间")]
    volunteer_capacity: (
        Annotated[int, Field(ge=1, le=1000), Said("志愿者名额应在1到1000之间")] | None
    ) = None


class SignUpInput(Input):
    """`signUpForActivity`: volunteers by id, and a number of children."""

    volunteer_ids: Annotated[
        list[str], Field(max_length=MAX_SIGN_UP), Said(f"一次最多报名{MAX_SIGN_UP}名志愿者")
    ] = Field(default_factory=list)
    children: Annotated[int, Field(ge=0, le=MAX_PLACES), Said("报名儿童人数不能为负数")] = 0

    @field_validator("volunteer_ids")
    @classmethod
    def _distinct(cls, items: list[str]) -> list[str]:
        return list(dict.fromkeys(items))


class AttendanceInput(Input):
    """`recordAttendance`: the volunteers who came (the others signed up did not) and the
    number of children."""

    volunteer_ids: Annotated[
        list[str], Field(max_length=MAX_SIGN_UP), Said(f"一次最多记录{MAX_SIGN_UP}名志愿者")
    ]
    children_attended: Annotated[
        int, Field(ge=0, le=MAX_PLACES), Said("到场儿童人数不能为负数")
    ] = 0

    @field_validator("volunteer_ids")
    @classmethod
    def _distinct(cls, items: list[str]) -> list[str]:
        return list(dict.fromkeys(items))


class ActivityVolunteerOut(Camel):
    """A volunteer signed up; `attended` null until attendance is taken."""

    volunteer_id: str
    name: str
    attended: bool | None


class ActivityOut(Camel):
    """An activity as the caller may see it (a volunteer sees only itself among the volunteers)."""

    id: str
    organisation_id: str
    organisation_name: str
    kind: ActivityKind
    kind_name: str
    title: str
    division_code: str
    division_name: str
    on: date
    capacity: int
    volunteer_capacity: int | None
    children_signed_up: int
    children_attended: int | None
    volunteers: list[ActivityVolunteerOut]
    attendance_taken: bool
    version: int
    created_by: str
    created_at: datetime

"""API shapes of volunteers and their vetting."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator

from shouhu.platform.mobile import MobileNumber
from shouhu.platform.schemas import (
    DIVISION_CODE,
    DIVISION_CODE_SAID,
    Camel,
    DivisionCode,
    Input,
    PageInfo,
    Said,
)
from shouhu.volunteers.accounts.schemas import AccountOut
from shouhu.volunteers.vetting.schemas import VettingOut

MAX_PAGE = 100


class VolunteerSkill(StrEnum):
    """What a volunteer can offer (志愿服务技能), API.md `VolunteerSkill`."""

    TUTORING = "TUTORING"  # 学业辅导
    PSYCHOLOGY = "PSYCHOLOGY"  # 心理疏导
    MEDICAL = "MEDICAL"  # 医疗健康
    LEGAL = "LEGAL"  # 法律服务
    ARTS = "ARTS"  # 文艺
    SPORTS = "SPORTS"  # 体育
    COMPANIONSHIP = "COMPANIONSHIP"  # 陪伴


class Availability(StrEnum):
    """When a volunteer can serve (可服务时间)."""

    WEEKDAY_DAYTIME = "WEEKDAY_DAYTIME"  # 工作日白天
    WEEKDAY_EVENING = "WEEKDAY_EVENING"  # 工作日晚间
    WEEKEND_DAYTIME = "WEEKEND_DAYTIME"  # 周末白天
    WEEKEND_EVENING = "WEEKEND_EVENING"  # 周末晚间
    SCHOOL_HOLIDAYS = "SCHOOL_HOLIDAYS"  # 寒暑假


class Gender(StrEnum):
    MALE = "MALE"
    FEMALE = "FEMALE"


class VolunteerInput(Input):
    """`registerVolunteer`: a person, their identity number, what and where they can serve."""

    name: Annotated[str, Field(min_length=2, max_length=50), Said("姓名应为2至50个字符")]
    id_number: Annotated[
        str,
        Field(min_length=1, max_length=18),
        Said("身份证号码应为18位（前17位为数字，末位为数字或X）"),
    ]
    phone: MobileNumber
    skills: Annotated[
        list[VolunteerSkill], Field(min_length=1, max_length=7), Said("服务技能至少一项")
    ]
    division_code: Annotated[str, Field(pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)]
    organisation_id: str | None = Field(
        default=None,
        max_length=36,
        description="The organisation they serve with; by default the caller's federation's own",
    )
    availability: Annotated[list[Availability], Field(max_length=5), Said("可服务时间最多5项")] = (
        Field(default_factory=list)
    )
    service_area: Annotated[
        list[DivisionCode], Field(max_length=20), Said("服务区域最多20个区划")
    ] = Field(default_factory=list, description="Divisions they serve in; by default their own")

    @field_validator("skills", "availability", "service_area")
    @classmethod
    def _distinct(cls, items: list[str]) -> list[str]:
        return list(dict.fromkeys(items))


class VolunteerOut(Camel):
    """A volunteer as the caller may see them: the identity number always masked."""

    id: str
    name: str
    id_number: str
    gender: Gender
    age: int
    adult: bool
    phone: str
    skills: list[VolunteerSkill]
    division_code: str
    division_name: str
    organisation_id: str
    organisation_name: str
    availability: list[Availability]
    service_area: list[str]
    vetted: bool
    check_valid_until: date | None
    trained: bool
    vettings: list[VettingOut]
    total_hours: float
    star_level: int
    # The cumulative hours of the next star (stars.yaml), None with all five: the console shows
    # the hours still to serve without knowing the thresholds.
    next_star_hours: float | None = None
    username: str | None
    # The account made for the volunteer (issue 15 item 2); null for those registered before.
    account: AccountOut | None = None
    version: int
    registered_by: str
    registered_at: datetime


class VolunteerEdge(Camel):
    cursor: str
    node: VolunteerOut


class VolunteerPage(Camel):
    edges: list[VolunteerEdge]
    page_info: PageInfo

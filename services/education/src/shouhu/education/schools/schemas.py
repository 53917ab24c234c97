"""API shapes of schools."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, field_validator

from shouhu.platform.schemas import Camel, Input, Said


class SchoolStage(StrEnum):
    """A stage of schooling (学段), API.md `SchoolStage`."""

    PRESCHOOL = "PRESCHOOL"
    PRIMARY = "PRIMARY"
    JUNIOR_SECONDARY = "JUNIOR_SECONDARY"
    SENIOR_SECONDARY = "SENIOR_SECONDARY"
    VOCATIONAL_SECONDARY = "VOCATIONAL_SECONDARY"
    SPECIAL_EDUCATION = "SPECIAL_EDUCATION"
    HOME_TEACHING = "HOME_TEACHING"


class SchoolKind(StrEnum):
    """Who runs a school (办学类型)."""

    PUBLIC = "PUBLIC"
    PRIVATE = "PRIVATE"
    SPECIAL_EDUCATION = "SPECIAL_EDUCATION"


# The national school identifier (学校标识码): ten digits, the second and third the province's
# code, 11 for Beijing (北京大学 is 4111010001). A district school outside it is a typing slip.
SCHOOL_CODE = r"^\d{10}$"
SCHOOL_CODE_SAID = "学校标识码应为10位数字"
PROVINCE = "11"
PROVINCE_SAID = "学校标识码第2、3位应为北京市代码11"
TOWN_CODE = r"^110109\d{3}$"
TOWN_CODE_SAID = "所在镇街应为本区9位镇街代码"

SchoolCode = Annotated[str, Field(pattern=SCHOOL_CODE), Said(SCHOOL_CODE_SAID)]
SchoolName = Annotated[str, Field(min_length=2, max_length=100), Said("学校名称应为2至100个字符")]


class SchoolOut(Camel):
    """A school as the reference has it."""

    code: str
    name: str
    stages: list[SchoolStage]
    town_code: str
    town_name: str
    kind: SchoolKind
    demo: bool
    version: int
    updated_by: str
    updated_at: datetime


class SchoolFields(Input):
    """What the education department says of a school."""

    name: SchoolName
    stages: Annotated[list[SchoolStage], Field(min_length=1, max_length=7), Said("学段至少一项")]
    town_code: Annotated[str, Field(pattern=TOWN_CODE), Said(TOWN_CODE_SAID)]
    kind: SchoolKind

    @field_validator("stages")
    @classmethod
    def _distinct(cls, stages: list[SchoolStage]) -> list[SchoolStage]:
        return list(dict.fromkeys(stages))


class SchoolInput(SchoolFields):
    """`createSchool`: a new school under its identifier."""

    code: SchoolCode


class StaffInput(Input):
    """Tie a `school_staff` user to their school."""

    school_code: SchoolCode


class StaffOut(Camel):
    username: str
    school_code: str
    school_name: str
    assigned_by: str
    assigned_at: datetime

"""API shapes of enrolments and of a child's education."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.education.aid.schemas import AidOut
from shouhu.education.dropout.schemas import DropoutRiskOut
from shouhu.education.inclusive.schemas import HomeTeachingOut, PlacementOut
from shouhu.education.residency.schemas import NonBeijingOut
from shouhu.education.schools.schemas import SchoolCode, SchoolName, SchoolStage
from shouhu.platform.schemas import Camel, Day, Input, PageInfo, Said

MAX_CHILDREN = 100  # children per batch read, as the gateway sends them
MAX_GRADE = 12
MAX_PAGE = 100  # pupils per page


class EnrolmentStatus(StrEnum):
    """ACTIVE, SUSPENDED (休学) or ENDED (学籍状态)."""

    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    ENDED = "ENDED"


class EnrolmentEndReason(StrEnum):
    """Why an enrolment ended (学籍终止原因)."""

    GRADUATED = "GRADUATED"
    TRANSFERRED = "TRANSFERRED"  # to another school of the district: by a transfer only
    MOVED_OUT_OF_DISTRICT = "MOVED_OUT_OF_DISTRICT"
    DROPPED_OUT = "DROPPED_OUT"
    DIED = "DIED"
    OVER_AGE = "OVER_AGE"


Grade = Annotated[int, Field(ge=1, le=MAX_GRADE), Said(f"年级应为1至{MAX_GRADE}之间的整数")]


class EnrolmentInput(Input):
    """`recordEnrolment`: a school of the reference, the stage, grade and first day."""

    school_code: SchoolCode
    school_name: SchoolName | None = Field(
        default=None, description="As the caller knows it; refused when the reference differs"
    )
    stage: SchoolStage
    grade: Grade
    since: Annotated[date, Day("入学日期")]
    boarding: bool = Field(default=False, description="寄宿生 (the boarding living subsidy)")


class EndInput(Input):
    """`endEnrolment`: the reason, and the last day (today when not given)."""

    reason: EnrolmentEndReason
    ended_on: Annotated[date, Day("终止日期")] | None = None


class DayInput(Input):
    """The day of a suspension or a resumption (today when not given)."""

    on: Annotated[date, Day("日期")] | None = None


class EnrolmentOut(Camel):
    """An enrolment as it stands, with the school's name of the reference."""

    id: str
    child_id: str
    school_code: str
    school_name: str
    town_code: str
    stage: SchoolStage
    grade: int
    boarding: bool
    since: date
    status: EnrolmentStatus
    suspended_on: date | None
    ended_on: date | None
    end_reason: EnrolmentEndReason | None
    transferred_to: str | None
    recorded_by: str


class ChildEducationOut(Camel):
    """A child's education: enrolments, newest first; aid per programme; the open dropout risk;
    a disabled child's placement and home teaching; a non-Beijing child's enrolment documents."""

    child_id: str
    enrolments: list[EnrolmentOut]
    aid: list[AidOut] = Field(
        default_factory=list, description="Per programme; empty for a school's staff"
    )
    dropout_risk: DropoutRiskOut | None = Field(
        default=None, description="The child's open dropout risk (控辍保学), if any"
    )
    placement: PlacementOut | None = Field(
        default=None, description="A disabled child's current placement (安置), if decided"
    )
    home_teaching: HomeTeachingOut | None = Field(
        default=None, description="The current home teaching plan (送教上门), if any"
    )
    non_beijing: NonBeijingOut | None = Field(
        default=None,
        description="Hukou outside Beijing (非京籍) and the enrolment documents; null for a "
        "Beijing child or one whose hukou is not recorded",
    )


class EducationRequest(Input):
    child_ids: Annotated[
        list[str], Field(max_length=MAX_CHILDREN), Said(f"一次最多查询{MAX_CHILDREN}名儿童")
    ]


class SchoolPupilOut(Camel):
    """A child with an open enrolment at a school, as the school knows it (本校学生): the
    enrolment, the child's name and birth date from education's projection (a school's staff
    read no file of the registry), the open dropout risk."""

    enrolment: EnrolmentOut
    child_name: str
    birth_date: date
    dropout_risk: DropoutRiskOut | None = None


class SchoolPupilEdge(Camel):
    cursor: str
    node: SchoolPupilOut


class SchoolPupilPage(Camel):
    """A page of a school's pupils, the latest enrolled first."""

    edges: list[SchoolPupilEdge]
    page_info: PageInfo

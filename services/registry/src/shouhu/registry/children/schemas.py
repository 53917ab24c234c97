"""API shapes of children's files."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field

from shouhu.platform.schemas import Camel, Day, Input, PageInfo, Said
from shouhu.registry.classifications.taxonomy import (
    ClassificationGroup,
    ClassificationSubtype,
    PrimaryCategory,
)
from shouhu.registry.plans.schemas import SupportPlanOut
from shouhu.registry.visits.schemas import VisitOut


class Gender(StrEnum):
    """Gender as on the identity card."""

    MALE = "MALE"
    FEMALE = "FEMALE"


class ChildStatus(StrEnum):
    """In scope, or exited (退出)."""

    ACTIVE = "ACTIVE"
    EXITED = "EXITED"


class ExitReason(StrEnum):
    """Why a child left the scope (退出原因)."""

    AGED_OUT = "AGED_OUT"
    MOVED_OUT = "MOVED_OUT"
    CONDITIONS_ENDED = "CONDITIONS_ENDED"
    DECEASED = "DECEASED"
    ADOPTED = "ADOPTED"
    OTHER = "OTHER"


class Relation(StrEnum):
    """A household member's relation to the child."""

    FATHER = "FATHER"
    MOTHER = "MOTHER"
    GRANDFATHER = "GRANDFATHER"
    GRANDMOTHER = "GRANDMOTHER"
    SIBLING = "SIBLING"
    OTHER_RELATIVE = "OTHER_RELATIVE"
    OTHER = "OTHER"


class Capacity(StrEnum):
    """Guardianship capacity (监护能力)."""

    FULL = "FULL"
    LIMITED = "LIMITED"
    NONE = "NONE"


# A village's code: the residence of a file is always a village (社区/村) of the district.
VILLAGE_CODE = r"^\d{12}$"
VILLAGE_SAID = Said("居住地应为本区的社区（村）区划代码")
MAX_HOUSEHOLD = 20  # members of one household on a file


class RegisterChild(Input):
    """What the window or the village records to open a file."""

    name: str = Field(max_length=50)
    gender: Gender
    birth_date: Annotated[date, Day("出生日期")]
    id_number: str | None = None
    residence_division_code: Annotated[str, Field(pattern=VILLAGE_CODE), VILLAGE_SAID]
    hukou_division_code: str | None = Field(default=None, max_length=12)
    school: str | None = Field(default=None, max_length=100)
    notes: str | None = Field(default=None, max_length=2000)


class UpdateChild(Input):
    """A change to the identity part of a file; only the fields given change."""

    name: str | None = Field(default=None, max_length=50)
    gender: Gender | None = None
    birth_date: Annotated[date, Day("出生日期")] | None = None
    id_number: str | None = None
    residence_division_code: Annotated[str, Field(pattern=VILLAGE_CODE), VILLAGE_SAID] | None = None
    hukou_division_code: str | None = Field(default=None, max_length=12)
    school: str | None = Field(default=None, max_length=100)
    notes: str | None = Field(default=None, max_length=2000)
    reason: str | None = Field(default=None, max_length=500)


class ExitChild(Input):
    """Taking a child out of scope."""

    reason: ExitReason
    note: str | None = Field(default=None, max_length=500)


class GuardianIn(Input):
    """A household member or guardian."""

    name: str = Field(max_length=50)
    relation: Relation
    is_guardian: bool = False
    capacity: Capacity = Capacity.FULL
    working_away: bool = False
    away_location: str | None = Field(default=None, max_length=100)
    away_since: Annotated[date, Day("外出务工时间")] | None = None
    phone: str | None = Field(default=None, max_length=20)
    entrusted_since: Annotated[date, Day("委托起始日期")] | None = None
    entrustment_agreed_on: Annotated[date, Day("委托协议日期")] | None = None


class SetGuardians(Input):
    """The whole household after this change, and who is the entrusted guardian (委托监护)."""

    guardians: Annotated[
        list[GuardianIn],
        Field(max_length=MAX_HOUSEHOLD),
        Said(f"家庭成员最多登记{MAX_HOUSEHOLD}人"),
    ]
    reason: str | None = Field(default=None, max_length=500)


class ClassificationIn(Input):
    """One classification of the complete active set."""

    group: ClassificationGroup
    subtype: ClassificationSubtype
    since: Annotated[date, Day("起始日期")]
    until: Annotated[date, Day("结束日期", ahead=True)] | None = None
    note: str | None = Field(default=None, max_length=1000)


class ClassifyChild(Input):
    """The complete active set after this call."""

    classifications: Annotated[
        list[ClassificationIn],
        Field(max_length=len(ClassificationSubtype)),
        Said("同一分类细项不能重复"),  # more items than subtypes repeat one
    ]
    reason: str | None = Field(default=None, max_length=500)


class ClassificationOut(Camel):
    group: ClassificationGroup
    subtype: ClassificationSubtype
    since: date
    until: date | None
    note: str | None
    recorded_by: str
    recorded_at: datetime


class GuardianOut(Camel):
    id: str
    name: str
    relation: Relation
    is_guardian: bool
    capacity: Capacity
    working_away: bool
    away_location: str | None
    away_since: date | None
    phone: str | None
    entrusted: bool
    entrusted_since: date | None
    entrustment_agreed_on: date | None


class HistoryEntryOut(Camel):
    seq: int
    at: datetime
    actor: str
    operation: str
    reason: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class ChildOut(Camel):
    """A child's file as the caller may see it; the parts asked for, the rest left out."""

    id: str
    version: int
    name: str
    gender: Gender | None
    birth_date: date | None
    age: int | None
    id_number: str | None
    hukou_division_code: str | None
    residence_division_code: str
    school: str | None
    notes: str | None
    status: ChildStatus
    primary_category: PrimaryCategory
    left_behind: bool
    registered_on: date | None
    exited_on: date | None
    exit_reason: ExitReason | None
    classifications: list[ClassificationOut] | None = None
    guardians: list[GuardianOut] | None = None
    history: list[HistoryEntryOut] | None = None
    visits: list[VisitOut] | None = None
    plan: SupportPlanOut | None = None
    withheld: list[str] = Field(
        default_factory=list,
        description="Parts of the file the caller's role does not see (docs/access-policy.md)",
    )


class ChildEdge(Camel):
    cursor: str
    node: ChildOut


class ChildPage(Camel):
    """A page of files, ordered by village then id."""

    edges: list[ChildEdge]
    page_info: PageInfo
    total_count: int | None = None


class ChildFilter(Input):
    """Search criteria (API.md `ChildFilter`)."""

    name: str | None = Field(default=None, max_length=50)
    id_number: str | None = Field(default=None, max_length=18)
    division_code: str | None = Field(default=None, pattern=r"^\d{6}(\d{3}){0,2}$")
    primary_category: PrimaryCategory | None = None
    group: ClassificationGroup | None = None
    subtype: ClassificationSubtype | None = None
    status: ChildStatus | None = None
    min_age: int | None = Field(default=None, ge=0, le=18)
    max_age: int | None = Field(default=None, ge=0, le=18)
    left_behind: bool | None = None


class MatchIdentities(Input):
    """`POST /children/match`: identity numbers, as a school's roster lists them."""

    id_numbers: Annotated[
        list[Annotated[str, Field(max_length=32)]],
        Field(max_length=50_000, description="At most 50,000 numbers"),
        Said("一次最多匹配50000个身份证号码"),
    ]


class IdentityMatches(Camel):
    """Each number filed in the district → its child's id; the others (and malformed) absent."""

    matches: dict[str, str]

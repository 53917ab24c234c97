"""API shapes of caring families."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.labels import CARING_FAMILY_KIND_NAMES
from shouhu.platform.mobile import MobileNumber
from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, Camel, Input, Said


class FamilyKind(StrEnum):
    """How a family cares for a child."""

    FOSTER = "FOSTER"  # 家庭寄养
    ENTRUSTED_CARE = "ENTRUSTED_CARE"  # 委托代养
    SPONSORSHIP = "SPONSORSHIP"  # 爱心助养


# The platform's names, which the console shows too.
KIND_NAMES = {k: CARING_FAMILY_KIND_NAMES[k.value] for k in FamilyKind}


class FamilyStatus(StrEnum):
    """Where the civil affairs assessment stands (评估)."""

    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


HeadName = Annotated[str, Field(min_length=1, max_length=50), Said("户主姓名应为1至50个字符")]
Note = Annotated[str, Field(max_length=500), Said("说明不超过500个字符")]


class FamilyInput(Input):
    """`registerCaringFamily`: a household offering care, waiting for assessment."""

    kind: FamilyKind
    head_name: HeadName
    id_number: Annotated[str, Field(min_length=1, max_length=20), Said("身份证号码应为18位")]
    mobile: MobileNumber
    division_code: Annotated[str, Field(pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)]
    address: Annotated[str, Field(min_length=2, max_length=200), Said("住址应为2至200个字符")]


class AssessmentInput(Input):
    """`assessCaringFamily`: civil affairs' assessment (评估) and decision."""

    assessed_on: date
    approved: bool
    note: Note | None = None


class LinkInput(Input):
    """`linkCaringFamily`: the family cares for the child from a day, until a day if known."""

    child_id: Annotated[str, Field(min_length=1, max_length=36), Said("儿童编号不正确")]
    starts_on: date
    until: date | None = None


class UnlinkInput(Input):
    """`unlinkCaringFamily`: the care ended on a day, for a reason."""

    ended_on: date
    reason: Annotated[str, Field(min_length=1, max_length=200), Said("原因应为1至200个字符")]


class LinkOut(Camel):
    """A family's care of a child."""

    id: str
    family_id: str
    child_id: str
    starts_on: date
    until: date | None
    ended_on: date | None
    end_reason: str | None
    active: bool
    linked_by: str
    linked_at: datetime


class FamilyOut(Camel):
    """A caring family: the identity number always masked, the mobile for civil affairs."""

    id: str
    kind: FamilyKind
    kind_name: str
    head_name: str
    id_number: str
    mobile: str
    division_code: str
    division_name: str
    address: str
    status: FamilyStatus
    assessed_on: date | None
    assessment_note: str | None
    approved_by: str | None
    links: list[LinkOut]
    version: int
    registered_by: str
    registered_at: datetime

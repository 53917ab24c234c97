"""API shapes of needs and offers."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.schemas import DIVISION_CODE, DIVISION_CODE_SAID, Camel, Input, Said


class ResourceKind(StrEnum):
    """What is needed or offered."""

    TUTORING = "TUTORING"  # 课业辅导（小时）
    GOODS = "GOODS"  # 物资
    CAMP_PLACE = "CAMP_PLACE"  # 营地名额
    PSYCHOLOGY = "PSYCHOLOGY"  # 心理辅导
    MEDICAL = "MEDICAL"  # 医疗
    OTHER = "OTHER"


class NeedStatus(StrEnum):
    OPEN = "OPEN"
    MATCHED = "MATCHED"
    CLOSED = "CLOSED"


class NeedSource(StrEnum):
    """Where a need came from: raised by hand, an intake's VOLUNTEER_PAIRING task, a support plan
    measure (both by the registry's events)."""

    MANUAL = "MANUAL"
    INTAKE = "INTAKE"
    PLAN = "PLAN"


class OfferStatus(StrEnum):
    OPEN = "OPEN"
    FULL = "FULL"


Description = Annotated[str, Field(min_length=2, max_length=200), Said("内容应为2至200个字符")]
DivisionCode = Annotated[str, Field(pattern=DIVISION_CODE), Said(DIVISION_CODE_SAID)]


class NeedInput(Input):
    """`raiseNeed`: a need of a child, or of a division's children."""

    division_code: DivisionCode
    child_id: Annotated[str, Field(min_length=1, max_length=36), Said("儿童编号不正确")] | None = (
        None
    )
    kind: ResourceKind
    description: Description


class OfferInput(Input):
    """`createOffer`: what an organisation the caller acts for offers, in units."""

    organisation_id: Annotated[str, Field(min_length=1, max_length=36)]
    kind: ResourceKind
    description: Description
    division_code: DivisionCode
    quantity: Annotated[int, Field(ge=1, le=100000), Said("数量应在1到100000之间")]


class CloseNeedInput(Input):
    note: Annotated[str, Field(min_length=1, max_length=200), Said("说明应为1至200个字符")]


class OfferOut(Camel):
    id: str
    organisation_id: str
    organisation_name: str
    kind: ResourceKind
    description: str
    division_code: str
    division_name: str
    quantity: int
    matched: int
    remaining: int
    status: OfferStatus
    created_by: str
    created_at: datetime


class NeedOut(Camel):
    """A need; the child's id only for those who raise needs (the federations see none)."""

    id: str
    division_code: str
    division_name: str
    child_id: str | None
    for_child: bool
    kind: ResourceKind
    description: str
    source: NeedSource
    status: NeedStatus
    offer: OfferOut | None
    matched_at: datetime | None
    closed_at: datetime | None
    close_note: str | None
    version: int
    raised_by: str
    raised_at: datetime

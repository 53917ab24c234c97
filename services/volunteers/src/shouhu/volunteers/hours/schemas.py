"""API shapes of service hours."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.schemas import Camel, Day, Input, Said


class HoursStatus(StrEnum):
    """Where a record of hours stands (names in `shouhu.platform.labels`)."""

    RECORDED = "RECORDED"  # 待审核
    APPROVED = "APPROVED"  # 已审核: counts towards the total and the stars
    REJECTED = "REJECTED"  # 未通过


class HoursInput(Input):
    """`recordServiceHours`: hours served on a day, at an activity or (no activity) a pairing
    visit; the pairing slice links the visit itself."""

    activity_id: str | None = Field(default=None, max_length=36)
    hours: Annotated[float, Field(gt=0, le=24), Said("服务时长应大于0小时且不超过24小时")]
    on: Annotated[date, Day("服务日期")]
    note: Annotated[str, Field(max_length=500), Said("备注最多500个字符")] | None = None


class DecisionInput(Input):
    """`approveServiceHours`: approved (the default) or not, with a note."""

    approved: bool = True
    note: Annotated[str, Field(max_length=500), Said("备注最多500个字符")] | None = None


class HoursOut(Camel):
    """A record of hours as recorded and decided."""

    id: str
    volunteer_id: str
    volunteer_name: str
    activity_id: str | None
    activity_title: str | None
    organisation_id: str
    hours: float
    on: date
    status: HoursStatus
    note: str | None
    recorded_by: str
    recorded_at: datetime
    decided_by: str | None
    decided_at: datetime | None

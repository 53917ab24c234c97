"""API shapes of vetting."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.schemas import Camel, Day, Input, Said


class VettingKind(StrEnum):
    """A check of a volunteer (审核项目)."""

    # 侵害未成年人违法犯罪信息查询: the record of offences against minors.
    MINOR_PROTECTION_RECORD_CHECK = "MINOR_PROTECTION_RECORD_CHECK"
    TRAINING = "TRAINING"  # 岗前培训


class VettingInput(Input):
    """`recordVetting`: one check, passed or not, on a day that has happened."""

    kind: VettingKind
    passed: bool
    checked_on: Annotated[date, Day("审核日期")]
    note: Annotated[str, Field(max_length=500), Said("备注最多500个字符")] | None = None


class VettingOut(Camel):
    """A check as recorded; `current` while a passed record check is within its period."""

    id: str
    kind: VettingKind
    passed: bool
    checked_on: date
    valid_until: date | None
    current: bool
    rule_version: str
    note: str | None
    recorded_by: str
    recorded_at: datetime

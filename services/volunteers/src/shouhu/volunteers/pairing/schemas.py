"""API shapes of pairings (一对一帮扶) and suggestions."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.schemas import Camel, Input, Said
from shouhu.volunteers.volunteers.schemas import VolunteerOut

MAX_SUGGESTIONS = 50


class PairingStatus(StrEnum):
    """Where a pairing stands (结对状态)."""

    ACTIVE = "ACTIVE"  # 帮扶中
    SUSPENDED = "SUSPENDED"  # 已暂停: the volunteer's record check ran out
    ENDED = "ENDED"  # 已结束


class VisitMode(StrEnum):
    """How a pairing visit was made."""

    HOME = "HOME"  # 入户
    SCHOOL = "SCHOOL"  # 到校
    PHONE = "PHONE"  # 电话
    VIDEO = "VIDEO"  # 视频
    OTHER = "OTHER"  # 其他


class PairingInput(Input):
    """`pairVolunteer`: a vetted adult volunteer with a child."""

    volunteer_id: Annotated[str, Field(min_length=1, max_length=36), Said("请选择志愿者")]
    child_id: Annotated[str, Field(min_length=1, max_length=36), Said("请选择儿童")]


class PairingVisitInput(Input):
    """`recordPairingVisit`: one visit of a pairing."""

    visited_on: date
    minutes: Annotated[int, Field(ge=1, le=1440), Said("时长应在1到1440分钟之间")]
    mode: VisitMode = VisitMode.HOME
    note: Annotated[str | None, Field(max_length=500), Said("备注最多500字")] = None


class EndPairingInput(Input):
    """`endPairing`: why it ends."""

    reason: Annotated[str, Field(min_length=1, max_length=200), Said("请填写结束原因（200字以内）")]


class PairingVisitOut(Camel):
    id: str
    visited_on: date
    minutes: int
    mode: VisitMode
    note: str | None
    recorded_by: str
    recorded_at: datetime


class PairingOut(Camel):
    """A pairing with the little of the child a pairing needs (name, village, age, needs)."""

    id: str
    volunteer_id: str
    volunteer_name: str
    organisation_id: str
    child_id: str
    child_name: str
    child_age: int
    child_division_code: str
    child_needs: list[str]
    status: PairingStatus
    started_on: date
    ended_on: date | None
    end_reason: str | None
    visits: list[PairingVisitOut]
    version: int
    created_by: str
    created_at: datetime


class SuggestionOut(Camel):
    """A vetted volunteer suggested for a child, with the score and its reasons in Chinese."""

    volunteer: VolunteerOut
    score: float
    reasons: list[str]


class SuggestionsOut(Camel):
    """`suggestVolunteers`: the child's needs as learned, and the best volunteers first."""

    child_id: str
    needs: list[str]
    suggestions: list[SuggestionOut]

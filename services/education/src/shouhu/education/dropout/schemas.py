"""API shapes of the dropout watch (控辍保学) and of schools' absence reports."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from shouhu.platform.schemas import Camel, Day, Input, PageInfo, Said

MAX_PAGE = 100
MAX_ABSENCE_DAYS = 60  # one report; a longer spell is reported again
NOTE_MAX = 500


class DropoutRiskReason(StrEnum):
    """Why a child is at risk (辍学风险原因)."""

    NOT_ENROLLED = "NOT_ENROLLED"  # of compulsory-school age with no enrolment ever
    ENROLMENT_ENDED = "ENROLMENT_ENDED"  # its last enrolment ended, no other open
    LONG_ABSENCE = "LONG_ABSENCE"  # enrolled, absent a run of school days (连续缺课)


class DropoutRiskStatus(StrEnum):
    """OPEN; RESOLVED (enrolled, back at school); EXEMPTED (免予入学 recorded); CLOSED (the child
    left compulsory-school age or the registry)."""

    OPEN = "OPEN"
    RESOLVED = "RESOLVED"
    EXEMPTED = "EXEMPTED"
    CLOSED = "CLOSED"


class DropoutRiskOutcome(StrEnum):
    """How a risk ended."""

    ENROLLED = "ENROLLED"
    RETURNED = "RETURNED"
    EXEMPTED = "EXEMPTED"
    AGE_LEFT = "AGE_LEFT"
    CHILD_EXITED = "CHILD_EXITED"


class ExemptionReason(StrEnum):
    """Why a child need not be at school (免予入学/缓学): medical, moved away, other (a note)."""

    MEDICAL = "MEDICAL"
    MOVED_AWAY = "MOVED_AWAY"
    OTHER = "OTHER"


class DropoutRiskOut(Camel):
    """A dropout risk as it stands."""

    id: str
    child_id: str
    reason: DropoutRiskReason
    status: DropoutRiskStatus
    opened_on: date
    due_on: date = Field(description="The last working day to act on it")
    overdue: bool = Field(description="Open past its deadline")
    residence_division_code: str
    town_code: str
    closed_on: date | None
    outcome: DropoutRiskOutcome | None
    exemption_reason: ExemptionReason | None
    exemption_note: str | None
    exempt_until: date | None
    closed_by: str | None


class DropoutRiskEdge(Camel):
    cursor: str
    node: DropoutRiskOut


class DropoutRiskPage(Camel):
    """A page of the open risks of a division, newest first."""

    edges: list[DropoutRiskEdge]
    page_info: PageInfo


Note = Annotated[str, Field(max_length=NOTE_MAX), Said(f"说明不能超过{NOTE_MAX}字")]


class ExemptionInput(Input):
    """`exemptDropoutRisk`: the reason, a note (required for OTHER), until when if known."""

    reason: ExemptionReason
    note: Note | None = None
    until: Annotated[date, Day("免予入学截止日期", ahead=True)] | None = None


class AbsenceInput(Input):
    """`reportAbsence`: from a day, for a number of consecutive school days, or a list of days."""

    from_: Annotated[date, Day("缺课起始日期")] = Field(alias="from")
    consecutive_days: (
        Annotated[
            int,
            Field(ge=1, le=MAX_ABSENCE_DAYS),
            Said(f"连续缺课天数应为1至{MAX_ABSENCE_DAYS}之间的整数"),
        ]
        | None
    ) = None
    days: (
        Annotated[
            list[Annotated[date, Day("缺课日期")]],
            Field(min_length=1, max_length=MAX_ABSENCE_DAYS),
            Said(f"缺课日期应为1至{MAX_ABSENCE_DAYS}个"),
        ]
        | None
    ) = None


class ReturnInput(Input):
    """`reportReturn`: the day the child was back at school (today when not given)."""

    on: Annotated[date, Day("返校日期")] | None = None


class AbsenceOut(Camel):
    """The child's absences as they stand after a report."""

    child_id: str
    school_code: str
    days: list[date] = Field(description="The absent days since the last return, oldest first")
    longest_run: int = Field(description="The longest run of consecutive school days among them")
    threshold: int = Field(description="The run that makes a long absence (as the district sets)")
    dropout_risk: DropoutRiskOut | None = Field(description="The child's open risk, if any")

"""Events of enrolments on the education topic (documented in docs/events-education.md)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

ENROLMENT_CHANGED = "education.enrolment.changed"


class EnrolmentChange(StrEnum):
    """What happened to the enrolment."""

    RECORDED = "RECORDED"
    SUSPENDED = "SUSPENDED"
    RESUMED = "RESUMED"
    ENDED = "ENDED"


class EnrolmentChanged(Camel):
    """`education.enrolment.changed` v1: an enrolment was recorded, suspended, resumed or ended."""

    child_id: str
    enrolment_id: str
    change: EnrolmentChange
    status: str
    school_code: str
    school_name: str
    school_town_code: str
    stage: str
    grade: int
    since: date
    on: date
    end_reason: str | None
    transferred_from: str | None
    transferred_to: str | None
    residence_division_code: str
    town_division_code: str
    changed_by: str


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (ENROLMENT_CHANGED, 1): EnrolmentChanged,
}

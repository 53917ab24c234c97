"""Events of home teaching on the education topic (documented in docs/events-education.md).

Keyed by the child. A session's content stays in education: the event says that a session was
held, not what was taught. Notifications turns a month that fell short into the town's social
worker's and the education department's notices.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

SESSION_RECORDED = "education.home_teaching.session_recorded"
SESSIONS_MISSED = "education.home_teaching.sessions_missed"


class SessionRecorded(Camel):
    """`education.home_teaching.session_recorded` v1: a home teaching session (送教上门) held."""

    session_id: str
    plan_id: str
    child_id: str
    on: date
    hours: float
    counted: bool
    school_code: str
    residence_division_code: str
    town_division_code: str
    recorded_by: str


class SessionsMissed(Camel):
    """`education.home_teaching.sessions_missed` v1: a month that ended with fewer sessions than
    the plan's schedule (told once per plan and month)."""

    plan_id: str
    child_id: str
    month: str
    expected: int
    held: int
    school_code: str
    school_name: str
    residence_division_code: str
    town_division_code: str


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (SESSION_RECORDED, 1): SessionRecorded,
    (SESSIONS_MISSED, 1): SessionsMissed,
}

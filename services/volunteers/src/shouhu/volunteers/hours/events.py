"""Events of service hours on the volunteers topic (documented in docs/events-volunteers.md)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

HOURS_APPROVED = "volunteers.hours.approved"


class HoursApproved(Camel):
    """`volunteers.hours.approved` v1: the organisation approved a volunteer's hours; the new
    total and star level (a star reached when `starLevel` > `previousStarLevel`)."""

    hours_id: str
    volunteer_id: str
    organisation_id: str
    activity_id: str | None  # null: a pairing visit
    hours: float
    on: date
    total_hours: float
    star_level: int
    previous_star_level: int
    stars_version: str  # the version of hours/stars.yaml rated under
    approved_by: str


EVENTS: dict[tuple[str, int], type[BaseModel]] = {(HOURS_APPROVED, 1): HoursApproved}

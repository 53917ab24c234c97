"""Events of vetting on the volunteers topic (documented in docs/events-volunteers.md)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

VOLUNTEER_VETTED = "volunteers.volunteer.vetted"


class VolunteerVetted(Camel):
    """`volunteers.volunteer.vetted` v1: whether a volunteer is vetted changed (a passed, current
    record check and a passed training: true; a failed check, or one that ran out: false)."""

    volunteer_id: str
    organisation_id: str
    division_code: str
    vetted: bool
    trained: bool
    check_valid_until: date | None
    kind: str | None  # the check whose recording changed it; null when time did
    on: date
    changed_by: str


EVENTS: dict[tuple[str, int], type[BaseModel]] = {(VOLUNTEER_VETTED, 1): VolunteerVetted}

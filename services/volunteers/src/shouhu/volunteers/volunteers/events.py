"""Events of volunteers on the volunteers topic (documented in docs/events-volunteers.md).

Keyed by the volunteer, so one volunteer's events stay in order. No identity number, no phone.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

VOLUNTEER_REGISTERED = "volunteers.volunteer.registered"


class VolunteerRegistered(Camel):
    """`volunteers.volunteer.registered` v1: a person registered as a volunteer (not yet vetted)."""

    volunteer_id: str
    organisation_id: str
    name: str
    division_code: str
    skills: list[str]
    availability: list[str]
    service_area: list[str]
    adult: bool
    registered_on: date
    registered_by: str


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {(VOLUNTEER_REGISTERED, 1): VolunteerRegistered}

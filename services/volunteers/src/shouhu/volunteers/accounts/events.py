"""Events of volunteers' accounts on the volunteers topic (documented in
docs/events-volunteers.md); keyed by the volunteer."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from shouhu.platform.schemas import Camel

VOLUNTEER_DISABLED = "volunteers.volunteer.disabled"
VOLUNTEER_ENABLED = "volunteers.volunteer.enabled"


class VolunteerDisabled(Camel):
    """`volunteers.volunteer.disabled` v1: a volunteer was disabled, and so their account."""

    volunteer_id: str
    organisation_id: str
    division_code: str
    username: str
    reason: str
    disabled_on: date
    disabled_by: str


class VolunteerEnabled(Camel):
    """`volunteers.volunteer.enabled` v1: a disabled volunteer was enabled again, and so their
    account."""

    volunteer_id: str
    organisation_id: str
    division_code: str
    username: str
    enabled_on: date
    enabled_by: str


# Every event this module publishes, by (type, schema version): the documented contract.
EVENTS: dict[tuple[str, int], type[BaseModel]] = {
    (VOLUNTEER_DISABLED, 1): VolunteerDisabled,
    (VOLUNTEER_ENABLED, 1): VolunteerEnabled,
}

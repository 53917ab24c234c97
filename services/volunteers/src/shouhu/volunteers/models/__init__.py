"""Tables of volunteers, one file per domain module."""

from shouhu.volunteers.models.activity import Activity, ActivityVolunteer, ServiceHours
from shouhu.volunteers.models.organisation import Organisation
from shouhu.volunteers.models.volunteer import Vetting, Volunteer

__all__ = ["Activity", "ActivityVolunteer", "Organisation", "ServiceHours", "Vetting", "Volunteer"]

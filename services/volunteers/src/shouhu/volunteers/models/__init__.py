"""Tables of volunteers, one file per domain module."""

from shouhu.volunteers.models.account import VolunteerAccount
from shouhu.volunteers.models.organisation import Organisation
from shouhu.volunteers.models.volunteer import Vetting, Volunteer

__all__ = ["Organisation", "Vetting", "Volunteer", "VolunteerAccount"]

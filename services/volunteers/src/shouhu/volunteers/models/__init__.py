"""Tables of volunteers, one file per domain module."""

from shouhu.volunteers.models.organisation import Organisation
from shouhu.volunteers.models.pairing import ChildFacts, Pairing, PairingVisit
from shouhu.volunteers.models.volunteer import Vetting, Volunteer

__all__ = [
    "ChildFacts",
    "Organisation",
    "Pairing",
    "PairingVisit",
    "Vetting",
    "Volunteer",
]

"""Tables of volunteers, one file per domain module."""

from shouhu.volunteers.models.account import VolunteerAccount
from shouhu.volunteers.models.activity import Activity, ActivityVolunteer, ServiceHours
from shouhu.volunteers.models.donation import Donation, DonationUse
from shouhu.volunteers.models.family import CaringFamily, CaringFamilyLink
from shouhu.volunteers.models.need import Need, Offer
from shouhu.volunteers.models.organisation import Organisation
from shouhu.volunteers.models.pairing import ChildFacts, Pairing, PairingVisit
from shouhu.volunteers.models.volunteer import Vetting, Volunteer, VolunteerArea

__all__ = [
    "Activity",
    "ActivityVolunteer",
    "CaringFamily",
    "CaringFamilyLink",
    "ChildFacts",
    "Donation",
    "DonationUse",
    "Need",
    "Offer",
    "Organisation",
    "Pairing",
    "PairingVisit",
    "ServiceHours",
    "Vetting",
    "Volunteer",
    "VolunteerAccount",
    "VolunteerArea",
]

"""Tables of education, one file per domain module."""

from shouhu.education.models.aid import (
    AidDecision,
    AidLine,
    AidSemester,
    AidStandard,
    AidTotal,
)
from shouhu.education.models.children import ChildProjection
from shouhu.education.models.dropout import AbsenceDay, AbsenceReturn, DropoutRisk
from shouhu.education.models.enrolment import Enrolment
from shouhu.education.models.inclusive import (
    HomeTeachingMissed,
    HomeTeachingPlan,
    HomeTeachingSession,
    Placement,
)
from shouhu.education.models.residency import DocumentCheck
from shouhu.education.models.roster import RosterImport
from shouhu.education.models.school import School, SchoolStaff

__all__ = [
    "AbsenceDay",
    "AbsenceReturn",
    "AidDecision",
    "AidLine",
    "AidSemester",
    "AidStandard",
    "AidTotal",
    "ChildProjection",
    "DocumentCheck",
    "DropoutRisk",
    "Enrolment",
    "HomeTeachingMissed",
    "HomeTeachingPlan",
    "HomeTeachingSession",
    "Placement",
    "RosterImport",
    "School",
    "SchoolStaff",
]

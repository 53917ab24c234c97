"""Tables of education, one file per domain module."""

from shouhu.education.models.aid import (
    AidDecision,
    AidLine,
    AidSemester,
    AidStandard,
    AidTotal,
)
from shouhu.education.models.children import ChildProjection
from shouhu.education.models.enrolment import Enrolment
from shouhu.education.models.school import School, SchoolStaff

__all__ = [
    "AidDecision",
    "AidLine",
    "AidSemester",
    "AidStandard",
    "AidTotal",
    "ChildProjection",
    "Enrolment",
    "School",
    "SchoolStaff",
]

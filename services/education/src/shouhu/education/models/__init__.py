"""Tables of education, one file per domain module."""

from shouhu.education.models.children import ChildProjection
from shouhu.education.models.dropout import AbsenceDay, AbsenceReturn, DropoutRisk
from shouhu.education.models.enrolment import Enrolment
from shouhu.education.models.school import School, SchoolStaff

__all__ = [
    "AbsenceDay",
    "AbsenceReturn",
    "ChildProjection",
    "DropoutRisk",
    "Enrolment",
    "School",
    "SchoolStaff",
]

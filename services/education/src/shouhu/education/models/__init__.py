"""Tables of education, one file per domain module."""

from shouhu.education.models.children import ChildProjection
from shouhu.education.models.enrolment import Enrolment
from shouhu.education.models.school import School, SchoolStaff

__all__ = ["ChildProjection", "Enrolment", "School", "SchoolStaff"]

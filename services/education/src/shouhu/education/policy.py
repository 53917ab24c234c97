"""Who may do and see what in education: one table, read by the services."""

from __future__ import annotations

from shouhu.platform.auth import Principal, Role
from shouhu.platform.errors import Forbidden

# Roles that read a child's enrolments, within their division (the department district-wide).
READ_ROLES = frozenset(
    {
        Role.EDUCATION,
        Role.CIVIL_AFFAIRS,
        Role.TOWN_SOCIAL_WORKER,
        Role.VILLAGE_SUPERVISOR,
        Role.INTAKE_CLERK,
    }
)
# Roles that record, transfer, suspend, resume and end enrolments of any child in the district.
ENROLMENT_ROLES = frozenset({Role.EDUCATION})
# Staff of a school: read and change only their own school's enrolments (`school_staff` table).
SCHOOL_ROLES = frozenset({Role.SCHOOL_STAFF})
# Roles that read any school's pupils (本校学生); a school's staff read their own school's only.
PUPIL_ROLES = frozenset({Role.EDUCATION})
# Roles that maintain the schools and tie staff users to them, at the district level.
SCHOOL_ADMIN_ROLES = frozenset({Role.EDUCATION})
# Aid (分类资助): the district's education department sets the standards and runs the semester
# ledger; the auditor reads its totals (no child's data); the department reads its lines.
AID_ADMIN_ROLES = frozenset({Role.EDUCATION})
AID_TOTAL_ROLES = frozenset({Role.EDUCATION, Role.AUDITOR})
AID_LINE_ROLES = frozenset({Role.EDUCATION})

# The dropout watch (控辍保学): who reads a division's risks (the department district-wide), who
# records an exemption (免予入学) within their division, who reports absences for any child
# (a school's staff report their own school's, through SCHOOL_ROLES).
DROPOUT_READ_ROLES = READ_ROLES
EXEMPT_ROLES = frozenset({Role.EDUCATION, Role.TOWN_SOCIAL_WORKER})
ABSENCE_ROLES = frozenset({Role.EDUCATION})

# Inclusive schooling (融合教育): the district's education department decides a disabled child's
# placement (安置) and plans home teaching (送教上门); the readers of the child's division read
# them, a school's staff their own school's (through SCHOOL_ROLES). Sessions are logged by the
# department or by the staff of the sending school; the town and the department list a
# division's plans.
PLACEMENT_ROLES = frozenset({Role.EDUCATION})
HOME_TEACHING_PLAN_ROLES = frozenset({Role.EDUCATION})
HOME_TEACHING_SESSION_ROLES = frozenset({Role.EDUCATION})
HOME_TEACHING_LIST_ROLES = frozenset({Role.EDUCATION, Role.TOWN_SOCIAL_WORKER})
# Non-Beijing children (非京籍): who records the enrolment documents checked for any child of
# the district (a school's staff record their own school's enrolled children, through
# SCHOOL_ROLES); who reads the education statistics of a division within theirs (the auditor
# too: figures only, no child's data).
DOCUMENT_ROLES = frozenset({Role.EDUCATION})
STATISTICS_ROLES = READ_ROLES | {Role.AUDITOR}

DISTRICT_CODE_LENGTH = 6


def require(principal: Principal, roles: frozenset[Role], message: str) -> None:
    """`FORBIDDEN` unless the principal holds one of the roles."""
    if not principal.has_role(*roles):
        raise Forbidden(message)


def require_district(principal: Principal, roles: frozenset[Role], message: str) -> None:
    """`FORBIDDEN` unless the principal holds one of the roles at the district (区) level."""
    require(principal, roles, message)
    if len(principal.division_code) != DISTRICT_CODE_LENGTH:
        raise Forbidden(message)


def writes_any_school(principal: Principal) -> bool:
    return principal.has_role(*ENROLMENT_ROLES)


def school_staff(principal: Principal) -> bool:
    """A school's staff and nothing wider: bound to their school's children."""
    return principal.has_role(*SCHOOL_ROLES) and not principal.has_role(
        *(READ_ROLES | ENROLMENT_ROLES)
    )

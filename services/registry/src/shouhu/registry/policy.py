"""Who may do and see what in the registry: one table, read by the services."""

from shouhu.platform.auth import DEPARTMENT_ROLES, Principal, Role
from shouhu.platform.errors import Forbidden

# Roles that keep files (open, change, classify, exit, import), within their division.
WRITE_ROLES = frozenset(
    {Role.CIVIL_AFFAIRS, Role.INTAKE_CLERK, Role.TOWN_SOCIAL_WORKER, Role.VILLAGE_SUPERVISOR}
)
# Roles that read files: the keepers in their division, departments district-wide.
READ_ROLES = WRITE_ROLES | DEPARTMENT_ROLES | {Role.WOMEN_CHILDREN_COMMITTEE}
# Roles that see the full identity number; everyone else sees it masked.
IDENTITY_NUMBER_ROLES = frozenset(
    {Role.CIVIL_AFFAIRS, Role.INTAKE_CLERK, Role.TOWN_SOCIAL_WORKER, Role.POLICE}
)
# Roles that see HIV and illness details; for others HIV-affected is left out and notes of
# the illness/disability group are withheld.
HEALTH_DETAIL_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER, Role.HEALTH})
# Roles that visit families (定期走访).
VISIT_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER, Role.VILLAGE_SUPERVISOR})
# Roles that write the support plan; departments add measures of their own department.
PLAN_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER}) | DEPARTMENT_ROLES
# Roles that decide a held-back duplicate registration.
REVIEW_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER})
# Roles that manage the workforce of the network.
WORKFORCE_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER})
# Roles that read counts (no personal data), within their division.
STATISTICS_ROLES = READ_ROLES | {Role.AUDITOR}
# Roles that read the access log: the district's civil affairs and the auditor.
ACCESS_LOG_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.AUDITOR})
# Roles that set district-wide rules (visit intervals).
RULE_ROLES = frozenset({Role.CIVIL_AFFAIRS})

HIDDEN_SUBTYPES = frozenset({"HIV_AFFECTED"})
HEALTH_GROUPS = frozenset({"ILLNESS_DISABILITY"})


def require(principal: Principal, roles: frozenset[Role], message: str) -> None:
    """`FORBIDDEN` unless the principal holds one of the roles."""
    if not principal.has_role(*roles):
        raise Forbidden(message)


def district_wide(principal: Principal) -> bool:
    """Departments act district-wide on their own part of the data."""
    return principal.has_role(*DEPARTMENT_ROLES)


def sees_division(principal: Principal, division_code: str) -> bool:
    """The scope rule, with departments district-wide."""
    return district_wide(principal) or principal.sees(division_code)


def sees_identity_number(principal: Principal) -> bool:
    return principal.has_role(*IDENTITY_NUMBER_ROLES)


def sees_health_details(principal: Principal) -> bool:
    return principal.has_role(*HEALTH_DETAIL_ROLES)

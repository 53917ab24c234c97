"""Who may do and see what in the registry: one table, read by the services."""

from shouhu.platform.auth import DEPARTMENT_ROLES, Principal, Role

# Roles that open and change files, within their division.
WRITE_ROLES = frozenset(
    {Role.CIVIL_AFFAIRS, Role.INTAKE_CLERK, Role.TOWN_SOCIAL_WORKER, Role.VILLAGE_SUPERVISOR}
)
# Roles that read files: the writers in their division, departments district-wide.
READ_ROLES = WRITE_ROLES | DEPARTMENT_ROLES | {Role.WOMEN_CHILDREN_COMMITTEE}
# Roles that see the full identity number; everyone else sees it masked.
IDENTITY_NUMBER_ROLES = frozenset(
    {Role.CIVIL_AFFAIRS, Role.INTAKE_CLERK, Role.TOWN_SOCIAL_WORKER, Role.POLICE}
)


def may_write(principal: Principal) -> bool:
    return principal.has_role(*WRITE_ROLES)


def may_read(principal: Principal) -> bool:
    return principal.has_role(*READ_ROLES)


def sees_identity_number(principal: Principal) -> bool:
    return principal.has_role(*IDENTITY_NUMBER_ROLES)

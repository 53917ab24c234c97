"""Who may do and see what in benefits: one table, read by the services."""

from shouhu.platform.auth import Principal, Role
from shouhu.platform.errors import Forbidden

# Roles that read a child's decisions and entitlements, within their division.
READ_ROLES = frozenset(
    {Role.CIVIL_AFFAIRS, Role.INTAKE_CLERK, Role.TOWN_SOCIAL_WORKER, Role.VILLAGE_SUPERVISOR}
)
# Roles that see health detail (the registry's `health` part): HIV-affected as such.
HEALTH_DETAIL_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER})
# How a subtype is shown to a role without health detail, as the registry shows it (a test holds
# the two tables together): HIV-affected as seriously ill, in the facts of every decision.
DISCLOSED_AS = {"HIV_AFFECTED": "SERIOUSLY_ILL"}
# Roles that set standards and switch pilots on and off, district-wide.
STANDARD_ROLES = frozenset({Role.CIVIL_AFFAIRS})
# Roles that run a month's payment batch (the finance office works through civil affairs).
PAYMENT_RUN_ROLES = frozenset({Role.CIVIL_AFFAIRS})
# Roles that read the lines of a batch (children paid), within their division; and export them.
PAYMENT_LINE_ROLES = frozenset(
    {Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER, Role.VILLAGE_SUPERVISOR}
)
# Roles that read a batch's totals only (no child's line): the line readers and the auditor.
PAYMENT_TOTAL_ROLES = PAYMENT_LINE_ROLES | {Role.AUDITOR}

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


def sees_health_details(principal: Principal) -> bool:
    return principal.has_role(*HEALTH_DETAIL_ROLES)

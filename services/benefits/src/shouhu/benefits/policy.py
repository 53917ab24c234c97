"""Who may do and see what in benefits: one table, read by the services."""

from functools import cache

from shouhu.benefits.rules import disclosure
from shouhu.benefits.rules.disclosure import NOTHING_APART, Apart
from shouhu.benefits.rules.schema import Rules
from shouhu.platform.auth import Principal, Role
from shouhu.platform.errors import Forbidden

# Roles that read a child's decisions and entitlements, within their division.
READ_ROLES = frozenset(
    {Role.CIVIL_AFFAIRS, Role.INTAKE_CLERK, Role.TOWN_SOCIAL_WORKER, Role.VILLAGE_SUPERVISOR}
)
# Roles that see health detail (the registry's `health` part): HIV-affected as such, and whatever
# of a decision the rules would let tell it apart (below).
HEALTH_DETAIL_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER})
# How a subtype is shown to a role without health detail, as the registry shows it (a test holds
# the two tables together): HIV-affected as seriously ill, in the facts of every decision. Where
# the rules treat the two apart, what could differ is withheld from such roles for every child
# alike (`treated_apart`, docs/benefits.md).
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


@cache
def treated_apart(rules: Rules) -> Apart:
    """What the rules treat apart (`disclosure.treated_apart`), checked for the ledger, once."""
    apart = disclosure.treated_apart(rules, DISCLOSED_AS)
    disclosure.check_ledger(rules, apart)
    return apart


def withheld_from(principal: Principal, rules: Rules) -> Apart:
    """What of a child's decisions to withhold from this principal: nothing with health detail."""
    return NOTHING_APART if sees_health_details(principal) else treated_apart(rules)

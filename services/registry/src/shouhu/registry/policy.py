"""Who may do and see what in the registry: one table, read by the services."""

from enum import StrEnum
from functools import cache

from shouhu.platform.auth import DEPARTMENT_ROLES, Principal, Role
from shouhu.platform.errors import Forbidden

# Roles that keep files (open, change, classify, exit, import), within their division.
WRITE_ROLES = frozenset(
    {Role.CIVIL_AFFAIRS, Role.INTAKE_CLERK, Role.TOWN_SOCIAL_WORKER, Role.VILLAGE_SUPERVISOR}
)


class Part(StrEnum):
    """A part of a child's file that a role may or may not see (档案的可见部分)."""

    # Always seen by a reader: name, village, status, primary category and left-behind (the needs).
    IDENTITY = "identity"  # gender, birth date, age, hukou, registration and exit
    ID_NUMBER_MASKED = "idNumberMasked"  # 110109************
    ID_NUMBER = "idNumber"  # the full number, and looking a child up by it
    GUARDIANS = "guardians"  # household, guardians and their telephone numbers
    CLASSIFICATIONS = "classifications"  # groups and subtypes, with HIV shown as serious illness
    HEALTH = "health"  # HIV-affected as such, and the notes of illness and disability
    SCHOOL = "school"
    NOTES = "notes"
    HISTORY = "history"
    BENEFITS = "benefits"  # decisions and entitlements (the benefits service's own table agrees)
    VISITS = "visits"
    PLAN = "plan"  # every department's measures
    OWN_MEASURES = "ownMeasures"  # the measures of the role's own department only
    CASES = "cases"  # protection cases in detail: what happened, findings, attachments, steps


P = Part
KEEPER_PARTS = frozenset(
    {P.IDENTITY, P.GUARDIANS, P.CLASSIFICATIONS, P.SCHOOL, P.NOTES, P.HISTORY}
    | {P.BENEFITS, P.VISITS, P.PLAN}
)
# What each role sees of a file (the field policy; docs/access-policy.md renders it).
FILE_VIEW: dict[Role, frozenset[Part]] = {
    Role.CIVIL_AFFAIRS: KEEPER_PARTS | {P.ID_NUMBER, P.HEALTH, P.CASES},
    Role.TOWN_SOCIAL_WORKER: KEEPER_PARTS | {P.ID_NUMBER, P.HEALTH, P.CASES},
    Role.INTAKE_CLERK: KEEPER_PARTS | {P.ID_NUMBER},
    Role.VILLAGE_SUPERVISOR: KEEPER_PARTS | {P.ID_NUMBER_MASKED},
    Role.WOMEN_CHILDREN_COMMITTEE: frozenset(
        {P.IDENTITY, P.ID_NUMBER_MASKED, P.CLASSIFICATIONS, P.PLAN}
    ),
    Role.POLICE: frozenset({P.IDENTITY, P.ID_NUMBER, P.GUARDIANS, P.OWN_MEASURES, P.CASES}),
    Role.EDUCATION: frozenset(
        {P.IDENTITY, P.ID_NUMBER_MASKED, P.CLASSIFICATIONS, P.SCHOOL, P.OWN_MEASURES}
    ),
    Role.HEALTH: frozenset(
        {P.IDENTITY, P.ID_NUMBER_MASKED, P.CLASSIFICATIONS, P.HEALTH, P.OWN_MEASURES}
    ),
    Role.HUMAN_RESOURCES: frozenset({P.IDENTITY, P.ID_NUMBER_MASKED, P.GUARDIANS, P.OWN_MEASURES}),
    Role.JUDICIAL: frozenset(
        {P.IDENTITY, P.ID_NUMBER_MASKED, P.GUARDIANS, P.CLASSIFICATIONS, P.OWN_MEASURES, P.CASES}
    ),
    Role.HOUSING: frozenset({P.IDENTITY, P.ID_NUMBER_MASKED, P.CLASSIFICATIONS, P.OWN_MEASURES}),
    Role.DISABLED_PERSONS_FEDERATION: frozenset({P.IDENTITY, P.CLASSIFICATIONS, P.OWN_MEASURES}),
    Role.YOUTH_LEAGUE: frozenset({P.OWN_MEASURES}),
    Role.TRADE_UNION: frozenset({P.OWN_MEASURES}),
    Role.WOMENS_FEDERATION: frozenset({P.OWN_MEASURES}),
}
# Roles that read files: the keepers in their division, departments district-wide, each its part.
READ_ROLES = frozenset(FILE_VIEW)
# How a subtype is shown to a role without `HEALTH`: HIV-affected as seriously ill, everywhere
# (file, filters, history, statistics), so that neither its presence nor its absence shows.
DISCLOSED_AS = {"HIV_AFFECTED": "SERIOUSLY_ILL"}
# The parts a search filter reads: a role filters only by what it may see (any of the parts).
FILTER_PARTS: dict[str, frozenset[Part]] = {
    "id_number": frozenset({Part.ID_NUMBER, Part.ID_NUMBER_MASKED}),
    "group": frozenset({Part.CLASSIFICATIONS}),
    "subtype": frozenset({Part.CLASSIFICATIONS}),
    "min_age": frozenset({Part.IDENTITY}),
    "max_age": frozenset({Part.IDENTITY}),
}
FILTER_NAMES = {
    "id_number": "身份证号",
    "group": "分类",
    "subtype": "分类",
    "min_age": "年龄",
    "max_age": "年龄",
}
HEALTH_GROUPS = frozenset({"ILLNESS_DISABILITY"})
# Statistics for roles that read no file: cells of fewer children than this are shown as `<5`.
SMALL_CELL = 5

# Roles that match identity numbers to children's ids in bulk (a school's roster, 花名册): ids
# only, no personal data; the education department and schools' staff, district-wide.
MATCH_ROLES = frozenset({Role.EDUCATION, Role.SCHOOL_STAFF})
MAX_MATCH = 50_000  # numbers per call: a large school's roster
# Roles that visit families (定期走访).
VISIT_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER, Role.VILLAGE_SUPERVISOR})
# Roles that write the support plan; departments add measures of their own department.
PLAN_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER}) | DEPARTMENT_ROLES
# Roles that decide a held-back duplicate registration.
REVIEW_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER})
# Roles that decide a transfer request (档案转移), at the district level only.
TRANSFER_ROLES = frozenset({Role.CIVIL_AFFAIRS})
# `DUPLICATE` answers one person may get in an hour before registrations with a number are
# refused (`RATE_LIMITED`): a duplicate tells that a number is filed somewhere in the district.
DUPLICATE_ANSWERS_PER_HOUR = 20
# Roles that manage the workforce of the network.
WORKFORCE_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER})
# Roles that read counts (no personal data), within their division.
STATISTICS_ROLES = READ_ROLES | {Role.AUDITOR}
# Roles that follow the single window's figures (督查考核): the district's civil affairs and
# auditor, the window's clerks and the towns' social workers (their town's).
INTAKE_STATISTICS_ROLES = frozenset(
    {Role.CIVIL_AFFAIRS, Role.AUDITOR, Role.INTAKE_CLERK, Role.TOWN_SOCIAL_WORKER}
)
# The accountability figures of protection cases (追责): the district's civil affairs and police
# and the auditor (figures only: no case detail), a town's social worker and police station their
# town's.
CASE_STATISTICS_ROLES = frozenset(
    {Role.CIVIL_AFFAIRS, Role.AUDITOR, Role.TOWN_SOCIAL_WORKER, Role.POLICE}
)
# Protection cases (强制报告): every role but the auditor files a report (mandated reporters,
# staff who find a child at risk, the window's clerks for a caller of the hotline); the police
# of the division accept, respond and notify the town (通报); the town's social worker or civil
# affairs assess; they and judicial follow interventions and the petition to the court. Case
# detail goes to the roles with `Part.CASES`, within their division (a police station: its town).
REPORT_ROLES = frozenset(Role) - {Role.AUDITOR}
HOTLINE_ROLES = frozenset({Role.INTAKE_CLERK})
CASE_POLICE_ROLES = frozenset({Role.POLICE})
ASSESS_ROLES = frozenset({Role.TOWN_SOCIAL_WORKER, Role.CIVIL_AFFAIRS})
INTERVENTION_ROLES = ASSESS_ROLES
COURT_ROLES = INTERVENTION_ROLES | {Role.JUDICIAL}
CLOSE_CASE_ROLES = ASSESS_ROLES | CASE_POLICE_ROLES
CASE_SUPERVISOR_ROLES = frozenset({Role.VILLAGE_SUPERVISOR})
# Roles that read the access log: the district's civil affairs and the auditor.
ACCESS_LOG_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.AUDITOR})
# Roles that set district-wide rules (visit intervals).
RULE_ROLES = frozenset({Role.CIVIL_AFFAIRS})


def require(principal: Principal, roles: frozenset[Role], message: str) -> None:
    """`FORBIDDEN` unless the principal holds one of the roles."""
    if not principal.has_role(*roles):
        raise Forbidden(message)


def require_part(principal: Principal, parts: frozenset[Part], message: str) -> None:
    """`FORBIDDEN` unless the principal sees one of these parts of a file."""
    if not view(principal) & parts:
        raise Forbidden(message)


def district_wide(principal: Principal) -> bool:
    """Departments act district-wide on their own part of the data."""
    return principal.has_role(*DEPARTMENT_ROLES)


def sees_division(principal: Principal, division_code: str) -> bool:
    """The scope rule, with departments district-wide."""
    return district_wide(principal) or principal.sees(division_code)


def view(principal: Principal) -> frozenset[Part]:
    """The parts of a file the principal sees: the union over its roles."""
    return _view(principal.roles)


@cache
def _view(roles: frozenset[str]) -> frozenset[Part]:
    # Read for every file of every page: worked out once per set of roles.
    parts: frozenset[Part] = frozenset()
    for role in roles:
        if role in FILE_VIEW:
            parts |= FILE_VIEW[Role(role)]
    return parts


def sees(principal: Principal, part: Part) -> bool:
    return part in view(principal)


def sees_health_details(principal: Principal) -> bool:
    return sees(principal, Part.HEALTH)


def disclosed(principal: Principal, subtype: str) -> str:
    """The subtype as this principal is shown it (HIV-affected as seriously ill, by policy)."""
    return subtype if sees_health_details(principal) else DISCLOSED_AS.get(subtype, subtype)


def reads_personal_data(principal: Principal) -> bool:
    """Whether any role of the principal reads children's files."""
    return principal.has_role(*FILE_VIEW)

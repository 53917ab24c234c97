"""Who may do and see what in volunteers: one table, read by the services."""

from __future__ import annotations

from shouhu.platform.auth import Principal, Role
from shouhu.platform.errors import Forbidden

# The mass organisations (群团组织): each acts for its own organisations' records.
FEDERATION_ROLES = frozenset(
    {
        Role.YOUTH_LEAGUE,
        Role.TRADE_UNION,
        Role.WOMENS_FEDERATION,
        Role.DISABLED_PERSONS_FEDERATION,
    }
)
# The district's registrar of volunteers (志愿者注册): registers and vets into any organisation.
REGISTRAR_ROLES = frozenset({Role.YOUTH_LEAGUE})
# Who adds an organisation (acting for it under their own role), at the district level.
ORGANISATION_ADMIN_ROLES = FEDERATION_ROLES
# Who registers volunteers and records their vetting: the registrar anywhere, the other
# federations into the organisations they act for.
REGISTER_ROLES = FEDERATION_ROLES
VETTING_ROLES = FEDERATION_ROLES
# Who reads volunteers: the federations (as they register), civil affairs district-wide, and the
# town's social worker within their division (pairings are theirs to follow); phones masked for
# all but the federations.
READ_ROLES = FEDERATION_ROLES | {Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER}
# Who disables a volunteer (and so their account) and imports a roster of volunteers: whoever
# registers them (the registrar anywhere, another federation its own organisations').
DISABLE_ROLES = REGISTER_ROLES
# Who enables a disabled volunteer again: whoever may disable them.
ENABLE_ROLES = DISABLE_ROLES
ROSTER_ROLES = REGISTER_ROLES
FULL_PHONE_ROLES = FEDERATION_ROLES
# Any signed-in caller reads the organisations; the contact's mobile only the role acting for one.

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


def registrar(principal: Principal) -> bool:
    """The Youth League at the district: every organisation's volunteers."""
    return principal.has_role(*REGISTRAR_ROLES) and (
        len(principal.division_code) == DISTRICT_CODE_LENGTH
    )


def acts_for(principal: Principal, acting_role: str) -> bool:
    """Whether the caller holds the federation role an organisation is acted for by."""
    return acting_role in principal.roles and Role(acting_role) in FEDERATION_ROLES


def writes_for(principal: Principal, acting_role: str) -> bool:
    """May register and vet the volunteers of an organisation acted for by `acting_role`."""
    if len(principal.division_code) != DISTRICT_CODE_LENGTH:
        return False
    return registrar(principal) or acts_for(principal, acting_role)


def acting_roles(principal: Principal) -> frozenset[str] | None:
    """The organisations' acting roles whose volunteers the caller reads; None: all of them."""
    if registrar(principal) or principal.has_role(Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER):
        return None  # the division scope still applies (`Principal.sees`)
    return frozenset(r.value for r in FEDERATION_ROLES if r.value in principal.roles)


# ---- caring families, donations, needs and offers (issue 15 items 7-9) ------------------------

# Caring families (爱心家庭): civil affairs registers, assesses, approves and links them to
# children; the town's social worker reads those of their town (they follow the child).
FAMILY_ROLES = frozenset({Role.CIVIL_AFFAIRS})
FAMILY_READ_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER})
FAMILY_FULL_MOBILE_ROLES = FAMILY_ROLES
# Donations (捐赠): the federations record them, and their uses, for the organisations they act
# for; civil affairs reads every one. The public summary (公开透明) is any signed-in caller's.
DONATION_ROLES = FEDERATION_ROLES
DONATION_READ_ROLES = FEDERATION_ROLES | {Role.CIVIL_AFFAIRS}
# Needs (需求): raised, matched with an offer and closed by civil affairs and the town's social
# worker (in their division); the federations read them (without the child) to make offers.
NEED_ROLES = frozenset({Role.CIVIL_AFFAIRS, Role.TOWN_SOCIAL_WORKER})
NEED_READ_ROLES = NEED_ROLES | FEDERATION_ROLES
# Offers (资源): the federations for the organisations they act for (enterprises, charities...).
OFFER_ROLES = FEDERATION_ROLES
OFFER_READ_ROLES = NEED_READ_ROLES


def records_for(principal: Principal, acting_role: str) -> bool:
    """May record donations and offers of an organisation: the role acting for it, at the
    district (the registrar's reach over volunteers does not extend to others' money)."""
    return len(principal.division_code) == DISTRICT_CODE_LENGTH and acts_for(principal, acting_role)


# Activities (志愿服务活动) and service hours: the federations at the district, for the
# organisations they act for (the Youth League for every one); read by whoever reads volunteers.
ACTIVITY_ROLES = FEDERATION_ROLES
HOURS_ROLES = FEDERATION_ROLES
ACTIVITY_READ_ROLES = READ_ROLES
# The volunteer's own view (item 11): itself, its own hours, activities and certificate; it may
# record its own hours, which its organisation then approves. Nothing of other volunteers.
SELF_ROLES = frozenset({Role.VOLUNTEER})


def serves_at(activity_acting_role: str, volunteer_acting_role: str) -> bool:
    """A volunteer may serve at an organisation's activity when that organisation's federation
    reads them (it approves their hours there): the Youth League every volunteer, another
    federation its own organisations'."""
    registrar_roles = {r.value for r in REGISTRAR_ROLES}
    return activity_acting_role in registrar_roles or activity_acting_role == volunteer_acting_role


# One-to-one pairing (一对一帮扶): the federations at the district suggest, pair and end, for the
# organisations they act for (the Youth League for all); whoever reads volunteers reads pairings
# (the town's social worker within their town follows them and logs visits too).
PAIRING_ROLES = FEDERATION_ROLES
PAIRING_READ_ROLES = READ_ROLES
PAIRING_VISIT_ROLES = FEDERATION_ROLES | {Role.TOWN_SOCIAL_WORKER}
# The volunteer logs the visits of its own pairings (`recordOwnPairingVisit`; its hours for them
# it records as any of its own); nothing of another volunteer's pairing.
PAIRING_SELF_VISIT_ROLES = SELF_ROLES

"""Who a signed-in volunteer is, and the one rule of its view: itself and nothing of others."""

from __future__ import annotations

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.errors import Forbidden, NotFound
from shouhu.platform.identity import KeyRing
from shouhu.volunteers import policy
from shouhu.volunteers.models import Volunteer
from shouhu.volunteers.own import repository
from shouhu.volunteers.volunteers import service as volunteer_service
from shouhu.volunteers.volunteers.schemas import VolunteerOut

NOT_LINKED = "未找到与您的账号关联的志愿者登记"
ONLY_OWN = "志愿者只能查看本人的信息"


def is_self_only(principal: Principal) -> bool:
    """A volunteer who reads as a volunteer only (not also as a federation or a worker)."""
    return principal.has_role(*policy.SELF_ROLES) and not principal.has_role(*policy.READ_ROLES)


def own(session: Session, principal: Principal) -> Volunteer:
    """The caller's own volunteer record; `NOT_FOUND` until an account is linked to one."""
    policy.require(principal, policy.SELF_ROLES, "仅志愿者本人可查看")
    row = repository.by_username(session, principal.username)
    if row is None:
        raise NotFound(NOT_LINKED)
    return row


def readable(session: Session, principal: Principal, volunteer_id: str) -> Volunteer:
    """The volunteer, to a reader of volunteers (in scope) or to the volunteer itself."""
    if is_self_only(principal):
        row = own(session, principal)
        if row.id != volunteer_id:
            raise Forbidden(ONLY_OWN)
        return row
    return volunteer_service.readable(session, principal, volunteer_id)


def me(session: Session, principal: Principal, keys: KeyRing) -> VolunteerOut:
    """`myVolunteer`: the caller's own record, as a reader would see it."""
    return volunteer_service.view(session, principal, keys, own(session, principal))

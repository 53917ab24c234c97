"""Who a signed-in volunteer is, and the one rule of its view: itself and nothing of others;
its pairings with the little of the child it needs."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.clock import age_on, today
from shouhu.platform.divisions import name as division_name
from shouhu.platform.errors import Forbidden, NotFound
from shouhu.platform.identity import KeyRing
from shouhu.volunteers import policy
from shouhu.volunteers.models import ChildFacts, Pairing, Volunteer
from shouhu.volunteers.own import repository
from shouhu.volunteers.own.schemas import OwnPairingOut, OwnVisitOut
from shouhu.volunteers.pairing import repository as pairings
from shouhu.volunteers.pairing import service as pairing_service
from shouhu.volunteers.pairing.schemas import PairingStatus, PairingVisitInput, VisitMode
from shouhu.volunteers.volunteers import service as volunteer_service
from shouhu.volunteers.volunteers.schemas import VolunteerOut, VolunteerSkill

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


def pairings_of(session: Session, principal: Principal, volunteer_id: str) -> list[OwnPairingOut]:
    """`Volunteer.pairings`: the volunteer's pairings as it sees them (item 11), latest first; to
    the volunteer itself, and to its readers for the children in their scope."""
    row = readable(session, principal, volunteer_id)
    rows = pairings.of_volunteer(session, row.id)
    kids = pairings.children(session, [p.child_id for p in rows])
    if not is_self_only(principal):
        rows = [p for p in rows if principal.sees(kids[p.child_id].residence_division_code)]
    return _outs(session, row, rows, kids)


def record_visit(
    session: Session, principal: Principal, pairing_id: str, data: PairingVisitInput
) -> OwnPairingOut:
    """`recordOwnPairingVisit`: the volunteer logs a visit of its own active pairing."""
    policy.require(principal, policy.PAIRING_SELF_VISIT_ROLES, "仅志愿者本人可记录")
    row = own(session, principal)
    found = pairings.pairing(session, pairing_id)
    # Another's pairing and no pairing answer alike: a volunteer learns nothing of others.
    if found is None or found.volunteer_id != row.id:
        raise Forbidden("志愿者只能记录本人结对的走访")
    pairing_service.add_visit(session, principal, found, data)
    return _outs(session, row, [found], pairings.children(session, [found.child_id]))[0]


def _outs(
    session: Session, row: Volunteer, rows: Sequence[Pairing], kids: dict[str, ChildFacts]
) -> list[OwnPairingOut]:
    visits: dict[str, list[OwnVisitOut]] = {}
    for v in pairings.visits(session, [p.id for p in rows]):
        mine = row.username is not None and v.recorded_by == row.username
        visits.setdefault(v.pairing_id, []).append(
            OwnVisitOut(
                id=v.id,
                visited_on=v.visited_on,
                minutes=v.minutes,
                mode=VisitMode(v.mode),
                note=v.note if mine else None,
                by_volunteer=mine,
            )
        )
    on = today()
    return [
        OwnPairingOut(
            id=p.id,
            child_name=kids[p.child_id].name,
            child_age=age_on(kids[p.child_id].birth_date, on),
            village_name=division_name(kids[p.child_id].residence_division_code),
            needs=[VolunteerSkill(n) for n in kids[p.child_id].needs],
            status=PairingStatus(p.status),
            started_on=p.started_on,
            ended_on=p.ended_on,
            visits=visits.get(p.id, []),
        )
        for p in rows
    ]

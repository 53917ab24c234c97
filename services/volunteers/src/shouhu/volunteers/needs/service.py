"""Rules of needs and offers: who raises, offers, matches and closes; never commits.

Needs are raised by hand, and by the registry's events: an intake's VOLUNTEER_PAIRING task, a
support plan's measure that names a skill (needs.yaml); a pairing for the child closes them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlmodel import Session

from shouhu.platform import divisions
from shouhu.platform.auth import Principal
from shouhu.platform.errors import Conflict, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.volunteers import policy
from shouhu.volunteers.models import Need, Offer, Organisation
from shouhu.volunteers.needs import repository
from shouhu.volunteers.needs.rules import load
from shouhu.volunteers.needs.schemas import (
    CloseNeedInput,
    NeedInput,
    NeedOut,
    NeedSource,
    NeedStatus,
    OfferInput,
    OfferOut,
    OfferStatus,
    ResourceKind,
)
from shouhu.volunteers.organisations import repository as organisations

UNKNOWN_NEED = "需求不存在"
UNKNOWN_OFFER = "资源不存在"


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def offer_out(row: Offer, organisation: Organisation) -> OfferOut:
    return OfferOut(
        id=row.id,
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        kind=ResourceKind(row.kind),
        description=row.description,
        division_code=row.division_code,
        division_name=divisions.name(row.division_code),
        quantity=row.quantity,
        matched=row.matched,
        remaining=row.quantity - row.matched,
        status=OfferStatus(row.status),
        created_by=row.created_by,
        created_at=row.created_at,
    )


def need_out(row: Need, offer: OfferOut | None, principal: Principal) -> NeedOut:
    """The need as the caller may see it: the child only for those who raise needs."""
    shows_child = principal.has_role(*policy.NEED_ROLES)
    return NeedOut(
        id=row.id,
        division_code=row.division_code,
        division_name=divisions.name(row.division_code),
        child_id=row.child_id if shows_child else None,
        for_child=row.child_id is not None,
        kind=ResourceKind(row.kind),
        description=row.description,
        source=NeedSource(row.source),
        status=NeedStatus(row.status),
        offer=offer,
        matched_at=row.matched_at,
        closed_at=row.closed_at,
        close_note=row.close_note,
        version=row.version,
        raised_by=row.raised_by,
        raised_at=row.raised_at,
    )


def _outs(session: Session, rows: Sequence[Need], principal: Principal) -> list[NeedOut]:
    offers = repository.by_ids(session, [r.offer_id for r in rows if r.offer_id])
    orgs = organisations.by_ids(session, [o.organisation_id for o in offers.values()])
    return [
        need_out(
            r,
            offer_out(offers[r.offer_id], orgs[offers[r.offer_id].organisation_id])
            if r.offer_id
            else None,
            principal,
        )
        for r in rows
    ]


def raise_need(session: Session, principal: Principal, data: NeedInput) -> NeedOut:
    """An open need, of a child or of a division's children, within the caller's division."""
    policy.require(principal, policy.NEED_ROLES, "无权登记需求")
    if data.division_code not in divisions.names():
        raise _refuse("divisionCode", "区划代码不存在")
    if not principal.sees(data.division_code):
        raise Forbidden("只能登记本辖区的需求")
    child_id = None
    if data.child_id is not None:
        try:
            child_id = str(uuid.UUID(data.child_id))
        except ValueError as exc:
            raise _refuse("childId", "儿童编号不正确") from exc
    now = utcnow()
    row = Need(
        id=str(uuid.uuid4()),
        division_code=data.division_code,
        child_id=child_id,
        kind=data.kind.value,
        description=data.description,
        source=NeedSource.MANUAL.value,
        status=NeedStatus.OPEN.value,
        version=1,
        raised_by=principal.username,
        raised_at=now,
        updated_at=now,
    )
    repository.add(session, row)
    return need_out(row, None, principal)


def create_offer(session: Session, principal: Principal, data: OfferInput) -> OfferOut:
    """What an organisation the caller acts for offers, for a division (or the district)."""
    policy.require(principal, policy.OFFER_ROLES, "无权登记资源")
    organisation = organisations.organisation(session, data.organisation_id)
    if organisation is None:
        raise _refuse("organisationId", "组织不存在")
    if not policy.records_for(principal, organisation.acting_role):
        raise Forbidden("只能为本单位负责的组织登记资源")
    if data.division_code not in divisions.names():
        raise _refuse("divisionCode", "区划代码不存在")
    now = utcnow()
    row = Offer(
        id=str(uuid.uuid4()),
        organisation_id=organisation.id,
        kind=data.kind.value,
        description=data.description,
        division_code=data.division_code,
        quantity=data.quantity,
        matched=0,
        status=OfferStatus.OPEN.value,
        created_by=principal.username,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, row)
    return offer_out(row, organisation)


def _need_for(session: Session, principal: Principal, need_id: str) -> Need:
    policy.require(principal, policy.NEED_ROLES, "无权办理需求")
    row = repository.need(session, need_id)
    if row is None:
        raise NotFound(UNKNOWN_NEED)
    if not principal.sees(row.division_code):
        raise Forbidden("无权办理该需求")
    return row


def match(session: Session, principal: Principal, need_id: str, offer_id: str) -> NeedOut:
    """An open need met by an offer of its kind covering its division, while a unit is left."""
    need = _need_for(session, principal, need_id)
    if need.status != NeedStatus.OPEN.value:
        raise Conflict("该需求已对接或已关闭")
    offer = repository.offer(session, offer_id)
    if offer is None:
        raise _refuse("offerId", UNKNOWN_OFFER)
    if offer.kind != need.kind:
        raise _refuse("offerId", "资源类型与需求不符")
    if not need.division_code.startswith(offer.division_code):
        raise _refuse("offerId", "该资源不覆盖需求所在区划")
    if not repository.take_place(session, offer.id):
        raise _refuse("offerId", "该资源已无剩余")
    now = utcnow()
    need.status = NeedStatus.MATCHED.value
    need.offer_id = offer.id
    need.matched_at = now
    need.version += 1
    need.updated_at = now
    repository.add(session, need)
    repository.refresh(session, offer)
    organisation = organisations.organisation(session, offer.organisation_id)
    assert organisation is not None
    return need_out(need, offer_out(offer, organisation), principal)


def raise_from_event(
    session: Session,
    *,
    child_id: str,
    division_code: str,
    source: NeedSource,
    source_ref: str,
    skill: str | None,
    description: str,
    actor: str,
) -> Need:
    """An open need of a child raised by an event, once per `source_ref` (a redelivered or
    repeated event changes nothing)."""
    existing = repository.by_source_ref(session, source_ref)
    if existing is not None:
        return existing
    now = utcnow()
    row = Need(
        id=str(uuid.uuid4()),
        division_code=division_code,
        child_id=child_id,
        kind=load().kind_of(skill).value,
        description=description[:200],
        source=source.value,
        source_ref=source_ref,
        skill=skill,
        status=NeedStatus.OPEN.value,
        version=1,
        raised_by=actor,
        raised_at=now,
        updated_at=now,
    )
    repository.add(session, row)
    return row


def raises_plan_need(department: str, source_ref: str | None) -> bool:
    """Whether a support plan measure is raised as a need (needs.yaml): one of the departments,
    entered by a person (a department system's measure is that system's to meet)."""
    return source_ref is None and department in load().plan_departments


def close_for_pairing(session: Session, child_id: str, skills: Sequence[str], note: str) -> int:
    """A pairing started for the child: the pairing task's needs close, and the plan's needs
    whose skill the volunteer has; how many closed."""
    closed = 0
    now = utcnow()
    sources = [NeedSource.INTAKE.value, NeedSource.PLAN.value]
    for need in repository.open_of_child(session, child_id, sources):
        if need.source == NeedSource.PLAN.value and need.skill not in skills:
            continue
        need.status = NeedStatus.CLOSED.value
        need.closed_at = now
        need.close_note = note[:200]
        need.version += 1
        need.updated_at = now
        repository.add(session, need)
        closed += 1
    return closed


def close(session: Session, principal: Principal, need_id: str, data: CloseNeedInput) -> NeedOut:
    """A need met (after its match) or withdrawn, closed with a note."""
    need = _need_for(session, principal, need_id)
    if need.status == NeedStatus.CLOSED.value:
        raise Conflict("该需求已关闭")
    now = utcnow()
    need.status = NeedStatus.CLOSED.value
    need.closed_at = now
    need.close_note = data.note
    need.version += 1
    need.updated_at = now
    repository.add(session, need)
    return _outs(session, [need], principal)[0]


def needs(
    session: Session, principal: Principal, division_code: str, status: NeedStatus | None
) -> list[NeedOut]:
    """The needs of a division within the caller's (the federations see no child)."""
    policy.require(principal, policy.NEED_READ_ROLES, "无权查看需求")
    if not principal.sees(division_code):
        raise Forbidden("无权查看该区划的需求")
    rows = repository.needs(session, division_code, status.value if status else None)
    return _outs(session, rows, principal)


def offers(
    session: Session, principal: Principal, division_code: str | None, open_only: bool
) -> list[OfferOut]:
    """Offers of a division (an offer for the district covers all), newest first."""
    policy.require(principal, policy.OFFER_READ_ROLES, "无权查看资源")
    rows = repository.offers(session, division_code, open_only)
    orgs = organisations.by_ids(session, [r.organisation_id for r in rows])
    return [offer_out(r, orgs[r.organisation_id]) for r in rows]

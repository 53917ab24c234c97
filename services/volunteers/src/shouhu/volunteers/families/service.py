"""Rules of caring families: registered, assessed and linked by civil affairs; the link shown on
the child's support plan by event; writes events, never commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.platform import divisions, identity
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Conflict, Duplicate, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.platform.mobile import masked
from shouhu.volunteers import policy
from shouhu.volunteers.families import repository
from shouhu.volunteers.families.events import (
    FAMILY_LINKED,
    FAMILY_UNLINKED,
    FamilyLinked,
    FamilyUnlinked,
    PlanMeasure,
)
from shouhu.volunteers.families.schemas import (
    KIND_NAMES,
    AssessmentInput,
    FamilyInput,
    FamilyKind,
    FamilyOut,
    FamilyStatus,
    LinkInput,
    LinkOut,
    UnlinkInput,
)
from shouhu.volunteers.models import CaringFamily, CaringFamilyLink
from shouhu.volunteers.publish import emit

UNKNOWN = "爱心家庭不存在"
DUPLICATE = "该户主身份证号码已登记为爱心家庭"
# The plan's measure is civil affairs': it assessed and approved the family.
DEPARTMENT = "CIVIL_AFFAIRS"


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def link_out(row: CaringFamilyLink, on: date) -> LinkOut:
    active = row.ended_on is None and (row.until is None or row.until >= on)
    return LinkOut(
        id=row.id,
        family_id=row.family_id,
        child_id=row.child_id,
        starts_on=row.starts_on,
        until=row.until,
        ended_on=row.ended_on,
        end_reason=row.end_reason,
        active=active and row.starts_on <= on,
        linked_by=row.linked_by,
        linked_at=row.linked_at,
    )


def to_out(
    row: CaringFamily, links: Sequence[CaringFamilyLink], principal: Principal, keys: KeyRing
) -> FamilyOut:
    """The family as the caller may see it: the number masked, the mobile for civil affairs."""
    number = keys.open(row.id_number_cipher, row.id_number_key_id)
    full = principal.has_role(*policy.FAMILY_FULL_MOBILE_ROLES)
    on = today()
    return FamilyOut(
        id=row.id,
        kind=FamilyKind(row.kind),
        kind_name=KIND_NAMES[FamilyKind(row.kind)],
        head_name=row.head_name,
        id_number=identity.mask(number),
        mobile=row.mobile if full else masked(row.mobile),
        division_code=row.division_code,
        division_name=divisions.name(row.division_code),
        address=row.address,
        status=FamilyStatus(row.status),
        assessed_on=row.assessed_on,
        assessment_note=row.assessment_note,
        approved_by=row.approved_by,
        links=[link_out(link, on) for link in links],
        version=row.version,
        registered_by=row.registered_by,
        registered_at=row.registered_at,
    )


def _view(session: Session, principal: Principal, keys: KeyRing, row: CaringFamily) -> FamilyOut:
    return to_out(row, repository.links_of(session, [row.id])[row.id], principal, keys)


def register(session: Session, principal: Principal, keys: KeyRing, data: FamilyInput) -> FamilyOut:
    """A household offering care, pending assessment; one per head's identity number."""
    policy.require(principal, policy.FAMILY_ROLES, "无权登记爱心家庭")
    number = data.id_number.strip().upper()
    problem = identity.problem(number)
    if problem is not None:
        raise _refuse("idNumber", problem)
    if identity.birth_date(number) > today():
        raise _refuse("idNumber", "身份证号码中的出生日期晚于今天")
    if data.division_code not in divisions.names():
        raise _refuse("divisionCode", "区划代码不存在")
    if not principal.sees(data.division_code):
        raise Forbidden("只能登记本辖区的爱心家庭")
    existing = repository.by_hashes(session, keys.lookup_hashes(number))
    if existing is not None:
        raise Duplicate(DUPLICATE, existing_id=existing.id)
    sealed = keys.seal(number)
    assert sealed.id_number_hash and sealed.id_number_cipher and sealed.id_number_key_id
    now = utcnow()
    row = CaringFamily(
        id=str(uuid.uuid4()),
        kind=data.kind.value,
        head_name=data.head_name,
        id_number_hash=sealed.id_number_hash,
        id_number_cipher=sealed.id_number_cipher,
        id_number_key_id=sealed.id_number_key_id,
        mobile=data.mobile,
        division_code=data.division_code,
        address=data.address,
        status=FamilyStatus.PENDING.value,
        version=1,
        registered_by=principal.username,
        registered_at=now,
        updated_at=now,
    )
    repository.add(session, row)
    try:
        repository.flush(session)  # another registration of the number may have just committed
    except IntegrityError as exc:
        raise Duplicate(DUPLICATE, fields={"idNumber": DUPLICATE}) from exc
    return to_out(row, [], principal, keys)


def readable(session: Session, principal: Principal, family_id: str) -> CaringFamily:
    policy.require(principal, policy.FAMILY_READ_ROLES, "无权查看爱心家庭")
    row = repository.family(session, family_id)
    if row is None:
        raise NotFound(UNKNOWN)
    if not principal.sees(row.division_code):
        raise Forbidden("无权查看该爱心家庭")
    return row


def _writable(session: Session, principal: Principal, family_id: str) -> CaringFamily:
    policy.require(principal, policy.FAMILY_ROLES, "无权办理爱心家庭")
    return readable(session, principal, family_id)


def get(session: Session, principal: Principal, keys: KeyRing, family_id: str) -> FamilyOut:
    return _view(session, principal, keys, readable(session, principal, family_id))


def listing(
    session: Session,
    principal: Principal,
    keys: KeyRing,
    division_code: str,
    status: FamilyStatus | None,
) -> list[FamilyOut]:
    """The families of a division within the caller's, newest first."""
    policy.require(principal, policy.FAMILY_READ_ROLES, "无权查看爱心家庭")
    if not principal.sees(division_code):
        raise Forbidden("无权查看该区划的爱心家庭")
    rows = repository.families(session, division_code, status.value if status else None)
    links = repository.links_of(session, [r.id for r in rows])
    return [to_out(r, links[r.id], principal, keys) for r in rows]


def assess(
    session: Session,
    principal: Principal,
    keys: KeyRing,
    family_id: str,
    version: int,
    data: AssessmentInput,
) -> FamilyOut:
    """Civil affairs' assessment: approved or not, on a day, by the caller (the approver)."""
    row = _writable(session, principal, family_id)
    if row.version != version:
        raise Conflict("爱心家庭已被他人修改，请刷新后重试")
    if data.assessed_on > today():
        raise _refuse("assessedOn", "评估日期不能晚于今天")
    if data.assessed_on < row.registered_at.date():
        raise _refuse("assessedOn", "评估日期不能早于登记日期")
    caring = [k for k in repository.links_of(session, [row.id])[row.id] if k.ended_on is None]
    if not data.approved and caring:
        raise _refuse("approved", "该家庭仍在照料儿童，请先解除关联")
    row.status = (FamilyStatus.APPROVED if data.approved else FamilyStatus.REJECTED).value
    row.assessed_on = data.assessed_on
    row.assessment_note = data.note
    row.approved_by = principal.username
    row.version += 1
    row.updated_at = utcnow()
    repository.add(session, row)
    return _view(session, principal, keys, row)


def _measure(
    family: CaringFamily, link: CaringFamilyLink, status: str, ended: date | None
) -> PlanMeasure:
    kind = KIND_NAMES[FamilyKind(family.kind)]
    span = f"自{link.starts_on.isoformat()}" + (
        f"至{link.until.isoformat()}" if link.until else "起"
    )
    description = f"{kind}：{family.head_name}家庭，{span}"
    if ended is not None:
        description += f"，{ended.isoformat()}结束"
    return PlanMeasure(
        source_ref=f"volunteers:caring-family-link:{link.id}",
        department=DEPARTMENT,
        kind=kind,
        description=description,
        status=status,
        due_date=link.until,
    )


def link(
    session: Session, principal: Principal, keys: KeyRing, family_id: str, data: LinkInput
) -> FamilyOut:
    """An approved family begins caring for a child; the child's plan shows it (by event).

    That the child exists and is the caller's is checked at the gateway, in the registry."""
    family = _writable(session, principal, family_id)
    if family.status != FamilyStatus.APPROVED.value:
        raise _refuse("familyId", "该家庭尚未通过民政部门评估，不能关联儿童")
    try:
        child_id = str(uuid.UUID(data.child_id))
    except ValueError as exc:
        raise _refuse("childId", "儿童编号不正确") from exc
    if data.until is not None and data.until < data.starts_on:
        raise _refuse("until", "结束日期不能早于开始日期")
    if data.until is not None and data.until < today():
        raise _refuse("until", "结束日期不能早于今天")
    if family.assessed_on is not None and data.starts_on < family.assessed_on:
        raise _refuse("startsOn", "开始日期不能早于评估日期")
    existing = repository.active_link(session, family.id, child_id)
    if existing is not None:
        raise Duplicate("该家庭已在照料该儿童", existing_id=existing.id)
    row = CaringFamilyLink(
        id=str(uuid.uuid4()),
        family_id=family.id,
        child_id=child_id,
        starts_on=data.starts_on,
        until=data.until,
        linked_by=principal.username,
        linked_at=utcnow(),
    )
    repository.add(session, row)
    emit(
        session,
        FAMILY_LINKED,
        child_id,
        FamilyLinked(
            link_id=row.id,
            family_id=family.id,
            child_id=child_id,
            kind=family.kind,
            starts_on=row.starts_on,
            until=row.until,
            linked_by=principal.username,
            plan_measure=_measure(family, row, "IN_PROGRESS", None),
        ),
    )
    return _view(session, principal, keys, family)


def unlink(
    session: Session, principal: Principal, keys: KeyRing, link_id: str, data: UnlinkInput
) -> FamilyOut:
    """The care ended: the link kept with its end, the plan's measure done."""
    row = repository.link(session, link_id)
    if row is None:
        raise NotFound("关联不存在")
    family = _writable(session, principal, row.family_id)
    if row.ended_on is not None:
        raise _refuse("linkId", "该关联已结束")
    if data.ended_on > today():
        raise _refuse("endedOn", "结束日期不能晚于今天")
    if data.ended_on < row.starts_on:
        raise _refuse("endedOn", "结束日期不能早于开始日期")
    row.ended_on = data.ended_on
    row.end_reason = data.reason
    repository.add(session, row)
    emit(
        session,
        FAMILY_UNLINKED,
        row.child_id,
        FamilyUnlinked(
            link_id=row.id,
            family_id=family.id,
            child_id=row.child_id,
            kind=family.kind,
            ended_on=data.ended_on,
            reason=data.reason,
            unlinked_by=principal.username,
            plan_measure=_measure(family, row, "DONE", data.ended_on),
        ),
    )
    return _view(session, principal, keys, family)

"""Rules of volunteers: the identity number (GB 11643, one volunteer each), who registers whom,
who reads whom; writes events, never commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.platform import divisions, identity
from shouhu.platform.auth import Principal
from shouhu.platform.clock import age_on, today
from shouhu.platform.errors import Duplicate, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.platform.mobile import masked
from shouhu.platform.paging import decode_moment_cursor, encode_moment_cursor
from shouhu.platform.schemas import PageInfo
from shouhu.volunteers import policy
from shouhu.volunteers.accounts import service as accounts
from shouhu.volunteers.hours import repository as hours
from shouhu.volunteers.hours import rules as stars
from shouhu.volunteers.models import Organisation, Vetting, Volunteer
from shouhu.volunteers.organisations import repository as organisations
from shouhu.volunteers.organisations import service as organisation_service
from shouhu.volunteers.organisations.schemas import FEDERATION_KINDS
from shouhu.volunteers.publish import emit
from shouhu.volunteers.vetting import repository as vettings
from shouhu.volunteers.vetting.schemas import VettingKind, VettingOut
from shouhu.volunteers.volunteers import repository
from shouhu.volunteers.volunteers.events import VOLUNTEER_REGISTERED, VolunteerRegistered
from shouhu.volunteers.volunteers.schemas import (
    Availability,
    Gender,
    VolunteerEdge,
    VolunteerInput,
    VolunteerOut,
    VolunteerPage,
    VolunteerSkill,
)

ADULT_AGE = 18  # one-to-one pairing (一对一帮扶) takes adults only
CURSOR = "volunteer"
UNKNOWN = "志愿者不存在"
DUPLICATE = "该身份证号码已登记为志愿者"


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def vetted(row: Volunteer, on: date) -> bool:
    """A passed training and a passed record check still current on the day."""
    return row.trained and row.check_valid_until is not None and row.check_valid_until >= on


def vetting_out(row: Vetting, on: date) -> VettingOut:
    return VettingOut(
        id=row.id,
        kind=VettingKind(row.kind),
        passed=row.passed,
        checked_on=row.checked_on,
        valid_until=row.valid_until,
        current=row.valid_until is not None and row.valid_until >= on,
        rule_version=row.rule_version,
        note=row.note,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
    )


def to_out(
    row: Volunteer,
    organisation: Organisation,
    checks: Sequence[Vetting],
    principal: Principal,
    keys: KeyRing,
    on: date,
    total_hours: float = 0.0,
) -> VolunteerOut:
    """A volunteer as the caller may see them: the identity number masked for everyone;
    `total_hours` their approved hours (`hours.repository.totals`)."""
    number = keys.open(row.id_number_cipher, row.id_number_key_id)
    phone = row.phone if principal.has_role(*policy.FULL_PHONE_ROLES) else masked(row.phone)
    age = age_on(row.birth_date, on)
    return VolunteerOut(
        id=row.id,
        name=row.name,
        id_number=identity.mask(number),
        gender=Gender(row.gender),
        age=age,
        adult=age >= ADULT_AGE,
        phone=phone,
        skills=[VolunteerSkill(s) for s in row.skills],
        division_code=row.division_code,
        division_name=divisions.name(row.division_code),
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        availability=[Availability(a) for a in row.availability],
        service_area=list(row.service_area),
        vetted=vetted(row, on),
        check_valid_until=row.check_valid_until,
        trained=row.trained,
        vettings=[vetting_out(v, on) for v in checks],
        # The account comes with its own slice.
        total_hours=total_hours,
        star_level=stars.load().star_level(total_hours),
        next_star_hours=stars.load().next_threshold(total_hours),
        username=row.username,
        version=row.version,
        registered_by=row.registered_by,
        registered_at=row.registered_at,
    )


def view(
    session: Session,
    principal: Principal,
    keys: KeyRing,
    row: Volunteer,
    checks: Sequence[Vetting] | None = None,
) -> VolunteerOut:
    """One volunteer with their organisation, vetting history (`checks` when the caller holds
    it, latest first), hours and account."""
    organisation = organisation_service.get(session, row.organisation_id)
    if checks is None:
        checks = vettings.of_volunteers(session, [row.id]).get(row.id, [])
    total = hours.totals(session, [row.id]).get(row.id, 0.0)
    out = to_out(row, organisation, checks, principal, keys, today(), total)
    out.account = accounts.of_volunteers(session, [row.id]).get(row.id)
    return out


# ---- registering --------------------------------------------------------------------------


def _organisation(
    session: Session, principal: Principal, organisation_id: str | None
) -> Organisation:
    """The organisation named, or the caller's federation's own (whether the caller may write
    for it is the caller's check)."""
    if organisation_id is None:
        kind = next((k for k, role in FEDERATION_KINDS.items() if role in principal.roles), None)
        if kind is None:
            raise _refuse("organisationId", "请选择志愿者所属组织")
        organisation_id = organisation_service.federation_id(kind)
    row = organisations.organisation(session, organisation_id)
    if row is None:
        raise _refuse("organisationId", "组织不存在")
    return row


# The roster import resolves the organisation once for the whole file.
organisation_for = _organisation


def _area(data: VolunteerInput) -> list[str]:
    """The divisions the volunteer serves in, each the district's; by default their own."""
    known = divisions.names()
    for index, code in enumerate(data.service_area):
        if code not in known:
            raise _refuse(f"serviceArea.{index}", "区划代码不存在")
    return list(data.service_area) or [data.division_code]


def register(
    session: Session,
    principal: Principal,
    keys: KeyRing,
    data: VolunteerInput,
    username: str | None = None,
    *,
    checked: bool = False,
) -> VolunteerOut:
    """A new volunteer of an organisation the caller registers for; one per identity number.

    Everything is checked before anything is written: a refusal leaves no trace. `checked`: the
    caller (the roster) has looked the numbers up in bulk and flushes once for all its rows."""
    policy.require(principal, policy.REGISTER_ROLES, "无权登记志愿者")
    organisation = _organisation(session, principal, data.organisation_id)
    if not policy.writes_for(principal, organisation.acting_role):
        raise Forbidden("只能为本单位负责的组织登记志愿者")
    number = data.id_number.strip().upper()
    problem = identity.problem(number)
    if problem is not None:
        raise _refuse("idNumber", problem)
    on = today()
    born = identity.birth_date(number)
    if born > on:
        raise _refuse("idNumber", "身份证号码中的出生日期晚于今天")
    if data.division_code not in divisions.names():
        raise _refuse("divisionCode", "区划代码不存在")
    area = _area(data)
    if not checked:
        existing = repository.by_hashes(session, keys.lookup_hashes(number))
        if existing is not None:
            raise Duplicate(DUPLICATE, existing_id=existing.id)
    # The username on the row from the start (an UPDATE a row less); the account row follows.
    username = username or accounts.free_usernames(session, 1)[0]
    sealed = keys.seal(number)
    assert sealed.id_number_hash and sealed.id_number_cipher and sealed.id_number_key_id
    now = utcnow()
    row = Volunteer(
        id=str(uuid.uuid4()),
        name=data.name,
        id_number_hash=sealed.id_number_hash,
        id_number_cipher=sealed.id_number_cipher,
        id_number_key_id=sealed.id_number_key_id,
        birth_date=born,
        gender=(Gender.MALE if identity.is_male(number) else Gender.FEMALE).value,
        phone=data.phone,
        skills=[s.value for s in data.skills],
        division_code=data.division_code,
        organisation_id=organisation.id,
        availability=[a.value for a in data.availability],
        service_area=area,
        check_valid_until=None,
        trained=False,
        username=username,
        version=1,
        registered_by=principal.username,
        registered_at=now,
        updated_at=now,
    )
    repository.add(session, row)
    if not checked:
        try:
            repository.flush(session)  # another registration of the number may have just committed
        except IntegrityError as exc:
            raise Duplicate(DUPLICATE, fields={"idNumber": DUPLICATE}) from exc
    repository.add_area(session, row.id, area)
    # The account is made after the commit; its one-time password is answered here, once.
    account = accounts.plan(session, keys, row, username)
    out = to_out(row, organisation, [], principal, keys, on)
    out.account = account
    emit(
        session,
        VOLUNTEER_REGISTERED,
        row.id,
        VolunteerRegistered(
            volunteer_id=row.id,
            organisation_id=organisation.id,
            name=row.name,
            division_code=row.division_code,
            skills=row.skills,
            availability=row.availability,
            service_area=row.service_area,
            adult=out.adult,
            registered_on=on,
            registered_by=principal.username,
        ),
    )
    return out


# ---- reading ------------------------------------------------------------------------------


def readable(session: Session, principal: Principal, volunteer_id: str) -> Volunteer:
    """The volunteer, if the caller may read them: in their division, of their organisations."""
    policy.require(principal, policy.READ_ROLES, "无权查看志愿者")
    row = repository.volunteer(session, volunteer_id)
    if row is None:
        raise NotFound(UNKNOWN)
    roles = policy.acting_roles(principal)
    if not principal.sees(row.division_code):
        raise Forbidden("无权查看该志愿者")
    if roles is not None:
        organisation = organisation_service.get(session, row.organisation_id)
        if organisation.acting_role not in roles:
            raise Forbidden("无权查看该志愿者")
    return row


def get(session: Session, principal: Principal, keys: KeyRing, volunteer_id: str) -> VolunteerOut:
    return view(session, principal, keys, readable(session, principal, volunteer_id))


def page(
    session: Session,
    principal: Principal,
    keys: KeyRing,
    division_code: str,
    first: int,
    after: str | None,
    vetted_only: bool | None,
) -> VolunteerPage:
    """The volunteers of a division within the caller's, newest registration first."""
    policy.require(principal, policy.READ_ROLES, "无权查看志愿者")
    if not principal.sees(division_code):
        raise Forbidden("无权查看该区划的志愿者")
    on = today()
    position = decode_moment_cursor(CURSOR, after)
    rows = repository.page(
        session, division_code, policy.acting_roles(principal), vetted_only, on, first, position
    )
    shown = rows[:first]
    orgs = organisations.by_ids(session, [r.organisation_id for r in shown])
    checks = vettings.of_volunteers(session, [r.id for r in shown])
    totals = hours.totals(session, [r.id for r in shown])
    held = accounts.of_volunteers(session, [r.id for r in shown])
    edges = [
        VolunteerEdge(
            cursor=encode_moment_cursor(CURSOR, r.registered_at, r.id),
            node=to_out(
                r,
                orgs[r.organisation_id],
                checks.get(r.id, []),
                principal,
                keys,
                on,
                totals.get(r.id, 0.0),
            ),
        )
        for r in shown
    ]
    for edge in edges:
        edge.node.account = held.get(edge.node.id)
    return VolunteerPage(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > first, end_cursor=edges[-1].cursor if edges else None
        ),
    )

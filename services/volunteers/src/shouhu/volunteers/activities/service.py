"""Rules of activities: who holds them and where, who signs up (vetted volunteers, a number of
children), attendance; never commits.

Children are counted, not named: the volunteers service keeps no children (the registry does),
so an activity's children are its places, those signed up and those who came. A child's
identity stays in the registry; an activity reaches children of its own division by being held
there (its division lies within the organisation's)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session

from shouhu.platform import divisions
from shouhu.platform.auth import Principal, in_scope
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.labels import ACTIVITY_KIND_NAMES
from shouhu.volunteers import policy
from shouhu.volunteers.activities import repository
from shouhu.volunteers.activities.schemas import (
    ActivityInput,
    ActivityKind,
    ActivityOut,
    ActivityVolunteerOut,
    AttendanceInput,
    SignUpInput,
)
from shouhu.volunteers.hours import repository as hours
from shouhu.volunteers.models import Activity, ActivityVolunteer, Organisation
from shouhu.volunteers.organisations import repository as organisations
from shouhu.volunteers.organisations import service as organisation_service
from shouhu.volunteers.organisations.schemas import FEDERATION_KINDS
from shouhu.volunteers.own import service as own
from shouhu.volunteers.volunteers import service as volunteer_service

UNKNOWN = "活动不存在"
WIDER_LENGTHS = (6, 9)  # a district's and a town's codes: the divisions containing a village


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def _organisation(
    session: Session, principal: Principal, organisation_id: str | None
) -> Organisation:
    """The organisation named, or the caller's federation's own."""
    if organisation_id is None:
        kind = next((k for k, role in FEDERATION_KINDS.items() if role in principal.roles), None)
        if kind is None:
            raise _refuse("organisationId", "请选择举办活动的组织")
        organisation_id = organisation_service.federation_id(kind)
    row = organisations.organisation(session, organisation_id)
    if row is None:
        raise _refuse("organisationId", "组织不存在")
    return row


def to_out(
    row: Activity,
    organisation: Organisation,
    signed: Sequence[ActivityVolunteer],
    names: dict[str, str],
    only: str | None = None,
) -> ActivityOut:
    """An activity; `only` keeps a single volunteer among those signed up (the volunteer's own
    view shows nothing of the others)."""
    shown = [s for s in signed if only is None or s.volunteer_id == only]
    return ActivityOut(
        id=row.id,
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        kind=ActivityKind(row.kind),
        kind_name=ACTIVITY_KIND_NAMES[row.kind],
        title=row.title,
        division_code=row.division_code,
        division_name=divisions.name(row.division_code),
        on=row.on,
        capacity=row.capacity,
        volunteer_capacity=row.volunteer_capacity,
        children_signed_up=row.children_signed_up,
        children_attended=row.children_attended,
        volunteers=[
            ActivityVolunteerOut(
                volunteer_id=s.volunteer_id, name=names.get(s.volunteer_id, ""), attended=s.attended
            )
            for s in shown
        ],
        attendance_taken=row.children_attended is not None,
        version=row.version,
        created_by=row.created_by,
        created_at=row.created_at,
    )


def _outs(
    session: Session,
    rows: Sequence[Activity],
    only: str | None = None,
    acting: frozenset[str] | None = None,
) -> list[ActivityOut]:
    """Activities with their volunteers; `acting` keeps only the volunteers of organisations
    acted for by these roles (a federation reads no other's volunteers, here neither)."""
    signed = repository.signed_up(session, [r.id for r in rows])
    if acting is not None:
        shown = repository.of_acting_roles(
            session, [s.volunteer_id for v in signed.values() for s in v], acting
        )
        signed = {a: [s for s in v if s.volunteer_id in shown] for a, v in signed.items()}
    orgs = organisations.by_ids(session, [r.organisation_id for r in rows])
    names = repository.names(session, [s.volunteer_id for v in signed.values() for s in v])
    return [to_out(r, orgs[r.organisation_id], signed.get(r.id, []), names, only) for r in rows]


def _writable(session: Session, principal: Principal, activity_id: str) -> Activity:
    """The activity, if the caller acts for its organisation at the district."""
    policy.require_district(principal, policy.ACTIVITY_ROLES, "无权管理志愿服务活动")
    row = repository.activity(session, activity_id)
    if row is None:
        raise NotFound(UNKNOWN)
    organisation = organisation_service.get(session, row.organisation_id)
    if not policy.writes_for(principal, organisation.acting_role):
        raise Forbidden("只能管理本单位负责的组织的活动")
    return row


def _touch(row: Activity) -> None:
    row.version += 1
    row.updated_at = utcnow()


def create(session: Session, principal: Principal, data: ActivityInput) -> ActivityOut:
    """A new activity of an organisation the caller acts for, within that organisation's area."""
    policy.require_district(principal, policy.ACTIVITY_ROLES, "无权举办志愿服务活动")
    organisation = _organisation(session, principal, data.organisation_id)
    if not policy.writes_for(principal, organisation.acting_role):
        raise Forbidden("只能为本单位负责的组织举办活动")
    if data.division_code not in divisions.names():
        raise _refuse("divisionCode", "区划代码不存在")
    if not in_scope(organisation.division_code, data.division_code):
        raise _refuse("divisionCode", "活动区划应在举办组织的服务区划之内")
    now = utcnow()
    row = Activity(
        id=str(uuid.uuid4()),
        organisation_id=organisation.id,
        kind=data.kind.value,
        title=data.title,
        division_code=data.division_code,
        on=data.on,
        capacity=data.capacity,
        volunteer_capacity=data.volunteer_capacity,
        children_signed_up=0,
        children_attended=None,
        version=1,
        created_by=principal.username,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, row)
    return to_out(row, organisation, [], {})


def sign_up(
    session: Session, principal: Principal, activity_id: str, data: SignUpInput
) -> ActivityOut:
    """Volunteers (vetted, of organisations the caller acts for, whom the activity's
    organisation's federation reads) and a number of children.

    A volunteer already signed up is left as they are; everything is checked first."""
    row = _writable(session, principal, activity_id)
    organisation = organisation_service.get(session, row.organisation_id)
    if row.children_attended is not None:
        raise _refuse("activityId", "活动已记录出勤，不能再报名")
    found = repository.volunteers(session, data.volunteer_ids)
    orgs = organisations.by_ids(session, [v.organisation_id for v in found.values()])
    existing = {s.volunteer_id for s in repository.signed_up(session, [row.id]).get(row.id, [])}
    on = today()
    new: list[str] = []
    for index, volunteer_id in enumerate(data.volunteer_ids):
        volunteer = found.get(volunteer_id)
        field = f"volunteerIds.{index}"
        if volunteer is None:
            raise _refuse(field, volunteer_service.UNKNOWN)
        volunteer_role = orgs[volunteer.organisation_id].acting_role
        if not policy.writes_for(principal, volunteer_role):
            raise Forbidden("只能为本单位负责的组织的志愿者报名")
        if not policy.serves_at(organisation.acting_role, volunteer_role):
            raise _refuse(field, "该志愿者不属于举办组织负责的志愿者队伍")
        if volunteer_id in existing:
            continue
        # Activities bring volunteers to children: the same vetting as a pairing.
        if not volunteer_service.vetted(volunteer, on):
            raise _refuse(field, f"志愿者{volunteer.name}未通过审核（或审核已过期），不能参加活动")
        new.append(volunteer_id)
    if row.volunteer_capacity is not None and len(existing) + len(new) > row.volunteer_capacity:
        raise _refuse("volunteerIds", f"志愿者名额为{row.volunteer_capacity}人，报名人数已超出")
    if row.children_signed_up + data.children > row.capacity:
        left = row.capacity - row.children_signed_up
        raise _refuse("children", f"儿童名额仅剩{left}个")
    now = utcnow()
    for volunteer_id in new:
        repository.add(
            session,
            ActivityVolunteer(
                activity_id=row.id,
                volunteer_id=volunteer_id,
                attended=None,
                signed_up_by=principal.username,
                signed_up_at=now,
            ),
        )
    row.children_signed_up += data.children
    _touch(row)
    repository.add(session, row)
    session.flush()
    return _outs(session, [row], acting=policy.acting_roles(principal))[0]


def attendance(
    session: Session,
    principal: Principal,
    activity_id: str,
    data: AttendanceInput,
) -> ActivityOut:
    """Who came, once the day has come: the volunteers named did, the others signed up did not.

    Taken again, it corrects the last; a volunteer with hours recorded for the activity stays
    present."""
    row = _writable(session, principal, activity_id)
    if row.on > today():
        raise _refuse("activityId", "活动尚未举行，不能记录出勤")
    signed = repository.signed_up(session, [row.id]).get(row.id, [])
    by_id = {s.volunteer_id: s for s in signed}
    for index, volunteer_id in enumerate(data.volunteer_ids):
        if volunteer_id not in by_id:
            raise _refuse(f"volunteerIds.{index}", "该志愿者未报名此活动")
    came = set(data.volunteer_ids)
    for volunteer_id in sorted(hours.volunteers_with_hours(session, row.id) - came):
        if volunteer_id in by_id:
            raise _refuse("volunteerIds", "已记录服务时长的志愿者不能记为缺席")
    if data.children_attended > row.capacity:
        raise _refuse("childrenAttended", f"到场儿童人数不能超过儿童名额{row.capacity}")
    for entry in signed:
        entry.attended = entry.volunteer_id in came
        repository.add(session, entry)
    row.children_attended = data.children_attended
    _touch(row)
    repository.add(session, row)
    session.flush()
    return _outs(session, [row], acting=policy.acting_roles(principal))[0]


def readable(session: Session, principal: Principal, activity_id: str) -> ActivityOut:
    """One activity: to readers of volunteers within their division (or held for a division
    containing theirs), to a volunteer signed up for it (only itself among the volunteers)."""
    row = repository.activity(session, activity_id)
    if own.is_self_only(principal):
        me = own.own(session, principal)
        if row is None or repository.sign_up(session, row.id, me.id) is None:
            raise NotFound(UNKNOWN)
        return _outs(session, [row], only=me.id)[0]
    policy.require(principal, policy.ACTIVITY_READ_ROLES, "无权查看志愿服务活动")
    if row is None:
        raise NotFound(UNKNOWN)
    if not principal.sees(row.division_code) and not in_scope(
        row.division_code, principal.division_code
    ):
        raise Forbidden("无权查看该活动")
    return _outs(session, [row], acting=policy.acting_roles(principal))[0]


def in_division(
    session: Session,
    principal: Principal,
    division_code: str,
    start: date | None,
    end: date | None,
) -> list[ActivityOut]:
    """The activities held in a division within the caller's, or for a division containing it."""
    policy.require(principal, policy.ACTIVITY_READ_ROLES, "无权查看志愿服务活动")
    prefix = principal.narrowed(division_code)
    wider = [prefix[:n] for n in WIDER_LENGTHS if n < len(prefix)]
    rows = repository.in_division(session, prefix, wider, start, end)
    return _outs(session, rows, acting=policy.acting_roles(principal))


def of_volunteer(session: Session, principal: Principal, volunteer_id: str) -> list[ActivityOut]:
    """The activities a volunteer signed up for: to its readers, or to itself (only itself
    among each activity's volunteers)."""
    row = own.readable(session, principal, volunteer_id)
    rows = repository.of_volunteer(session, row.id)
    if own.is_self_only(principal):
        return _outs(session, rows, only=row.id)
    return _outs(session, rows, acting=policy.acting_roles(principal))

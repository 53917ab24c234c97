"""Rules of service hours: who records and approves them, the day's limit, the total and the
stars, the certificate; writes events, never commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Conflict, Duplicate, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.platform.schemas import PDF, ExportOut
from shouhu.volunteers import policy
from shouhu.volunteers.activities import repository as activities
from shouhu.volunteers.hours import repository
from shouhu.volunteers.hours.certificate import Certificate, CertificateLine, render_certificate
from shouhu.volunteers.hours.events import HOURS_APPROVED, HoursApproved
from shouhu.volunteers.hours.rules import DAY_LIMIT, load
from shouhu.volunteers.hours.schemas import DecisionInput, HoursInput, HoursOut, HoursStatus
from shouhu.volunteers.models import ServiceHours, Volunteer
from shouhu.volunteers.organisations import repository as organisations
from shouhu.volunteers.organisations import service as organisation_service
from shouhu.volunteers.own import service as own
from shouhu.volunteers.publish import emit
from shouhu.volunteers.volunteers import repository as volunteers
from shouhu.volunteers.volunteers import service as volunteer_service
from shouhu.volunteers.volunteers.schemas import VolunteerOut

UNKNOWN = "服务时长记录不存在"
PAIRING_VISIT = "结对帮扶"  # hours without an activity: a pairing visit


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def total(session: Session, volunteer_id: str) -> float:
    """A volunteer's approved hours."""
    return repository.totals(session, [volunteer_id]).get(volunteer_id, 0.0)


def to_out(row: ServiceHours, name: str, title: str | None) -> HoursOut:
    return HoursOut(
        id=row.id,
        volunteer_id=row.volunteer_id,
        volunteer_name=name,
        activity_id=row.activity_id,
        activity_title=title,
        organisation_id=row.organisation_id,
        hours=row.hours,
        on=row.on,
        status=HoursStatus(row.status),
        note=row.note,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
    )


def _outs(session: Session, rows: Sequence[ServiceHours]) -> list[HoursOut]:
    names = activities.names(session, [r.volunteer_id for r in rows])
    titles = {
        r.activity_id: a.title
        for r in rows
        if r.activity_id and (a := activities.activity(session, r.activity_id)) is not None
    }
    return [to_out(r, names.get(r.volunteer_id, ""), titles.get(r.activity_id or "")) for r in rows]


def record(
    session: Session,
    principal: Principal,
    keys: KeyRing,
    volunteer_id: str,
    data: HoursInput,
) -> VolunteerOut:
    """Hours a volunteer served on a day, to be approved by the organisation: the activity's, or
    (a pairing visit) the volunteer's own. Recorded by that organisation's federation, or by the
    volunteer itself.

    Refused: a day in the future, hours not above 0, more than 24 on a day in all; at an activity,
    a volunteer not present there, a day other than the activity's, a second record."""
    self_only = own.is_self_only(principal)
    if self_only:
        if own.own(session, principal).id != volunteer_id:
            raise Forbidden("志愿者只能记录本人的服务时长")
    else:
        policy.require_district(principal, policy.HOURS_ROLES, "无权记录服务时长")
    volunteer = volunteers.volunteer(session, volunteer_id)
    if volunteer is None:
        raise NotFound(volunteer_service.UNKNOWN)
    activity = None
    if data.activity_id is not None:
        activity = activities.activity(session, data.activity_id)
        if activity is None:
            raise _refuse("activityId", "活动不存在")
    organisation = organisation_service.get(
        session, activity.organisation_id if activity else volunteer.organisation_id
    )
    # Who may record comes before what is wrong with the record: a refusal tells no more.
    if not self_only and not policy.writes_for(principal, organisation.acting_role):
        raise Forbidden("只能记录本单位负责的组织的服务时长")
    if activity is not None:
        entry = activities.sign_up(session, activity.id, volunteer.id)
        if entry is None or entry.attended is not True:
            raise _refuse("activityId", "该志愿者未在此活动中记录出勤")
        if data.on != activity.on:
            raise _refuse("on", "服务日期应为活动日期")
        existing = repository.for_activity(session, activity.id, volunteer.id)
        if existing is not None:
            raise Duplicate("该志愿者在此活动中的服务时长已记录", existing_id=existing.id)
    already = repository.day_total(session, volunteer.id, data.on)
    if already + data.hours > DAY_LIMIT:
        raise _refuse("hours", f"同一天的服务时长合计不能超过24小时（当天已记录{already:g}小时）")
    repository.add(
        session,
        ServiceHours(
            id=str(uuid.uuid4()),
            volunteer_id=volunteer.id,
            activity_id=data.activity_id,
            organisation_id=organisation.id,
            hours=round(data.hours, 2),
            on=data.on,
            status=HoursStatus.RECORDED.value,
            note=data.note,
            recorded_by=principal.username,
            recorded_at=utcnow(),
        ),
    )
    session.flush()
    return volunteer_service.view(session, principal, keys, volunteer)


def decide(
    session: Session, principal: Principal, keys: KeyRing, hours_id: str, data: DecisionInput
) -> VolunteerOut:
    """The organisation approves (or not) a record; approved hours count towards the total and
    the stars, with a `volunteers.hours.approved` event."""
    policy.require_district(principal, policy.HOURS_ROLES, "无权审核服务时长")
    row = repository.hours(session, hours_id)
    if row is None:
        raise NotFound(UNKNOWN)
    organisation = organisation_service.get(session, row.organisation_id)
    if not policy.writes_for(principal, organisation.acting_role):
        raise Forbidden("只能审核本单位负责的组织的服务时长")
    if row.status != HoursStatus.RECORDED.value:
        raise Conflict("该服务时长记录已审核")
    volunteer = volunteers.volunteer(session, row.volunteer_id)
    assert volunteer is not None  # a foreign key
    rules = load()
    before = total(session, volunteer.id)
    row.status = (HoursStatus.APPROVED if data.approved else HoursStatus.REJECTED).value
    row.decided_by = principal.username
    row.decided_at = utcnow()
    if data.note is not None:
        row.note = data.note
    repository.add(session, row)
    session.flush()
    if data.approved:
        after = round(before + row.hours, 2)
        emit(
            session,
            HOURS_APPROVED,
            volunteer.id,
            HoursApproved(
                hours_id=row.id,
                volunteer_id=volunteer.id,
                organisation_id=organisation.id,
                activity_id=row.activity_id,
                hours=row.hours,
                on=row.on,
                total_hours=after,
                star_level=rules.star_level(after),
                previous_star_level=rules.star_level(before),
                stars_version=rules.version,
                approved_by=principal.username,
            ),
        )
    return volunteer_service.view(session, principal, keys, volunteer)


def of_volunteer(session: Session, principal: Principal, volunteer_id: str) -> list[HoursOut]:
    """A volunteer's records: to its readers, or to itself."""
    row = own.readable(session, principal, volunteer_id)
    return _outs(session, repository.of_volunteer(session, row.id))


def to_approve(session: Session, principal: Principal) -> list[HoursOut]:
    """The records waiting for the caller's approval: of the organisations it acts for."""
    policy.require_district(principal, policy.HOURS_ROLES, "无权审核服务时长")
    if policy.registrar(principal):
        ids: list[str] | None = None
    else:
        roles = policy.acting_roles(principal) or frozenset()
        ids = [o.id for o in organisations.organisations(session, None) if o.acting_role in roles]
    return _outs(session, repository.to_decide(session, ids))


def certificate(
    session: Session, principal: Principal, keys: KeyRing, volunteer_id: str
) -> ExportOut:
    """The certificate of approved hours (志愿服务时长证明), a PDF: to readers and to itself."""
    row: Volunteer = own.readable(session, principal, volunteer_id)
    out = volunteer_service.view(session, principal, keys, row)
    approved = [
        h
        for h in _outs(session, repository.of_volunteer(session, row.id))
        if h.status == "APPROVED"
    ]
    paper = Certificate(
        volunteer_name=out.name,
        id_number=out.id_number,  # masked already
        organisation_name=out.organisation_name,
        total_hours=out.total_hours,
        star_level=out.star_level,
        issued_on=today(),
        lines=[
            CertificateLine(on=h.on, what=h.activity_title or PAIRING_VISIT, hours=h.hours)
            for h in approved
        ],
    )
    filename = f"志愿服务时长证明-{out.name}-{today().isoformat()}.pdf"
    return ExportOut.of(filename, PDF, render_certificate(paper))

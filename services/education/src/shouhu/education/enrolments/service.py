"""Rules of enrolments: who may change which, what fits a child; writes events, never commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.education import policy
from shouhu.education.aid import service as aid
from shouhu.education.children import repository as children
from shouhu.education.dropout import service as dropout
from shouhu.education.enrolments import repository
from shouhu.education.enrolments.events import ENROLMENT_CHANGED, EnrolmentChange, EnrolmentChanged
from shouhu.education.enrolments.schemas import (
    MAX_CHILDREN,
    ChildEducationOut,
    DayInput,
    EndInput,
    EnrolmentEndReason,
    EnrolmentInput,
    EnrolmentOut,
    EnrolmentStatus,
    SchoolPupilEdge,
    SchoolPupilOut,
    SchoolPupilPage,
)
from shouhu.education.enrolments.stages import load
from shouhu.education.inclusive import service as inclusive
from shouhu.education.models import ChildProjection, Enrolment, School
from shouhu.education.publish import emit
from shouhu.education.residency import service as residency
from shouhu.education.schools import repository as schools
from shouhu.education.schools.schemas import SchoolStage
from shouhu.education.schools.service import UNKNOWN_SCHOOL, school_of
from shouhu.platform.auth import Principal
from shouhu.platform.clock import age_on, today
from shouhu.platform.errors import Duplicate, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.paging import decode_cursor, encode_cursor
from shouhu.platform.schemas import PageInfo

NO_CHILD = "儿童不存在"
NO_ENROLMENT = "学籍记录不存在"
NO_RIGHT = "无权办理学籍"
NOT_TIED = "该账号尚未关联学校，请联系教育部门"
ALREADY_OPEN = "该儿童已有在读（或休学）学籍，请先办理转学或终止"
EXITED = "EXITED"
PUPILS_CURSOR = "school-pupil"


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


# ---- who ----------------------------------------------------------------------------------


def _staff_school(session: Session, principal: Principal) -> str:
    """The school of a school staff user; `FORBIDDEN` until the department has tied them."""
    code = school_of(session, principal)
    if code is None:
        raise Forbidden(NOT_TIED)
    return code


def may_write_at(session: Session, principal: Principal, *school_codes: str) -> bool:
    """Whether the principal changes enrolments at one of these schools (`FORBIDDEN` for roles
    that change none)."""
    if policy.writes_any_school(principal):
        return True
    policy.require(principal, policy.SCHOOL_ROLES, NO_RIGHT)
    return _staff_school(session, principal) in school_codes


def _child(session: Session, principal: Principal, child_id: str) -> ChildProjection:
    """A child of the projection within the principal's reach, else `NOT_FOUND`."""
    child = children.facts(session, child_id)
    # School staff act for their school, whose children live anywhere in the district.
    if child is None or not (
        policy.school_staff(principal) or principal.sees(child.residence_division_code)
    ):
        raise NotFound(NO_CHILD)
    return child


# ---- what fits ----------------------------------------------------------------------------


def checked(
    session: Session, child: ChildProjection, data: EnrolmentInput, not_before: date | None = None
) -> School:
    """The school of a new enrolment once every rule holds; else `VALIDATION_FAILED` naming the
    first field that does not."""
    if child.status == EXITED:
        raise _refuse("childId", "儿童已退出关爱保护范围，不能登记学籍")
    school = schools.school(session, data.school_code)
    if school is None:
        raise _refuse("schoolCode", UNKNOWN_SCHOOL)
    if data.school_name is not None and data.school_name.strip() != school.name:
        raise _refuse("schoolName", f"学校名称与学校标识码不符，名录中为“{school.name}”")
    stages = load()
    stage = stages.of(data.stage)
    if data.stage.value not in school.stages:
        raise _refuse("stage", f"{school.name}不设{stage.name}学段")
    if data.grade > stage.grades:
        raise _refuse("grade", f"{stage.name}的年级应为1至{stage.grades}")
    if data.since < child.birth_date:
        raise _refuse("since", "入学日期不能早于出生日期")
    if not_before is not None and data.since < not_before:
        raise _refuse("since", "转入日期不能早于原学籍的入学日期")
    age = age_on(child.birth_date, data.since)
    if not stages.fits(data.stage, age):
        raise _refuse(
            "stage",
            f"儿童入学时{age}岁，与{stage.name}学段（{stage.min_age}至{stage.max_age}岁，"
            f"允许相差{stages.tolerance_years}岁）不符",
        )
    return school


def new_enrolment(
    session: Session, principal: Principal, child: ChildProjection, data: EnrolmentInput
) -> Enrolment:
    now = utcnow()
    return Enrolment(
        id=str(uuid.uuid4()),
        child_id=child.child_id,
        school_code=data.school_code,
        stage=data.stage.value,
        grade=data.grade,
        boarding=data.boarding,
        since=data.since,
        status=EnrolmentStatus.ACTIVE.value,
        recorded_by=principal.username,
        created_at=now,
        updated_at=now,
    )


def _flush(session: Session) -> None:
    """Write now, so that a second open enrolment another writer just made is refused here."""
    try:
        repository.flush(session)
    except IntegrityError as exc:
        raise Duplicate(ALREADY_OPEN, fields={"childId": ALREADY_OPEN}) from exc


class Told(Protocol):
    """What the event of an enrolment tells: a row of the table, or one a bulk change writes."""

    @property
    def id(self) -> str: ...
    @property
    def child_id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def stage(self) -> str: ...
    @property
    def grade(self) -> int: ...
    @property
    def since(self) -> date: ...
    @property
    def end_reason(self) -> str | None: ...
    @property
    def transferred_to(self) -> str | None: ...


def changed(
    principal: Principal,
    child: ChildProjection,
    row: Told,
    school: School,
    change: EnrolmentChange,
    on: date,
    transferred_from: str | None = None,
) -> EnrolmentChanged:
    """The event of a change to an enrolment (`education.enrolment.changed`)."""
    return EnrolmentChanged(
        child_id=row.child_id,
        enrolment_id=row.id,
        change=change,
        status=row.status,
        school_code=school.code,
        school_name=school.name,
        school_town_code=school.town_code,
        stage=row.stage,
        grade=row.grade,
        since=row.since,
        on=on,
        end_reason=row.end_reason,
        transferred_from=transferred_from,
        transferred_to=row.transferred_to,
        residence_division_code=child.residence_division_code,
        town_division_code=child.town_code,
        changed_by=principal.username,
    )


def _tell(
    session: Session,
    principal: Principal,
    child: ChildProjection,
    row: Enrolment,
    school: School,
    change: EnrolmentChange,
    on: date,
    transferred_from: str | None = None,
) -> None:
    event = changed(principal, child, row, school, change, on, transferred_from)
    emit(session, ENROLMENT_CHANGED, row.child_id, event)
    # Aid by stage follows the enrolment: decided again in the same transaction.
    aid.decide(session, [row.child_id], today(), ENROLMENT_CHANGED)


def to_out(row: Enrolment, school: School) -> EnrolmentOut:
    return EnrolmentOut(
        id=row.id,
        child_id=row.child_id,
        school_code=row.school_code,
        school_name=school.name,
        town_code=school.town_code,
        stage=SchoolStage(row.stage),
        grade=row.grade,
        boarding=row.boarding,
        since=row.since,
        status=EnrolmentStatus(row.status),
        suspended_on=row.suspended_on,
        ended_on=row.ended_on,
        end_reason=EnrolmentEndReason(row.end_reason) if row.end_reason else None,
        transferred_to=row.transferred_to,
        recorded_by=row.recorded_by,
    )


# ---- changes ------------------------------------------------------------------------------


def record(
    session: Session, principal: Principal, child_id: str, data: EnrolmentInput
) -> EnrolmentOut:
    """A new enrolment of a child with none open (登记学籍)."""
    if not may_write_at(session, principal, data.school_code):
        raise Forbidden("只能为本校登记学籍")
    child = _child(session, principal, child_id)
    school = checked(session, child, data)
    existing = repository.open_of(session, child.child_id)
    if existing is not None:
        raise Duplicate(ALREADY_OPEN, existing_id=existing.id, fields={"childId": ALREADY_OPEN})
    row = new_enrolment(session, principal, child, data)
    repository.add(session, row)
    _flush(session)
    _tell(session, principal, child, row, school, EnrolmentChange.RECORDED, data.since)
    dropout.judge(session, child.child_id, by=principal.username)  # enrolled: resolved
    return to_out(row, school)


def _changeable(session: Session, principal: Principal, enrolment_id: str) -> Enrolment:
    """An enrolment the principal may change; out of reach answers as absent."""
    row = repository.enrolment(session, enrolment_id)
    if row is None or not may_write_at(session, principal, row.school_code):
        raise NotFound(NO_ENROLMENT)
    _child(session, principal, row.child_id)
    return row


def _still_open(row: Enrolment) -> None:
    if row.status == EnrolmentStatus.ENDED.value:
        raise _refuse("id", "该学籍已终止")


def end(session: Session, principal: Principal, enrolment_id: str, data: EndInput) -> EnrolmentOut:
    """End an enrolment with its reason (毕业、转出本区、辍学、死亡、超龄)."""
    row = _changeable(session, principal, enrolment_id)
    _still_open(row)
    if data.reason is EnrolmentEndReason.TRANSFERRED:
        raise _refuse("reason", "区内转学请办理转学，由转入学校登记新学籍")
    ended_on = data.ended_on or today()
    if ended_on < row.since:
        raise _refuse("endedOn", "终止日期不能早于入学日期")
    row.status, row.ended_on, row.end_reason = (
        EnrolmentStatus.ENDED.value,
        ended_on,
        data.reason.value,
    )
    row.suspended_on, row.updated_at = None, utcnow()
    repository.add(session, row)
    school = schools.school(session, row.school_code)
    assert school is not None  # a foreign key
    child = _child(session, principal, row.child_id)
    _tell(session, principal, child, row, school, EnrolmentChange.ENDED, ended_on)
    repository.flush(session)
    dropout.judge(session, child.child_id, by=principal.username)  # out of school: at risk
    return to_out(row, school)


def suspend(
    session: Session, principal: Principal, enrolment_id: str, data: DayInput
) -> EnrolmentOut:
    """Suspend schooling (休学); the enrolment stays open, so the child stays enrolled."""
    row = _changeable(session, principal, enrolment_id)
    _still_open(row)
    if row.status == EnrolmentStatus.SUSPENDED.value:
        raise _refuse("id", "该学籍已在休学中")
    on = data.on or today()
    if on < row.since:
        raise _refuse("on", "休学日期不能早于入学日期")
    row.status, row.suspended_on, row.updated_at = EnrolmentStatus.SUSPENDED.value, on, utcnow()
    return _changed(session, principal, row, EnrolmentChange.SUSPENDED, on)


def resume(
    session: Session, principal: Principal, enrolment_id: str, data: DayInput
) -> EnrolmentOut:
    """Resume schooling after a suspension (复学)."""
    row = _changeable(session, principal, enrolment_id)
    _still_open(row)
    if row.status != EnrolmentStatus.SUSPENDED.value or row.suspended_on is None:
        raise _refuse("id", "该学籍不在休学中")
    on = data.on or today()
    if on < row.suspended_on:
        raise _refuse("on", "复学日期不能早于休学日期")
    row.status, row.suspended_on, row.updated_at = EnrolmentStatus.ACTIVE.value, None, utcnow()
    return _changed(session, principal, row, EnrolmentChange.RESUMED, on)


def _changed(
    session: Session, principal: Principal, row: Enrolment, change: EnrolmentChange, on: date
) -> EnrolmentOut:
    repository.add(session, row)
    school = schools.school(session, row.school_code)
    assert school is not None  # a foreign key
    child = _child(session, principal, row.child_id)
    _tell(session, principal, child, row, school, change, on)
    return to_out(row, school)


def transfer(
    session: Session, principal: Principal, enrolment_id: str, data: EnrolmentInput
) -> EnrolmentOut:
    """A transfer within the district (转学): the open enrolment ends the day the new one starts,
    in one transaction; by the education department or the staff of either school."""
    row = repository.enrolment(session, enrolment_id)
    if row is None or not may_write_at(session, principal, row.school_code, data.school_code):
        raise NotFound(NO_ENROLMENT)
    child = _child(session, principal, row.child_id)
    _still_open(row)
    if data.school_code == row.school_code:
        raise _refuse("schoolCode", "转入学校与原学校相同")
    school = checked(session, child, data, not_before=row.since)
    old_school = schools.school(session, row.school_code)
    assert old_school is not None  # a foreign key
    new = new_enrolment(session, principal, child, data)
    row.status, row.ended_on, row.end_reason = (
        EnrolmentStatus.ENDED.value,
        data.since,
        EnrolmentEndReason.TRANSFERRED.value,
    )
    row.suspended_on, row.transferred_to, row.updated_at = None, new.id, utcnow()
    repository.add(session, row)
    _flush(session)  # the old one closed before the new one opens (the unique index)
    repository.add(session, new)
    _flush(session)
    _tell(session, principal, child, row, old_school, EnrolmentChange.ENDED, data.since)
    _tell(
        session,
        principal,
        child,
        new,
        school,
        EnrolmentChange.RECORDED,
        data.since,
        transferred_from=row.id,
    )
    return to_out(new, school)


# ---- reads --------------------------------------------------------------------------------


def enrolment(session: Session, principal: Principal, enrolment_id: str) -> EnrolmentOut:
    """One enrolment, for those who may read it."""
    row = repository.enrolment(session, enrolment_id)
    found = many_education(session, principal, [row.child_id]) if row else []
    for education in found:
        for e in education.enrolments:
            if e.id == enrolment_id:
                return e
    raise NotFound(NO_ENROLMENT)


def child_education(session: Session, principal: Principal, child_id: str) -> ChildEducationOut:
    """A child's enrolments, newest first."""
    found = many_education(session, principal, [child_id])
    if not found:
        raise NotFound(NO_CHILD)
    return found[0]


def many_education(
    session: Session, principal: Principal, child_ids: Sequence[str]
) -> list[ChildEducationOut]:
    """Each child's education in the order asked; those out of reach or unknown are left out.

    The readers see every enrolment of the children of their division; a school's staff only
    their school's enrolments, placements and home teaching, of the children who have one there.
    """
    staff_school: str | None = None
    if policy.school_staff(principal):
        staff_school = _staff_school(session, principal)
    else:
        policy.require(principal, policy.READ_ROLES, "无权查看学籍")
    if len(child_ids) > MAX_CHILDREN:
        raise ValidationFailed(fields={"childIds": f"一次最多查询{MAX_CHILDREN}名儿童"})
    facts = {r.child_id: r for r in children.facts_many(session, child_ids)}
    ids = [
        c
        for c in dict.fromkeys(child_ids)
        if c in facts
        and (staff_school is not None or principal.sees(facts[c].residence_division_code))
    ]
    rows = repository.of_children(session, ids)
    risks = dropout.open_of_children(session, ids)
    named = schools.schools_by_code(session, [e.school_code for r in rows.values() for e in r])
    # Aid tells of hardship: the readers of the child's division, not a school's staff.
    aids = aid.aid_of(session, ids) if staff_school is None else {}
    placed = inclusive.inclusive_of(session, [facts[c] for c in ids], staff_school)
    open_stages = {c: next((e.stage for e in rows[c] if e.ended_on is None), None) for c in ids}
    outside = residency.non_beijing_of(session, [facts[c] for c in ids], open_stages)
    out = []
    for child_id in ids:
        enrolments = [
            e for e in rows[child_id] if staff_school is None or e.school_code == staff_school
        ]
        inclusion = placed.get(child_id)
        # A school's staff see a child their school enrols, places or teaches at home.
        if staff_school is not None and not enrolments and inclusion is None:
            continue
        out.append(
            ChildEducationOut(
                child_id=child_id,
                enrolments=[to_out(e, named[e.school_code]) for e in enrolments],
                dropout_risk=risks.get(child_id),
                aid=aids.get(child_id, []),
                placement=inclusion.placement if inclusion else None,
                home_teaching=inclusion.home_teaching if inclusion else None,
                non_beijing=outside.get(child_id),
            )
        )
    return out


def pupils(
    session: Session, principal: Principal, school_code: str, first: int, after: str | None
) -> SchoolPupilPage:
    """A school's children with an open enrolment (本校学生), the latest enrolled first: the
    department any school's, a school's staff their own school's only."""
    if policy.school_staff(principal):
        if _staff_school(session, principal) != school_code:
            raise Forbidden("只能查看本校学生")
    else:
        policy.require(principal, policy.PUPIL_ROLES, "无权查看学校的学生")
    school = schools.school(session, school_code)
    if school is None:
        raise NotFound(UNKNOWN_SCHOOL)
    position = None
    if after is not None:
        day, _, enrolment_id = decode_cursor(PUPILS_CURSOR, after).partition("|")
        try:
            position = (date.fromisoformat(day), enrolment_id)
        except ValueError as exc:
            raise ValidationFailed(fields={"after": "游标无效"}) from exc
    rows = repository.pupils(session, school_code, first, position)
    shown = rows[:first]
    risks = dropout.open_of_children(session, [c.child_id for _, c in shown])
    edges = [
        SchoolPupilEdge(
            cursor=encode_cursor(PUPILS_CURSOR, f"{e.since}|{e.id}"),
            node=SchoolPupilOut(
                enrolment=to_out(e, school),
                child_name=c.name,
                birth_date=c.birth_date,
                dropout_risk=risks.get(c.child_id),
            ),
        )
        for e, c in shown
    ]
    return SchoolPupilPage(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(rows) > first, end_cursor=edges[-1].cursor if edges else None
        ),
    )

"""Rules of inclusive schooling: who decides a disabled child's placement (安置), the home
teaching plan (送教上门) and its sessions, the months that fell short; writes events, never
commits."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.education import policy
from shouhu.education.children import repository as children
from shouhu.education.inclusive import repository
from shouhu.education.inclusive.events import (
    SESSION_RECORDED,
    SESSIONS_MISSED,
    SessionRecorded,
    SessionsMissed,
)
from shouhu.education.inclusive.rules import load
from shouhu.education.inclusive.schemas import (
    MAX_LISTED,
    MAX_SESSIONS_READ,
    AssessmentOut,
    HomeTeachingOut,
    InclusiveOut,
    MissedMonthOut,
    PlacementInput,
    PlacementKind,
    PlacementOut,
    PlanInput,
    SessionInput,
    SessionOut,
)
from shouhu.education.models import (
    ChildProjection,
    HomeTeachingMissed,
    HomeTeachingPlan,
    HomeTeachingSession,
    Placement,
    School,
)
from shouhu.education.publish import Outbox, emit
from shouhu.education.schools import repository as schools
from shouhu.education.schools.schemas import SchoolKind
from shouhu.education.schools.service import UNKNOWN_SCHOOL, school_of
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Conflict, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow

NO_CHILD = "儿童不存在"
NOT_TIED = "该账号尚未关联学校，请联系教育部门"
EXITED = "EXITED"
NO_PLAN = "该儿童没有送教上门计划"


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def month_of(day: date) -> str:
    return f"{day:%Y-%m}"


def month_bounds(day: date) -> tuple[date, date]:
    """The first and the last day of `day`'s month."""
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


# ---- who ----------------------------------------------------------------------------------


def _staff_school(session: Session, principal: Principal) -> str | None:
    """The school of a school staff user (`FORBIDDEN` until tied), None for the other roles."""
    if not policy.school_staff(principal):
        return None
    code = school_of(session, principal)
    if code is None:
        raise Forbidden(NOT_TIED)
    return code


def _child(session: Session, principal: Principal, child_id: str) -> ChildProjection:
    """A child of the projection in the principal's division, else `NOT_FOUND`."""
    child = children.facts(session, child_id)
    if child is None or not principal.sees(child.residence_division_code):
        raise NotFound(NO_CHILD)
    return child


def _school(session: Session, code: str) -> School:
    school = schools.school(session, code)
    if school is None:
        raise _refuse("schoolCode", UNKNOWN_SCHOOL)
    return school


def _flush(session: Session) -> None:
    """Write now: a second current row another writer just made is refused here."""
    try:
        repository.flush(session)
    except IntegrityError as exc:
        raise Conflict("该儿童的安置或送教计划刚被他人修改，请刷新后重试") from exc


# ---- shapes -------------------------------------------------------------------------------


def placement_out(row: Placement, school: School) -> PlacementOut:
    return PlacementOut(
        id=row.id,
        child_id=row.child_id,
        kind=PlacementKind(row.kind),
        school_code=row.school_code,
        school_name=school.name,
        assessment=AssessmentOut(on=row.assessed_on, by=row.assessed_by, summary=row.summary),
        since=row.since,
        ended_on=row.ended_on,
        decided_by=row.decided_by,
    )


def session_out(row: HomeTeachingSession, plan: HomeTeachingPlan | None) -> SessionOut:
    return SessionOut(
        id=row.id,
        on=row.held_on,
        hours=row.hours,
        content=row.content,
        counted=plan is not None and row.hours >= plan.min_hours,
        recorded_by=row.recorded_by,
    )


def _plans_out(
    session: Session, pairs: Sequence[tuple[HomeTeachingPlan, ChildProjection]]
) -> list[HomeTeachingOut]:
    """Plans with their school's name, this month's count and the child's months missed."""
    start, end = month_bounds(today())
    held = repository.counted(session, [p.id for p, _ in pairs], start, end)
    missed = repository.missed_of(session, [p.child_id for p, _ in pairs])
    named = schools.schools_by_code(session, [p.school_code for p, _ in pairs])
    return [
        HomeTeachingOut(
            id=plan.id,
            child_id=plan.child_id,
            child_name=child.name,
            residence_division_code=child.residence_division_code,
            town_code=child.town_code,
            placement_id=plan.placement_id,
            teacher_name=plan.teacher_name,
            teacher_username=plan.teacher_username,
            school_code=plan.school_code,
            school_name=named[plan.school_code].name,
            sessions_per_month=plan.sessions_per_month,
            min_hours=plan.min_hours,
            since=plan.since,
            rule_version=plan.rule_version,
            held_this_month=held.get(plan.id, 0),
            missed_months=[
                MissedMonthOut(month=m.month, expected=m.expected, held=m.held)
                for m in missed.get(plan.child_id, [])
            ],
        )
        for plan, child in pairs
    ]


# ---- placement (安置) ----------------------------------------------------------------------


def decide_placement(
    session: Session, principal: Principal, child_id: str, data: PlacementInput
) -> PlacementOut:
    """The district's decision on where a disabled child is schooled, after an assessment; it
    ends the child's current placement (and its home teaching plan), which is kept."""
    policy.require_district(principal, policy.PLACEMENT_ROLES, "无权决定残疾儿童安置方式")
    child = _child(session, principal, child_id)
    if child.status == EXITED:
        raise _refuse("childId", "儿童已退出关爱保护范围，不能决定安置")
    if not child.disabled:
        raise _refuse("childId", "该儿童未登记为残疾儿童，不能决定融合教育安置")
    school = _school(session, data.school_code)
    if data.kind is PlacementKind.SPECIAL_SCHOOL and school.kind != SchoolKind.SPECIAL_EDUCATION:
        raise _refuse("schoolCode", f"{school.name}不是特殊教育学校")
    since = data.since or today()
    if since < child.birth_date:
        raise _refuse("since", "安置日期不能早于出生日期")
    if data.assessment.on > since:
        raise _refuse("assessment.on", "评估日期不能晚于安置日期")
    if data.assessment.on < child.birth_date:
        raise _refuse("assessment.on", "评估日期不能早于出生日期")
    current = repository.current_placement(session, child.child_id)
    if current is not None:
        if since < current.since:
            raise _refuse("since", f"安置日期不能早于现行安置的开始日期{current.since}")
        current.ended_on = since
        repository.add(session, current)
        plan = repository.current_plan(session, child.child_id)
        if plan is not None:  # a plan belongs to its placement: a new decision ends it
            plan.ended_on = max(since, plan.since)
            repository.add(session, plan)
        _flush(session)
    row = Placement(
        id=str(uuid.uuid4()),
        child_id=child.child_id,
        kind=data.kind.value,
        school_code=school.code,
        assessed_on=data.assessment.on,
        assessed_by=data.assessment.by.strip(),
        summary=data.assessment.summary.strip(),
        since=since,
        decided_by=principal.username,
        decided_at=utcnow(),
    )
    repository.add(session, row)
    _flush(session)
    return placement_out(row, school)


# ---- the home teaching plan (送教上门计划) -------------------------------------------------


def plan_home_teaching(
    session: Session, principal: Principal, child_id: str, data: PlanInput
) -> HomeTeachingOut:
    """The plan of a HOME_TEACHING placement: the teacher, the sending school, the schedule
    (the district's defaults, or within its bounds); it replaces the child's current plan."""
    policy.require_district(principal, policy.HOME_TEACHING_PLAN_ROLES, "无权制定送教上门计划")
    child = _child(session, principal, child_id)
    if child.status == EXITED:
        raise _refuse("childId", "儿童已退出关爱保护范围，不能制定送教计划")
    placement = repository.current_placement(session, child.child_id)
    if placement is None or placement.kind != PlacementKind.HOME_TEACHING.value:
        raise _refuse("childId", "该儿童当前的安置方式不是送教上门，请先决定安置")
    school = _school(session, data.school_code or placement.school_code)
    rules = load()
    spm = rules.sessions_per_month
    sessions = data.sessions_per_month if data.sessions_per_month is not None else int(spm.default)
    if not spm.holds(sessions):
        raise _refuse("sessionsPerMonth", f"每月送教次数应为{int(spm.min)}至{int(spm.max)}次")
    hours = rules.min_hours
    min_hours = data.min_hours if data.min_hours is not None else hours.default
    if not hours.holds(min_hours):
        raise _refuse("minHours", f"每次送教时长应为{hours.min:g}至{hours.max:g}小时")
    username = (data.teacher_username or "").strip() or None
    if username is not None:
        tied = schools.staff(session, username)
        if tied is None or tied.school_code != school.code:
            raise _refuse("teacherUsername", f"该账号不是{school.name}的教职工")
    since = data.since or today()
    if since < placement.since:
        raise _refuse("since", "送教开始日期不能早于送教上门安置日期")
    current = repository.current_plan(session, child.child_id)
    if current is not None:
        if since < current.since:
            raise _refuse("since", f"送教开始日期不能早于现行计划的开始日期{current.since}")
        current.ended_on = since
        repository.add(session, current)
        _flush(session)
    plan = HomeTeachingPlan(
        id=str(uuid.uuid4()),
        child_id=child.child_id,
        placement_id=placement.id,
        school_code=school.code,
        teacher_name=data.teacher_name.strip(),
        teacher_username=username,
        sessions_per_month=sessions,
        min_hours=min_hours,
        since=since,
        rule_version=rules.version,
        planned_by=principal.username,
        planned_at=utcnow(),
    )
    repository.add(session, plan)
    _flush(session)
    return _plans_out(session, [(plan, child)])[0]


# ---- sessions (送教记录) -------------------------------------------------------------------


def _plan_for(
    session: Session, principal: Principal, child_id: str
) -> tuple[ChildProjection, HomeTeachingPlan]:
    """The child and its current plan, for the department or the sending school's staff."""
    staff_school = _staff_school(session, principal)
    if staff_school is None:
        policy.require(principal, policy.HOME_TEACHING_SESSION_ROLES, "无权记录送教上门")
        child = _child(session, principal, child_id)
    else:
        found = children.facts(session, child_id)
        if found is None:
            raise NotFound(NO_CHILD)
        child = found
    plan = repository.current_plan(session, child.child_id)
    if staff_school is not None and (plan is None or plan.school_code != staff_school):
        raise NotFound(NO_CHILD)  # not a child the staff's school teaches at home
    if plan is None:
        raise _refuse("childId", NO_PLAN)
    return child, plan


def record_session(
    session: Session, principal: Principal, child_id: str, data: SessionInput
) -> SessionOut:
    """A session held (not in the future, not before the plan, one a day, hours within the
    district's day); told as `education.home_teaching.session_recorded`."""
    child, plan = _plan_for(session, principal, child_id)
    if data.on < plan.since:
        raise _refuse("on", f"送教日期不能早于送教计划开始日期{plan.since}")
    if child.exited_on is not None and data.on >= child.exited_on:
        raise _refuse("on", "送教日期不能晚于儿童退出关爱保护范围的日期")
    most = load().max_hours_per_day
    if not 0 < data.hours <= most:
        raise _refuse("hours", f"送教时长应大于0且不超过{most:g}小时")
    content = data.content.strip()
    if not content:
        raise _refuse("content", "请填写送教内容")
    if repository.session_on(session, plan.id, data.on) is not None:
        raise _refuse("on", "该日已记录送教，请勿重复记录")
    row = HomeTeachingSession(
        id=str(uuid.uuid4()),
        plan_id=plan.id,
        child_id=child.child_id,
        held_on=data.on,
        hours=data.hours,
        content=content,
        recorded_by=principal.username,
        recorded_at=utcnow(),
    )
    repository.add(session, row)
    try:
        repository.flush(session)
    except IntegrityError as exc:  # the same day logged a moment before by another
        raise _refuse("on", "该日已记录送教，请勿重复记录") from exc
    out = session_out(row, plan)
    emit(
        session,
        SESSION_RECORDED,
        child.child_id,
        SessionRecorded(
            session_id=row.id,
            plan_id=plan.id,
            child_id=child.child_id,
            on=row.held_on,
            hours=row.hours,
            counted=out.counted,
            school_code=plan.school_code,
            residence_division_code=child.residence_division_code,
            town_division_code=child.town_code,
            recorded_by=principal.username,
        ),
    )
    return out


# ---- reads --------------------------------------------------------------------------------


def sessions(session: Session, principal: Principal, child_id: str, last: int) -> list[SessionOut]:
    """The child's last sessions, newest first: the readers of its division, the sending
    school's staff."""
    if not 1 <= last <= MAX_SESSIONS_READ:
        raise _refuse("last", f"条数应在1到{MAX_SESSIONS_READ}之间")
    staff_school = _staff_school(session, principal)
    if staff_school is None:
        policy.require(principal, policy.READ_ROLES, "无权查看送教记录")
        _child(session, principal, child_id)
    plan = repository.current_plan(session, child_id)
    if staff_school is not None and (plan is None or plan.school_code != staff_school):
        raise NotFound(NO_CHILD)
    rows = repository.sessions_of(session, child_id, last)
    plans = {plan.id: plan} if plan is not None else {}
    for row in rows:  # sessions of an earlier plan count by that plan's minimum
        if row.plan_id not in plans:
            earlier = repository.plan(session, row.plan_id)
            if earlier is not None:
                plans[earlier.id] = earlier
    return [session_out(r, plans.get(r.plan_id)) for r in rows]


def inclusive_of(
    session: Session, children_: Sequence[ChildProjection], staff_school: str | None
) -> dict[str, InclusiveOut]:
    """Each child's current placement and plan, for `Child.education`; a school's staff see
    those of their own school only."""
    ids = [c.child_id for c in children_]
    placements = repository.current_placements(session, ids)
    plans = repository.current_plans(session, ids)
    if staff_school is not None:
        placements = {k: v for k, v in placements.items() if v.school_code == staff_school}
        plans = {k: v for k, v in plans.items() if v.school_code == staff_school}
    named = schools.schools_by_code(session, [p.school_code for p in placements.values()])
    by_id = {c.child_id: c for c in children_}
    shaped = {p.child_id: p for p in _plans_out(session, [(p, by_id[k]) for k, p in plans.items()])}
    return {
        child_id: InclusiveOut(
            placement=placement_out(placements[child_id], named[placements[child_id].school_code])
            if child_id in placements
            else None,
            home_teaching=shaped.get(child_id),
        )
        for child_id in ids
        if child_id in placements or child_id in shaped
    }


def home_teaching(
    session: Session, principal: Principal, division_code: str
) -> list[HomeTeachingOut]:
    """The current plans of a division within the caller's, with this month's count."""
    policy.require(principal, policy.HOME_TEACHING_LIST_ROLES, "无权查看送教上门计划")
    if not principal.sees(division_code):
        raise Forbidden("无权查看该区划的送教上门计划")
    return _plans_out(session, repository.plans_in(session, division_code, MAX_LISTED))


# ---- the month that ended ------------------------------------------------------------------


def expected_in(plan: HomeTeachingPlan, child: ChildProjection, start: date, end: date) -> int:
    """The sessions a plan asks of the month from `start` to `end`, pro rata of the days it
    was in force (begun, replaced or the child gone mid-month), rounded down."""
    last = end
    for stop in (plan.ended_on, child.exited_on):
        if stop is not None:
            last = min(last, stop - timedelta(days=1))
    first = max(plan.since, start)
    if last < first:
        return 0
    days = (last - first).days + 1
    return plan.sessions_per_month * days // ((end - start).days + 1)


@dataclass(frozen=True)
class Checked:
    month: str
    plans: int
    flagged: int


def check_month(session: Session, on: date | None = None) -> Checked:
    """The month before `on`'s (today's): each plan in force that held fewer counted sessions
    than its schedule asks gets a row and `education.home_teaching.sessions_missed`. A plan
    and month flagged once is not looked at again, so twice flags nothing more."""
    on = on or today()
    start, end = month_bounds(on.replace(day=1) - timedelta(days=1))
    month = month_of(start)
    pairs = repository.plans_to_check(session, month, start, end)
    held = repository.counted(session, [p.id for p, _ in pairs], start, end)
    named = schools.schools_by_code(session, [p.school_code for p, _ in pairs])
    outbox, now, flagged = Outbox(), utcnow(), 0
    for plan, child in pairs:
        expected = expected_in(plan, child, start, end)
        count = held.get(plan.id, 0)
        if count >= expected:
            continue
        repository.add(
            session,
            HomeTeachingMissed(
                plan_id=plan.id,
                month=month,
                child_id=plan.child_id,
                school_code=plan.school_code,
                town_code=child.town_code,
                expected=expected,
                held=count,
                flagged_at=now,
            ),
        )
        outbox.add(
            SESSIONS_MISSED,
            plan.child_id,
            SessionsMissed(
                plan_id=plan.id,
                child_id=plan.child_id,
                month=month,
                expected=expected,
                held=count,
                school_code=plan.school_code,
                school_name=named[plan.school_code].name,
                residence_division_code=child.residence_division_code,
                town_division_code=child.town_code,
            ),
        )
        flagged += 1
    repository.flush(session)
    outbox.write(session)
    return Checked(month=month, plans=len(pairs), flagged=flagged)

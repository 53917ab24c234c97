"""Rules of the dropout watch (控辍保学): when a child is at risk, who resolves or exempts it,
what schools' absences do, the daily sweep; writes events, never commits."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from shouhu.education import policy
from shouhu.education.children import repository as children
from shouhu.education.dropout import repository
from shouhu.education.dropout.events import (
    DROPOUT_RISK_CLOSED,
    DROPOUT_RISK_OPENED,
    DROPOUT_RISK_OVERDUE,
    DropoutRiskClosed,
    DropoutRiskOpened,
    DropoutRiskOverdue,
)
from shouhu.education.dropout.rules import load
from shouhu.education.dropout.schemas import (
    AbsenceInput,
    AbsenceOut,
    DropoutRiskEdge,
    DropoutRiskOut,
    DropoutRiskOutcome,
    DropoutRiskPage,
    DropoutRiskReason,
    DropoutRiskStatus,
    ExemptionInput,
    ExemptionReason,
    ReturnInput,
)
from shouhu.education.enrolments import repository as enrolments
from shouhu.education.models import AbsenceReturn, ChildProjection, DropoutRisk, Enrolment
from shouhu.education.publish import Outbox, emit
from shouhu.education.schools.service import school_of
from shouhu.platform.auth import Principal
from shouhu.platform.clock import today
from shouhu.platform.errors import Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.paging import decode_cursor, encode_cursor
from shouhu.platform.schemas import PageInfo
from shouhu.platform.workdays import add_working_days

CHUNK = 1000  # children per IN query of a bulk change
SYSTEM = "education"  # the actor of what the watch does by itself (the consumer, the sweep)
EXITED = "EXITED"
CURSOR = "dropout-risk"
NO_RISK = "辍学风险记录不存在"
NO_CHILD = "儿童不存在"


def _refuse(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(message, fields={field: message})


def to_out(row: DropoutRisk, on: date | None = None) -> DropoutRiskOut:
    status = DropoutRiskStatus(row.status)
    return DropoutRiskOut(
        id=row.id,
        child_id=row.child_id,
        reason=DropoutRiskReason(row.reason),
        status=status,
        opened_on=row.opened_on,
        due_on=row.due_on,
        overdue=status is DropoutRiskStatus.OPEN and (on or today()) > row.due_on,
        residence_division_code=row.residence_division_code,
        town_code=row.town_code,
        closed_on=row.closed_on,
        outcome=DropoutRiskOutcome(row.close_reason) if row.close_reason else None,
        exemption_reason=ExemptionReason(row.exemption_reason) if row.exemption_reason else None,
        exemption_note=row.exemption_note,
        exempt_until=row.exempt_until,
        closed_by=row.closed_by,
    )


# ---- events -------------------------------------------------------------------------------


def _opened(row: DropoutRisk) -> DropoutRiskOpened:
    return DropoutRiskOpened(
        risk_id=row.id,
        child_id=row.child_id,
        reason=row.reason,
        opened_on=row.opened_on,
        due_on=row.due_on,
        residence_division_code=row.residence_division_code,
        town_division_code=row.town_code,
    )


def _closed(row: DropoutRisk) -> DropoutRiskClosed:
    assert row.closed_on is not None and row.close_reason is not None
    return DropoutRiskClosed(
        risk_id=row.id,
        child_id=row.child_id,
        reason=row.reason,
        status=row.status,
        outcome=row.close_reason,
        opened_on=row.opened_on,
        closed_on=row.closed_on,
        exemption_reason=row.exemption_reason,
        residence_division_code=row.residence_division_code,
        town_division_code=row.town_code,
        closed_by=row.closed_by or SYSTEM,
    )


def _overdue(row: DropoutRisk) -> DropoutRiskOverdue:
    return DropoutRiskOverdue(
        risk_id=row.id,
        child_id=row.child_id,
        reason=row.reason,
        opened_on=row.opened_on,
        due_on=row.due_on,
        residence_division_code=row.residence_division_code,
        town_division_code=row.town_code,
    )


# ---- one child, the moment something changes ------------------------------------------------


def _new(
    child_id: str, village: str, town: str, reason: str, on: date, due_on: date
) -> DropoutRisk:
    now = utcnow()
    return DropoutRisk(
        id=str(uuid.uuid4()),
        child_id=child_id,
        reason=reason,
        status=DropoutRiskStatus.OPEN.value,
        residence_division_code=village,
        town_code=town,
        opened_on=on,
        due_on=due_on,
        created_at=now,
        updated_at=now,
    )


def _open(
    session: Session, child: ChildProjection, reason: DropoutRiskReason, on: date
) -> DropoutRisk:
    """A new open risk, told. Written now: should another writer (the sweep, the consumer) have
    opened one for the child a moment before, the unique index refuses this transaction whole,
    and the consumer's retry or the next sweep finds the one that is there."""
    row = _new(
        child.child_id,
        child.residence_division_code,
        child.town_code,
        reason.value,
        on,
        load().due_on(on),
    )
    repository.add(session, row)
    repository.flush(session)
    emit(session, DROPOUT_RISK_OPENED, row.child_id, _opened(row))
    return row


def _close(
    session: Session,
    row: DropoutRisk,
    status: DropoutRiskStatus,
    outcome: DropoutRiskOutcome,
    on: date,
    by: str,
) -> None:
    row.status, row.close_reason, row.closed_on, row.closed_by = (
        status.value,
        outcome.value,
        max(on, row.opened_on),
        by,
    )
    row.updated_at = utcnow()
    repository.add(session, row)
    emit(session, DROPOUT_RISK_CLOSED, row.child_id, _closed(row))


def judge(session: Session, child_id: str, on: date | None = None, by: str = SYSTEM) -> None:
    """Open, keep, resolve or close the child's risk as things stand on `on` (today): after a
    registration, a move, an exit (the projection's handlers) and each enrolment change."""
    child = children.facts(session, child_id)
    if child is None:
        return
    on = on or today()
    watch = load()
    of_age = child.status != EXITED and watch.of_age(child.birth_date, on)
    enrolled = enrolments.open_of(session, child_id) is not None
    risk = repository.open_of(session, child_id)
    if risk is not None:
        if child.status == EXITED:
            _close(session, risk, DropoutRiskStatus.CLOSED, DropoutRiskOutcome.CHILD_EXITED, on, by)
        elif not of_age:
            _close(session, risk, DropoutRiskStatus.CLOSED, DropoutRiskOutcome.AGE_LEFT, on, by)
        elif enrolled and risk.reason != DropoutRiskReason.LONG_ABSENCE.value:
            _close(session, risk, DropoutRiskStatus.RESOLVED, DropoutRiskOutcome.ENROLLED, on, by)
        elif (risk.residence_division_code, risk.town_code) != (
            child.residence_division_code,
            child.town_code,
        ):  # moved within the district: the list follows the child
            risk.residence_division_code, risk.town_code = (
                child.residence_division_code,
                child.town_code,
            )
            risk.updated_at = utcnow()
            repository.add(session, risk)
        return
    if of_age and not enrolled and not repository.exempt_on(session, child_id, on):
        reason = (
            DropoutRiskReason.ENROLMENT_ENDED
            if repository.ever_enrolled(session, child_id)
            else DropoutRiskReason.NOT_ENROLLED
        )
        _open(session, child, reason, on)


def resolve_enrolled(
    session: Session, child_ids: Sequence[str], on: date, by: str, outbox: Outbox
) -> int:
    """Resolve the open risks (for want of an enrolment) of children just enrolled in bulk (a
    school's roster), their events into the batch's outbox; how many."""
    resolved = 0
    for start in range(0, len(child_ids), CHUNK):
        risks = repository.open_of_children(session, child_ids[start : start + CHUNK])
        for row in risks.values():
            if row.reason == DropoutRiskReason.LONG_ABSENCE.value:
                continue  # an absence is resolved by the school's report of the return
            row.status, row.close_reason, row.closed_by = (
                DropoutRiskStatus.RESOLVED.value,
                DropoutRiskOutcome.ENROLLED.value,
                by,
            )
            row.closed_on, row.updated_at = max(on, row.opened_on), utcnow()
            repository.add(session, row)
            outbox.add(DROPOUT_RISK_CLOSED, row.child_id, _closed(row))
            resolved += 1
    return resolved


# ---- exemption ----------------------------------------------------------------------------


def exempt(
    session: Session, principal: Principal, risk_id: str, data: ExemptionInput
) -> DropoutRiskOut:
    """Record an exemption (免予入学/缓学) with its reason: the risk ends, and no new one opens
    while it holds (until its end, or until the child is enrolled again)."""
    policy.require(principal, policy.EXEMPT_ROLES, "无权办理免予入学")
    row = repository.risk(session, risk_id)
    if row is None or not principal.sees(row.residence_division_code):
        raise NotFound(NO_RISK)
    if row.status != DropoutRiskStatus.OPEN.value:
        raise _refuse("id", "该辍学风险已结束")
    note = (data.note or "").strip() or None
    if data.reason is ExemptionReason.OTHER and note is None:
        raise _refuse("note", "其他原因须填写说明")
    on = today()
    if data.until is not None and data.until < on:
        raise _refuse("until", "免予入学截止日期不能早于今天")
    row.exemption_reason, row.exemption_note, row.exempt_until = data.reason.value, note, data.until
    _close(
        session,
        row,
        DropoutRiskStatus.EXEMPTED,
        DropoutRiskOutcome.EXEMPTED,
        on,
        principal.username,
    )
    return to_out(row, on)


# ---- reading ------------------------------------------------------------------------------


def page(
    session: Session, principal: Principal, division_code: str, first: int, after: str | None
) -> DropoutRiskPage:
    """The open risks of a division within the caller's, newest first."""
    policy.require(principal, policy.DROPOUT_READ_ROLES, "无权查看辍学风险")
    if not principal.sees(division_code):
        raise Forbidden("无权查看该区划的辍学风险")
    position = None
    if after is not None:
        day, _, risk_id = decode_cursor(CURSOR, after).partition("|")
        try:
            position = (date.fromisoformat(day), risk_id)
        except ValueError as exc:
            raise ValidationFailed(fields={"after": "游标无效"}) from exc
    rows = repository.page(session, division_code, first, position)
    on = today()
    edges = [
        DropoutRiskEdge(cursor=encode_cursor(CURSOR, f"{r.opened_on}|{r.id}"), node=to_out(r, on))
        for r in rows[:first]
    ]
    return DropoutRiskPage(
        edges=edges,
        page_info=PageInfo.of(edges, more=len(rows) > first),
    )


def open_of_children(session: Session, child_ids: Sequence[str]) -> dict[str, DropoutRiskOut]:
    """Each child's open risk, for `Child.education.dropoutRisk`."""
    on = today()
    return {c: to_out(r, on) for c, r in repository.open_of_children(session, child_ids).items()}


# ---- absences (缺课) ----------------------------------------------------------------------


def _at_school(
    session: Session, principal: Principal, child_id: str
) -> tuple[ChildProjection, Enrolment]:
    """The child and its open enrolment, for the education department or its school's staff."""
    if policy.school_staff(principal):
        school = school_of(session, principal)
        if school is None:
            raise Forbidden("该账号尚未关联学校，请联系教育部门")
    else:
        policy.require(principal, policy.ABSENCE_ROLES, "无权报告缺课")
        school = None
    child = children.facts(session, child_id)
    if child is None or (school is None and not principal.sees(child.residence_division_code)):
        raise NotFound(NO_CHILD)
    enrolment = enrolments.open_of(session, child_id)
    if school is not None and (enrolment is None or enrolment.school_code != school):
        raise NotFound(NO_CHILD)  # not a child of the staff's school
    if enrolment is None:
        raise _refuse("childId", "该儿童没有在读学籍，不能报告缺课或返校")
    return child, enrolment


def _school_days(start: date, count: int) -> list[date]:
    days = [start]
    while len(days) < count:
        days.append(add_working_days(days[-1], 1, weekdays_beyond=True))
    return days


def longest_run(days: Sequence[date]) -> int:
    """The longest run of consecutive school days (working days: a weekend or a holiday between
    two absences does not break it) among `days`."""
    ordered, best, run = sorted(set(days)), 0, 0
    for i, day in enumerate(ordered):
        run = (
            run + 1 if i and add_working_days(ordered[i - 1], 1, weekdays_beyond=True) == day else 1
        )
        best = max(best, run)
    return best


def _absences(session: Session, child: ChildProjection, enrolment: Enrolment) -> AbsenceOut:
    watch = load()
    days = repository.absent_days(
        session, child.child_id, repository.last_return(session, child.child_id)
    )
    risk = repository.open_of(session, child.child_id)
    return AbsenceOut(
        child_id=child.child_id,
        school_code=enrolment.school_code,
        days=days,
        longest_run=longest_run(days),
        threshold=watch.long_absence_school_days,
        dropout_risk=to_out(risk) if risk else None,
    )


def report_absence(
    session: Session, principal: Principal, child_id: str, data: AbsenceInput
) -> AbsenceOut:
    """A school's report of absent days; a run at the threshold opens a LONG_ABSENCE risk even
    while the child is enrolled. The same report twice changes nothing more."""
    child, enrolment = _at_school(session, principal, child_id)
    if (data.consecutive_days is None) == (data.days is None):
        raise _refuse("consecutiveDays", "请填写连续缺课天数或缺课日期，二者选一")
    if data.consecutive_days is not None:
        days = _school_days(data.from_, data.consecutive_days)
        field = "consecutiveDays"
    else:
        days = sorted(set(data.days or []))
        field = "days"
        if days[0] < data.from_:
            raise _refuse("days", "缺课日期不能早于起始日期")
    on = today()
    if days[-1] > on:
        raise _refuse(field, "缺课日期不能晚于今天")
    if days[0] < enrolment.since:
        raise _refuse("from", "缺课日期不能早于入学日期")
    repository.add_absent_days(
        session, child_id, days, enrolment.school_code, principal.username, utcnow()
    )
    repository.flush(session)
    out = _absences(session, child, enrolment)
    if out.longest_run >= out.threshold and out.dropout_risk is None:
        opened = _open(session, child, DropoutRiskReason.LONG_ABSENCE, on)
        out.dropout_risk = to_out(opened, on)
    return out


def report_return(
    session: Session, principal: Principal, child_id: str, data: ReturnInput
) -> AbsenceOut:
    """The child is back at school (返校): the absences before no longer count, and a long
    absence's risk is resolved."""
    child, enrolment = _at_school(session, principal, child_id)
    on = data.on or today()
    repository.add_return(
        session,
        AbsenceReturn(
            id=str(uuid.uuid4()),
            child_id=child_id,
            returned_on=on,
            school_code=enrolment.school_code,
            reported_by=principal.username,
            reported_at=utcnow(),
        ),
    )
    risk = repository.open_of(session, child_id)
    if risk is not None and risk.reason == DropoutRiskReason.LONG_ABSENCE.value:
        _close(
            session,
            risk,
            DropoutRiskStatus.RESOLVED,
            DropoutRiskOutcome.RETURNED,
            today(),
            principal.username,
        )
    repository.flush(session)
    return _absences(session, child, enrolment)


# ---- the daily sweep ----------------------------------------------------------------------


@dataclass(frozen=True)
class Swept:
    opened: int
    closed: int
    overdue: int


def sweep(session: Session, on: date | None = None) -> Swept:
    """Judge the whole projection as of `on` in a few set-based statements: close the risks of
    children who left the age or the registry and those an enrolment resolved, open one for
    every child of compulsory-school age out of school (the 6th birthday, anything missed),
    tell those past their deadline. Twice changes nothing more."""
    on = on or today()
    watch = load()
    after, up_to = watch.born_between(on)
    now, outbox = utcnow(), Outbox()

    def close(
        rows: Sequence[DropoutRisk], status: DropoutRiskStatus, outcome: DropoutRiskOutcome
    ) -> None:
        for row in rows:  # the few a day brings; the ORM writes them at the commit
            row.status, row.close_reason, row.closed_by = status.value, outcome.value, SYSTEM
            row.closed_on, row.updated_at = max(on, row.opened_on), now
            outbox.add(DROPOUT_RISK_CLOSED, row.child_id, _closed(row))

    left = repository.open_out_of_watch(session, after, up_to)
    exited = [r for r, gone in left if gone]
    aged = [r for r, gone in left if not gone]
    close(exited, DropoutRiskStatus.CLOSED, DropoutRiskOutcome.CHILD_EXITED)
    close(aged, DropoutRiskStatus.CLOSED, DropoutRiskOutcome.AGE_LEFT)
    enrolled = repository.open_but_enrolled(session)
    close(enrolled, DropoutRiskStatus.RESOLVED, DropoutRiskOutcome.ENROLLED)
    repository.flush(session)

    due = watch.due_on(on)
    rows = []
    for child_id, village, town, before in repository.children_to_open(session, on, after, up_to):
        reason = DropoutRiskReason.ENROLMENT_ENDED if before else DropoutRiskReason.NOT_ENROLLED
        risk = _new(child_id, village, town, reason.value, on, due)
        rows.append(risk.model_dump())
        outbox.add(DROPOUT_RISK_OPENED, child_id, _opened(risk))
    repository.insert_many(session, rows)

    late = repository.newly_overdue(session, on)
    for row in late:
        row.overdue_on, row.updated_at = on, now
        outbox.add(DROPOUT_RISK_OVERDUE, row.child_id, _overdue(row))
    outbox.write(session)
    return Swept(opened=len(rows), closed=len(left) + len(enrolled), overdue=len(late))

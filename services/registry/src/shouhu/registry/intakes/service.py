"""Rules of the single window (一门受理、协同办理): taking an application, a task for each
department, and following each to the end; writes history and outbox rows, never commits."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col

from shouhu.platform.auth import Principal, Role
from shouhu.platform.clock import today
from shouhu.platform.db import pipelined
from shouhu.platform.divisions import name as division_name
from shouhu.platform.errors import Conflict, Forbidden, NotFound, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.identity import KeyRing
from shouhu.platform.labels import DEPARTMENT_NAMES, NEED_NAMES
from shouhu.platform.paging import decode_moment_cursor, encode_moment_cursor
from shouhu.platform.schemas import PageInfo
from shouhu.platform.workdays import (
    CalendarNotCovered,
    add_working_days,
    end_of_day,
    working_days_between,
)
from shouhu.registry import history, policy
from shouhu.registry.children import repository as children_repository
from shouhu.registry.children import service as children
from shouhu.registry.children.schemas import ChildStatus
from shouhu.registry.intakes import repository, routing
from shouhu.registry.intakes.events import (
    INTAKE_COMPLETED,
    INTAKE_SUBMITTED,
    INTAKE_WITHDRAWN,
    MATERIALS_RECEIVED,
    MATERIALS_REQUESTED,
    TASK_ACCEPTED,
    TASK_COMPLETED,
    TASK_CREATED,
    TASK_DECLINED,
    FinishedTask,
    IntakeCompleted,
    IntakeSubmitted,
    IntakeTaskChanged,
    IntakeWithdrawn,
    SubmittedTask,
)
from shouhu.registry.intakes.receipt import Receipt, ReceiptLine, render_receipt
from shouhu.registry.intakes.schemas import (
    ApplicantRelation,
    DepartmentTaskOut,
    DepartmentTaskPage,
    IntakeEdge,
    IntakeGuideOut,
    IntakeNeed,
    IntakeOut,
    IntakePage,
    IntakeStatus,
    NeedGuideOut,
    RouteOut,
    StepAction,
    SubmitIntake,
    TaskDepartment,
    TaskStatus,
    TimelineStepOut,
)
from shouhu.registry.models import Child, DepartmentTask, Intake, IntakeStep
from shouhu.registry.pages import check_first

log = logging.getLogger(__name__)
S, A = TaskStatus, StepAction

# Roles that take applications at the window and record what families bring later.
SUBMIT_ROLES = frozenset({Role.INTAKE_CLERK, Role.CIVIL_AFFAIRS})
# Roles that follow applications of their division; departments see theirs through their tasks.
INTAKE_READ_ROLES = SUBMIT_ROLES | {Role.TOWN_SOCIAL_WORKER}
FINAL = frozenset({S.DONE.value, S.DECLINED.value})
RUNNING = frozenset({S.PENDING.value, S.ACCEPTED.value})
SYSTEM = "notifications"

STATUS_NAMES = {
    S.PENDING: "待受理",
    S.ACCEPTED: "办理中",
    S.NEEDS_MATERIALS: "待补充材料",
    S.DONE: "已办结",
    S.DECLINED: "不予办理",
}


# ---- working days -----------------------------------------------------------------------------


def due_on(start: date, days: int) -> date:
    """The due day `days` working days after `start`.

    Past the years the holiday calendar knows (it follows the State Council's notice, late in
    the year before), Monday to Friday: an application in December must still be taken.
    """
    try:
        return add_working_days(start, days)
    except CalendarNotCovered as exc:
        log.warning("deadline past the holiday calendar, weekdays counted: %s", exc)
        return add_working_days(start, days, weekdays_beyond=True)


def paused_days(since: date, until: date) -> int:
    """Working days a task waited for materials, as `due_on` counts them."""
    try:
        return working_days_between(since, until)
    except CalendarNotCovered as exc:
        log.warning("pause past the holiday calendar, weekdays counted: %s", exc)
        return working_days_between(since, until, weekdays_beyond=True)


# ---- shapes -----------------------------------------------------------------------------------


def is_overdue(task: DepartmentTask, now: datetime) -> bool:
    """Running (not paused, finished or withdrawn) past the end of its due day."""
    return _overdue(task.status, task.withdrawn, task.due_at, now)


def _overdue(status: str, withdrawn: bool, due_at: datetime | None, now: datetime) -> bool:
    return status in RUNNING and not withdrawn and due_at is not None and due_at < now


def to_task_out(task: DepartmentTask, intake: Intake, now: datetime) -> DepartmentTaskOut:
    return DepartmentTaskOut(
        id=task.id,
        intake_id=task.intake_id,
        receipt_number=intake.receipt_number,
        child_id=task.child_id,
        division_code=task.division_code,
        department=TaskDepartment(task.department),
        need=IntakeNeed(task.need),
        status=TaskStatus(task.status),
        working_days=task.working_days,
        due_at=task.due_at,
        overdue=is_overdue(task, now),
        outcome=task.outcome,
        note=task.note,
        missing_materials=list(task.missing_materials),
        received_materials=list(task.received_materials),
        intake_status=IntakeStatus(intake.status),
        applicant_name=intake.applicant_name,
        applicant_relation=ApplicantRelation(intake.applicant_relation),
        applicant_phone=intake.applicant_phone,
        version=task.version,
        created_at=task.created_at,
        updated_at=task.updated_at,
        finished_at=task.finished_at,
    )


def _step_out(step: IntakeStep) -> TimelineStepOut:
    return TimelineStepOut(
        at=step.at,
        actor=step.actor,
        action=StepAction(step.action),
        note=step.note,
        task_id=step.task_id,
        department=TaskDepartment(step.department) if step.department else None,
    )


def _order(intake: Intake, tasks: Iterable[DepartmentTask]) -> list[DepartmentTask]:
    """An application's tasks in the order of its needs, then of the routing."""
    rank = {need: n for n, need in enumerate(intake.needs)}
    return sorted(tasks, key=lambda t: (rank.get(t.need, len(rank)), t.department))


def to_outs(session: Session, rows: Sequence[Intake]) -> list[IntakeOut]:
    """Applications with their tasks and timelines: one query for each, for all of them."""
    ids = [row.id for row in rows]
    tasks: dict[str, list[DepartmentTask]] = {i: [] for i in ids}
    steps: dict[str, list[IntakeStep]] = {i: [] for i in ids}
    if ids:
        for task in repository.tasks_of(session, ids):
            tasks[task.intake_id].append(task)
        for step in repository.steps_of(session, ids):
            steps[step.intake_id].append(step)
    now = utcnow()
    return [to_out(row, tasks[row.id], steps[row.id], now) for row in rows]


def to_out(
    row: Intake, tasks: Sequence[DepartmentTask], steps: Sequence[IntakeStep], now: datetime
) -> IntakeOut:
    return IntakeOut(
        id=row.id,
        receipt_number=row.receipt_number,
        status=IntakeStatus(row.status),
        child_id=row.child_id,
        division_code=row.division_code,
        clerk=row.clerk,
        clerk_division_code=row.clerk_division_code,
        applicant_name=row.applicant_name,
        applicant_relation=ApplicantRelation(row.applicant_relation),
        applicant_phone=row.applicant_phone,
        needs=[IntakeNeed(n) for n in row.needs],
        materials=list(row.materials),
        note=row.note,
        routing_version=row.routing_version,
        submitted_at=row.submitted_at,
        closed_at=row.closed_at,
        withdraw_reason=row.withdraw_reason,
        version=row.version,
        tasks=[to_task_out(t, row, now) for t in _order(row, tasks)],
        timeline=[_step_out(s) for s in steps],
    )


# ---- timeline and events ----------------------------------------------------------------------


def _step(
    session: Session,
    intake: Intake,
    task: DepartmentTask | None,
    action: StepAction,
    actor: str,
    note: str | None,
    at: datetime,
) -> IntakeStep:
    """One step on the application's timeline and on the child's history."""
    step = _new_step(intake, task, action, actor, note, at)
    repository.add(session, step)
    history.record_intake_step(
        session,
        child_id=intake.child_id,
        actor=actor,
        action=action.value,
        intake_id=intake.id,
        receipt_number=intake.receipt_number,
        task_id=step.task_id,
        department=step.department,
        note=note,
    )
    return step


def _new_step(
    intake: Intake,
    task: DepartmentTask | None,
    action: StepAction,
    actor: str,
    note: str | None,
    at: datetime,
) -> IntakeStep:
    return IntakeStep(
        intake_id=intake.id,
        task_id=task.id if task is not None else None,
        department=task.department if task is not None else None,
        at=at,
        actor=actor,
        action=action.value,
        note=note,
    )


def _task_event(
    session: Session,
    event_type: str,
    intake: Intake,
    task: DepartmentTask,
    actor: str,
    note: str | None,
    at: datetime,
) -> None:
    changed = _task_changed(intake, task, actor, note, at)
    children.emit(session, event_type, intake.child_id, changed)


def _task_changed(
    intake: Intake, task: DepartmentTask, actor: str, note: str | None, at: datetime
) -> IntakeTaskChanged:
    return IntakeTaskChanged(
        task_id=task.id,
        intake_id=intake.id,
        receipt_number=intake.receipt_number,
        child_id=intake.child_id,
        division_code=intake.division_code,
        department=task.department,
        need=task.need,
        status=task.status,
        due_at=None if task.status in FINAL else task.due_at,
        actor=actor,
        at=at,
        note=note,
        clerk=intake.clerk,
        applicant_phone=intake.applicant_phone,
    )


# ---- taking an application --------------------------------------------------------------------


def _cleaned(items: Iterable[str]) -> list[str]:
    """Names as written, trimmed, blanks and repeats left out, in their order."""
    return list(dict.fromkeys(item.strip() for item in items if item.strip()))


def _applied_child(
    session: Session, principal: Principal, data: SubmitIntake, fields: dict[str, str]
) -> Child | children.CheckedIdentity | None:
    """The existing file applied for, or the new child's identity, checked (not written)."""
    if (data.child_id is None) == (data.child is None):
        fields["childId"] = "请选择已有儿童档案或登记新儿童（二者选一）"
        return None
    if data.child_id is not None:
        # Out of the clerk's division: NOT_FOUND, as any read of a file there.
        child = children.load(session, principal, data.child_id)
        if not principal.sees(child.residence_division_code):
            raise NotFound("儿童档案不存在")
        if child.status == ChildStatus.EXITED.value:
            fields["childId"] = "该儿童已退出保障范围，不能受理申请"
        return child
    assert data.child is not None
    try:
        # A village outside the clerk's division is FORBIDDEN, as `registerChild` says it.
        return children.check_registration(session, principal, data.child)
    except ValidationFailed as exc:
        fields.update({f"child.{name}": message for name, message in exc.fields.items()})
    return None


@dataclass(frozen=True)
class Submitted:
    """An application as written. Its answer is built from it once the request has committed:
    nothing of it needs to wait under the receipt counter's lock."""

    intake: Intake
    tasks: list[DepartmentTask]
    steps: list[IntakeStep]
    at: datetime

    def out(self) -> IntakeOut:
        return to_out(self.intake, self.tasks, self.steps, self.at)  # nothing to read back


def submit(
    session: Session, principal: Principal, data: SubmitIntake, keys: KeyRing, *, prefix: str
) -> Submitted | children.DuplicateFound | children.HeldForReview:
    """Take an application: the new child's file, the intake, a task per department and need,
    their steps and events, in the caller's one transaction; or the duplicate that stops it."""
    policy.require(principal, SUBMIT_ROLES, "无权受理申请")
    fields: dict[str, str] = {}
    applicant = data.applicant_name.strip()
    if not applicant:
        fields["applicantName"] = "申请人姓名不能为空"
    if len(set(data.needs)) != len(data.needs):
        fields["needs"] = "申请事项不能重复"
    materials = _cleaned(data.materials)
    note = (data.note or "").strip() or None
    applied = _applied_child(session, principal, data, fields)
    if fields:
        raise ValidationFailed(fields=fields)
    if isinstance(applied, Child):
        child = applied
    else:
        assert data.child is not None and applied is not None
        opened = children.register(session, principal, data.child, keys, applied)
        if not isinstance(opened, Child):
            return opened  # nothing of the application is written
        child = opened
    return _open(session, principal, child, data, applicant, materials, note, prefix)


def _open(
    session: Session,
    principal: Principal,
    child: Child,
    data: SubmitIntake,
    applicant: str,
    materials: list[str],
    note: str | None,
    prefix: str,
) -> Submitted:
    routes = routing.current()
    checklist = routing.load_checklist()
    now, day = utcnow(), today()
    intake = Intake(
        id=str(uuid.uuid4()),
        receipt_number="",  # taken last: the year's counter stays locked until the commit
        child_id=child.id,
        division_code=child.residence_division_code,
        town_code=child.town_code,
        status=IntakeStatus.OPEN.value,
        clerk=principal.username,
        clerk_division_code=principal.division_code,
        applicant_name=applicant,
        applicant_relation=data.applicant_relation.value,
        applicant_phone=data.applicant_phone,
        needs=[need.value for need in data.needs],
        materials=materials,
        note=note,
        routing_version=routes.version,
        submitted_at=now,
        version=1,
    )
    tasks: list[DepartmentTask] = []
    for need in data.needs:
        for route in routes.routes(need):
            department = route.department.value
            due = due_on(day, route.working_days)
            tasks.append(
                DepartmentTask(
                    id=str(uuid.uuid4()),
                    intake_id=intake.id,
                    child_id=child.id,
                    division_code=child.residence_division_code,
                    town_code=child.town_code,
                    department=department,
                    need=need.value,
                    first_of_intake=not tasks,
                    first_of_department=all(t.department != department for t in tasks),
                    status=S.PENDING.value,
                    working_days=route.working_days,
                    due_on=due,
                    due_at=end_of_day(due),
                    missing_materials=[m for m in checklist.required(need) if m not in materials],
                    received_materials=[],
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
            )
    actor = principal.username
    steps = [_new_step(intake, None, A.SUBMITTED, actor, None, now)]
    steps += [_new_step(intake, t, A.ROUTED, actor, _routed_note(t), now) for t in tasks]
    submitted = IntakeSubmitted(
        intake_id=intake.id,
        receipt_number="",  # below, once taken
        child_id=child.id,
        child_name=child.name,
        division_code=intake.division_code,
        clerk=intake.clerk,
        clerk_division_code=intake.clerk_division_code,
        applicant_name=intake.applicant_name,
        applicant_relation=intake.applicant_relation,
        applicant_phone=intake.applicant_phone,
        needs=intake.needs,
        submitted_at=now,
        tasks=[
            SubmittedTask(
                task_id=t.id, department=t.department, need=t.need, due_at=end_of_day(t.due_on)
            )
            for t in tasks
        ],
    )
    created = [
        _task_changed(intake, t, actor, "、".join(t.missing_materials) or None, now) for t in tasks
    ]
    # The year's counter is locked from its next number until the commit, and every other
    # application of the year waits for it: everything is ready before it is taken (the new
    # child's file goes in with it, as the session flushes), and after it only what carries the
    # number is written, at once (the answer is built after the commit).
    number = repository.next_receipt(session, prefix, day.year)
    intake.receipt_number = f"{prefix}-{day.year}-{number:06d}"
    steps[0].note = _submitted_note(intake)
    submitted.receipt_number = intake.receipt_number
    for event in created:
        event.receipt_number = intake.receipt_number
    with pipelined(session):  # the rows sent at once: one round trip under the lock
        repository.insert_submission(session, intake, tasks, steps)
        history.record_intake_steps(
            session,
            child_id=child.id,
            intake_id=intake.id,
            receipt_number=intake.receipt_number,
            steps=steps,
        )
        children.emit_all(
            session,
            child.id,
            [(INTAKE_SUBMITTED, submitted), *((TASK_CREATED, changed) for changed in created)],
        )
    return Submitted(intake, tasks, steps, now)


def _submitted_note(intake: Intake) -> str:
    return f"受理编号{intake.receipt_number}，申请人{intake.applicant_name}"


def _routed_note(task: DepartmentTask) -> str:
    name = DEPARTMENT_NAMES[task.department]
    return f"分办至{name}，{task.working_days}个工作日内办结（{task.due_on.isoformat()}前）"


# ---- acting on a task -------------------------------------------------------------------------


def _open_intake(session: Session, task: DepartmentTask) -> Intake:
    """The task's application, locked; refused when withdrawn or the task is finished."""
    intake = repository.lock(session, task.intake_id)
    if intake is None:
        raise NotFound("任务不存在")
    session.refresh(task)  # as it is under the lock
    if intake.status == IntakeStatus.WITHDRAWN.value:
        message = "该申请已撤回，不能再办理"
        raise ValidationFailed(message, fields={"status": message})
    if task.status in FINAL:
        message = f"任务{STATUS_NAMES[TaskStatus(task.status)]}，不能再办理"
        raise ValidationFailed(message, fields={"status": message})
    return intake


def _department_task(
    session: Session, principal: Principal, task_id: str
) -> tuple[DepartmentTask, Intake]:
    """A task of the principal's department in its division, with its locked application."""
    departments = routing.current().departments_of(principal)
    if not departments:
        raise Forbidden("无权办理部门任务")
    task = repository.task(session, task_id)
    if task is None or not principal.sees(task.division_code):
        raise NotFound("任务不存在")
    if TaskDepartment(task.department) not in departments:
        raise Forbidden("只能办理本部门的任务")
    return task, _open_intake(session, task)


def _refuse_status(task: DepartmentTask, allowed: frozenset[str], doing: str) -> None:
    if task.status not in allowed:
        current = STATUS_NAMES[TaskStatus(task.status)]
        message = f"{current}的任务不能{doing}"
        raise ValidationFailed(message, fields={"status": message})


def _required_text(value: str, field: str, message: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationFailed(message, fields={field: message})
    return text


def _move(
    session: Session,
    task: DepartmentTask,
    intake: Intake,
    values: dict[str, object],
    *,
    action: StepAction,
    event_type: str,
    actor: str,
    note: str | None,
) -> None:
    """Write the task's change at its version, its step and event; finish the application
    when this was its last open task."""
    now = utcnow()
    if not repository.update_task(
        session, task, {**values, "updated_at": now}, version=task.version
    ):
        raise Conflict()
    _step(session, intake, task, action, actor, note, now)
    _task_event(session, event_type, intake, task, actor, note, now)
    if task.status in FINAL:
        _complete_if_done(session, intake, actor, now)


def _complete_if_done(session: Session, intake: Intake, actor: str, at: datetime) -> None:
    tasks = _order(intake, repository.tasks_of(session, [intake.id]))
    if any(t.status not in FINAL for t in tasks):
        return
    intake.status = IntakeStatus.COMPLETED.value
    intake.closed_at = at
    intake.version += 1
    repository.add(session, intake)
    _step(session, intake, None, A.INTAKE_COMPLETED, actor, None, at)
    children.emit(
        session,
        INTAKE_COMPLETED,
        intake.child_id,
        IntakeCompleted(
            intake_id=intake.id,
            receipt_number=intake.receipt_number,
            child_id=intake.child_id,
            division_code=intake.division_code,
            clerk=intake.clerk,
            applicant_phone=intake.applicant_phone,
            at=at,
            tasks=_as_they_stand(tasks),
        ),
    )


def _as_they_stand(tasks: Sequence[DepartmentTask]) -> list[FinishedTask]:
    return [
        FinishedTask(
            task_id=t.id, department=t.department, need=t.need, status=t.status, outcome=t.outcome
        )
        for t in tasks
    ]


def accept(session: Session, principal: Principal, task_id: str) -> DepartmentTaskOut:
    """The department takes the task on (受理)."""
    task, intake = _department_task(session, principal, task_id)
    _refuse_status(task, frozenset({S.PENDING.value}), "受理")
    _move(
        session,
        task,
        intake,
        {"status": S.ACCEPTED.value},
        action=A.ACCEPTED,
        event_type=TASK_ACCEPTED,
        actor=principal.username,
        note=None,
    )
    return to_task_out(task, intake, utcnow())


def request_materials(
    session: Session, principal: Principal, task_id: str, note: str, materials: Sequence[str]
) -> DepartmentTaskOut:
    """Ask the window for more documents; the clock stops until the window records them."""
    task, intake = _department_task(session, principal, task_id)
    text = _required_text(note, "note", "请说明需要补充的材料")
    _refuse_status(task, RUNNING, "要求补充材料")
    asked = _cleaned(materials)
    said = f"{text}（{'、'.join(asked)}）" if asked else text
    _move(
        session,
        task,
        intake,
        {
            "status": S.NEEDS_MATERIALS.value,
            "paused_on": today(),
            "due_at": None,
            "note": text,
            "missing_materials": _cleaned([*task.missing_materials, *asked]),
        },
        action=A.MATERIALS_REQUESTED,
        event_type=MATERIALS_REQUESTED,
        actor=principal.username,
        note=said,
    )
    return to_task_out(task, intake, utcnow())


def record_materials(
    session: Session, principal: Principal, task_id: str, materials: Sequence[str]
) -> DepartmentTaskOut:
    """The window records documents a task waited for: it runs again, its due day pushed by
    the working days it waited."""
    policy.require(principal, SUBMIT_ROLES, "无权登记补充材料")
    task = repository.task(session, task_id)
    if task is None or not principal.sees(task.division_code):
        raise NotFound("任务不存在")
    received = _cleaned(materials)
    if not received:
        raise ValidationFailed(fields={"materials": "至少登记一项材料"})
    intake = _open_intake(session, task)
    if task.status != S.NEEDS_MATERIALS.value:
        message = "该任务未在等待补充材料"
        raise ValidationFailed(message, fields={"status": message})
    day = today()
    waited = paused_days(task.paused_on or day, day)
    due = add_working_days_from(task.due_on, waited)
    intake.materials = _cleaned([*intake.materials, *received])
    intake.version += 1
    repository.add(session, intake)
    _move(
        session,
        task,
        intake,
        {
            "status": S.ACCEPTED.value,
            "paused_on": None,
            "due_on": due,
            "due_at": end_of_day(due),
            "received_materials": _cleaned([*task.received_materials, *received]),
            "missing_materials": [m for m in task.missing_materials if m not in received],
        },
        action=A.MATERIALS_RECEIVED,
        event_type=MATERIALS_RECEIVED,
        actor=principal.username,
        note="、".join(received) + f"（暂停{waited}个工作日，期限顺延至{due.isoformat()}）",
    )
    return to_task_out(task, intake, utcnow())


def add_working_days_from(day: date, days: int) -> date:
    """`day` pushed by `days` working days (itself for none)."""
    return due_on(day, days) if days else day


def complete(
    session: Session, principal: Principal, task_id: str, outcome: str
) -> DepartmentTaskOut:
    """The department's part is done, with what came of it (办结)."""
    task, intake = _department_task(session, principal, task_id)
    text = _required_text(outcome, "outcome", "办理结果不能为空")
    _refuse_status(task, RUNNING, "办结，请先由窗口登记补充材料")
    _finish(session, task, intake, S.DONE, text, principal.username)
    return to_task_out(task, intake, utcnow())


def decline(session: Session, principal: Principal, task_id: str, reason: str) -> DepartmentTaskOut:
    """The department cannot help, and says why (不予办理)."""
    task, intake = _department_task(session, principal, task_id)
    text = _required_text(reason, "reason", "不予办理的理由不能为空")
    _finish(session, task, intake, S.DECLINED, text, principal.username)
    return to_task_out(task, intake, utcnow())


def _finish(
    session: Session,
    task: DepartmentTask,
    intake: Intake,
    status: TaskStatus,
    text: str,
    actor: str,
) -> None:
    done = status is S.DONE
    _move(
        session,
        task,
        intake,
        {"status": status.value, "outcome": text, "paused_on": None, "finished_at": utcnow()},
        action=A.COMPLETED if done else A.DECLINED,
        event_type=TASK_COMPLETED if done else TASK_DECLINED,
        actor=actor,
        note=text,
    )


def withdraw(session: Session, principal: Principal, intake_id: str, reason: str) -> IntakeOut:
    """The family withdraws the application at the window (撤回): nothing more is done on it."""
    policy.require(principal, SUBMIT_ROLES, "无权撤回申请")
    intake = repository.lock(session, intake_id)
    if intake is None or not principal.sees(intake.division_code):
        raise NotFound("申请不存在")
    text = _required_text(reason, "reason", "撤回原因不能为空")
    if intake.status != IntakeStatus.OPEN.value:
        message = "申请已撤回" if intake.status == IntakeStatus.WITHDRAWN.value else "申请已办结"
        raise ValidationFailed(message, fields={"status": f"{message}，不能撤回"})
    now = utcnow()
    intake.status = IntakeStatus.WITHDRAWN.value
    intake.closed_at = now
    intake.withdraw_reason = text
    intake.version += 1
    repository.add(session, intake)
    # Its open tasks stop where they are: no clock, never overdue.
    session.exec(
        update(DepartmentTask)
        .where(
            col(DepartmentTask.intake_id) == intake.id,
            col(DepartmentTask.status).not_in(FINAL),
        )
        .values(
            withdrawn=True,
            due_at=None,
            updated_at=now,
            version=col(DepartmentTask.version) + 1,
        )
        .execution_options(synchronize_session=False)
    )
    _step(session, intake, None, A.WITHDRAWN, principal.username, text, now)
    children.emit(
        session,
        INTAKE_WITHDRAWN,
        intake.child_id,
        IntakeWithdrawn(
            intake_id=intake.id,
            receipt_number=intake.receipt_number,
            child_id=intake.child_id,
            division_code=intake.division_code,
            clerk=intake.clerk,
            applicant_phone=intake.applicant_phone,
            at=now,
            tasks=_as_they_stand(repository.tasks_of(session, [intake.id])),
        ),
    )
    session.flush()
    session.expire_all()
    return to_outs(session, [intake])[0]


# ---- on behalf of other services --------------------------------------------------------------


def finish_for_service(
    session: Session, *, service: str, task_id: str, status: str, outcome: str, actor: str
) -> bool:
    """A department's service finished a task it acts for (`<service>.task.updated`); a task
    unknown, not its department's, withdrawn or finished already is left as it is."""
    if status not in FINAL:
        log.warning("%s sent task %s status %s: not DONE or DECLINED", service, task_id, status)
        return False
    task = repository.task(session, task_id)
    if task is None:
        log.warning("%s finished task %s, which the registry does not know", service, task_id)
        return False
    if not routing.current().serves(service, TaskDepartment(task.department)):
        log.warning("%s may not finish task %s of %s", service, task_id, task.department)
        return False
    intake = repository.lock(session, task.intake_id)
    assert intake is not None
    session.refresh(task)
    if intake.status == IntakeStatus.WITHDRAWN.value or task.status in FINAL:
        log.info("task %s is %s already; %s's %s ignored", task_id, task.status, service, status)
        return False
    default = "已办结" if status == S.DONE.value else "不予办理"
    _finish(session, task, intake, TaskStatus(status), outcome.strip() or default, actor or service)
    return True


def record_escalation(session: Session, task_id: str, recipient: str, rung: int) -> bool:
    """A task's deadline went up the ladder (notifications): a step of its timeline."""
    task = repository.task(session, task_id)
    if task is None:
        log.warning("escalation of task %s, which the registry does not know", task_id)
        return False
    intake = repository.get(session, task.intake_id)
    assert intake is not None
    _step(session, intake, task, A.ESCALATED, SYSTEM, f"已提醒{recipient}（第{rung}级）", utcnow())
    return True


# ---- reading ----------------------------------------------------------------------------------


def get_intake(session: Session, principal: Principal, intake_id: str) -> IntakeOut:
    """An application of the caller's division, with its tasks and timeline; a department reads
    the applications it has a task on (where every part stands: one window, every department)."""
    reader = principal.has_role(*INTAKE_READ_ROLES)
    own = routing.current().departments_of(principal)
    if not reader and not own:
        raise Forbidden("无权查看受理申请")
    intake = repository.get(session, intake_id)
    if intake is None or not principal.sees(intake.division_code):
        raise NotFound("申请不存在")
    found = to_outs(session, [intake])[0]
    if not reader and not any(task.department in own for task in found.tasks):
        raise NotFound("申请不存在")  # as if absent: which applications exist is not its business
    return found


def receipt(
    session: Session, principal: Principal, intake_id: str, keys: KeyRing, window_phone: str
) -> tuple[str, bytes]:
    """The printable receipt (受理回执) of an application: its file name and the PDF; the
    window's, not the departments'."""
    policy.require(principal, INTAKE_READ_ROLES, "无权查看受理申请")
    found = get_intake(session, principal, intake_id)
    child = children_repository.get(session, found.child_id)
    assert child is not None, found.child_id  # an application's file is never deleted
    printed = Receipt(
        district_name=division_name(found.division_code[:6]),
        receipt_number=found.receipt_number,
        submitted_at=found.submitted_at,
        child_name=child.name,
        child_id_number=children.number_of(child, keys),  # masked on the paper
        applicant_name=found.applicant_name,
        applicant_relation=found.applicant_relation.value,
        applicant_phone=found.applicant_phone,  # masked on the paper
        window_division=division_name(found.clerk_division_code),
        clerk_name=found.clerk,
        window_phone=window_phone,
        lines=[
            ReceiptLine(
                need=t.need.value,
                department=t.department.value,
                due_on=t.due_at or t.created_at,
                materials_received=[m for m in found.materials if m not in t.missing_materials],
                materials_missing=t.missing_materials,
            )
            for t in found.tasks
        ],
    )
    return f"receipt-{found.receipt_number}.pdf", render_receipt(printed)


def list_intakes(
    session: Session,
    principal: Principal,
    *,
    status: IntakeStatus | None,
    division_code: str | None,
    child_id: str | None,
    first: int,
    after: str | None,
) -> IntakePage:
    """Applications of the caller's division (or a division within it), newest first."""
    policy.require(principal, INTAKE_READ_ROLES, "无权查看受理申请")
    check_first(first)
    keyset = decode_moment_cursor("intake", after)
    scope = principal.division_code
    wanted = division_code or scope
    if not (wanted.startswith(scope) or scope.startswith(wanted)):
        return IntakePage(edges=[], page_info=PageInfo(has_next_page=False, end_cursor=None))
    prefix = wanted if len(wanted) >= len(scope) else scope
    rows = repository.intakes(
        session,
        town_code=prefix[:9] if len(prefix) >= 9 else None,
        village_code=prefix if len(prefix) >= 12 else None,
        status=status.value if status else None,
        child_id=child_id,
        after=keyset,
        limit=first + 1,
    )
    page = list(rows[:first])
    edges = [
        IntakeEdge(cursor=encode_moment_cursor("intake", row.submitted_at, row.id), node=out)
        for row, out in zip(page, to_outs(session, page), strict=True)
    ]
    return IntakePage(
        edges=edges,
        page_info=PageInfo.of(edges, more=len(rows) > first),
    )


def board(
    session: Session,
    principal: Principal,
    *,
    department: TaskDepartment | None,
    status: TaskStatus | None,
    overdue: bool | None,
    first: int,
    after: str | None,
    town: str | None = None,
) -> DepartmentTaskPage:
    """A department's tasks, newest first: the whole district's for its district-level users,
    or one town's (`town`), its town's for a town's (a police station, say)."""
    own = routing.current().departments_of(principal)
    if not own:
        raise Forbidden("无权查看部门任务")
    if department is not None and department not in own:
        raise Forbidden("只能查看本部门的任务")
    check_first(first)
    keyset = decode_moment_cursor("task", after)
    now = utcnow()
    scope = principal.division_code
    if town is not None and len(scope) >= 9 and town != scope[:9]:
        raise Forbidden("只能查看本镇街的任务")
    rows = repository.board(
        session,
        departments=[department.value] if department else sorted(d.value for d in own),
        town_code=town or (scope[:9] if len(scope) >= 9 else None),
        status=status.value if status else None,
        overdue=overdue,
        now=now,
        after=keyset,
        limit=first + 1,
    )
    page = list(rows[:first])
    # The page validated at once from its rows (the task's columns and what it shows of the
    # application), enums and all, rather than task by task.
    edges: list[dict[str, Any]] = []
    for row in page:
        if not principal.sees(row.division_code):
            continue  # a village-level user: its village's only
        node = row._asdict()
        node["overdue"] = _overdue(row.status, row.withdrawn, row.due_at, now)
        edges.append({"cursor": encode_moment_cursor("task", row.created_at, row.id), "node": node})
    end = encode_moment_cursor("task", page[-1].created_at, page[-1].id) if page else None
    return DepartmentTaskPage.model_validate(
        {"edges": edges, "page_info": {"has_next_page": len(rows) > first, "end_cursor": end}}
    )


# ---- the window's guide -----------------------------------------------------------------------


def guide() -> IntakeGuideOut:
    """Every need with its departments, due days for an application made today, and materials:
    public (办事指南), for anyone signed in."""
    routes, checklist, day = routing.current(), routing.load_checklist(), today()
    return IntakeGuideOut(
        routing_version=routes.version,
        today=day,
        needs=[
            NeedGuideOut(
                need=need,
                name=NEED_NAMES[need],
                routes=[
                    RouteOut(
                        department=r.department,
                        department_name=DEPARTMENT_NAMES[r.department],
                        working_days=r.working_days,
                        due_on=due_on(day, r.working_days),
                    )
                    for r in routes.routes(need)
                ],
                materials=checklist.required(need),
            )
            for need in IntakeNeed
        ],
    )

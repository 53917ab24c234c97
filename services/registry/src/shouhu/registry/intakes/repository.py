"""SQL of the single window."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

import sqlalchemy
from sqlalchemy import ColumnElement, Row, Table, and_, func, insert, not_, text, update
from sqlmodel import Session, col, select

from shouhu.platform.db import after_keyset, values_of
from shouhu.platform.percentiles import percentile_cont
from shouhu.registry.models import DepartmentTask, Intake, IntakeStep

# Statuses whose clock runs: the only ones that can be overdue.
RUNNING = ("PENDING", "ACCEPTED")
FINISHED = ("DONE", "DECLINED")


# The tables themselves, for an application's rows written as they are (no ORM objects).
INTAKE = cast(Table, Intake.__table__)  # type: ignore[attr-defined]
TASK = cast(Table, DepartmentTask.__table__)  # type: ignore[attr-defined]
STEP = cast(Table, IntakeStep.__table__)  # type: ignore[attr-defined]


def add(session: Session, row: object) -> None:
    session.add(row)


def insert_submission(
    session: Session, intake: Intake, tasks: Sequence[DepartmentTask], steps: Sequence[IntakeStep]
) -> None:
    """A new application, its tasks and its first steps, one INSERT a table, now: after what
    the session holds (flushed first), the application before the rows that refer to it. The
    objects stay out of the session: nothing is read back."""
    session.flush()
    session.execute(insert(INTAKE).inline(), [values_of(INTAKE, intake)])
    if tasks:
        session.execute(insert(TASK).inline(), [values_of(TASK, task) for task in tasks])
    if steps:
        session.execute(insert(STEP).inline(), [values_of(STEP, step) for step in steps])


# One statement the same on PostgreSQL and SQLite (3.35+), its text fixed: no compiling each time.
_NEXT_RECEIPT = text(
    "INSERT INTO receipt_sequence (prefix, year, last) VALUES (:prefix, :year, 1) "
    "ON CONFLICT (prefix, year) DO UPDATE SET last = receipt_sequence.last + 1 RETURNING last"
)


def next_receipt(session: Session, prefix: str, year: int) -> int:
    """The next number of (prefix, year): one statement that inserts or bumps the row under
    its lock, so concurrent applications never share a number. What the session holds is
    flushed first, before the row is locked."""
    session.flush()
    return int(session.execute(_NEXT_RECEIPT, {"prefix": prefix, "year": year}).scalar_one())


def get(session: Session, intake_id: str) -> Intake | None:
    return session.get(Intake, intake_id)


def lock(session: Session, intake_id: str) -> Intake | None:
    """The application, locked until the transaction ends: its tasks move one at a time, so
    the last one to finish sees the others finished."""
    return session.exec(select(Intake).where(Intake.id == intake_id).with_for_update()).first()


def task(session: Session, task_id: str) -> DepartmentTask | None:
    return session.get(DepartmentTask, task_id)


def tasks_of(session: Session, intake_ids: Sequence[str]) -> Sequence[DepartmentTask]:
    """The tasks of many applications, each application's in the order they were routed."""
    return session.exec(
        select(DepartmentTask)
        .where(col(DepartmentTask.intake_id).in_(intake_ids))
        .order_by(col(DepartmentTask.intake_id), col(DepartmentTask.created_at))
    ).all()


def steps_of(session: Session, intake_ids: Sequence[str]) -> Sequence[IntakeStep]:
    """The timelines of many applications, oldest step first."""
    return session.exec(
        select(IntakeStep)
        .where(col(IntakeStep.intake_id).in_(intake_ids))
        .order_by(col(IntakeStep.intake_id), col(IntakeStep.seq))
    ).all()


def update_task(
    session: Session, task: DepartmentTask, values: dict[str, Any], *, version: int
) -> bool:
    """Write the values and the next version only if the task is still at `version`."""
    result = session.exec(
        update(DepartmentTask)
        .where(col(DepartmentTask.id) == task.id, col(DepartmentTask.version) == version)
        .values(**values, version=version + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    session.refresh(task)
    return True


def overdue_condition(now: Any) -> ColumnElement[bool]:
    """Running, not withdrawn, past its deadline at `now` (a moment or a bound parameter)."""
    return and_(
        col(DepartmentTask.status).in_(RUNNING),
        not_(col(DepartmentTask.withdrawn)),
        col(DepartmentTask.due_at).is_not(None),
        col(DepartmentTask.due_at) < now,
    )


# What a task on the board shows of its application, beside the task's own columns.
_APPLICATION = (
    INTAKE.c.receipt_number,
    INTAKE.c.status.label("intake_status"),
    INTAKE.c.applicant_name,
    INTAKE.c.applicant_relation,
    INTAKE.c.applicant_phone,
)


def board(
    session: Session,
    *,
    departments: Sequence[str],
    town_code: str | None,
    status: str | None,
    overdue: bool | None,
    now: datetime,
    after: tuple[datetime, str] | None,
    limit: int,
) -> Sequence[Row[Any]]:
    """A page of departments' tasks, newest first, along the board's index, each with what the
    board shows of its application: one statement, rows as they are (no objects)."""
    params: dict[str, Any] = {"departments": list(departments), "limit": limit}
    if town_code is not None:
        params["town_code"] = town_code
    if status is not None:
        params["status"] = status
    if overdue is not None:
        params["now"] = now
    if after is not None:
        params["after_at"], params["after_id"] = after
    statement = _board_statement(
        town_code is not None, status is not None, overdue, after is not None
    )
    return session.execute(statement, params).all()


@functools.cache
def _board_statement(
    by_town: bool, by_status: bool, overdue: bool | None, after: bool
) -> sqlalchemy.Select[Any]:
    """The board's statement for one combination of filters, built once: every poll of every
    board builds none (a page's subquery alone cost a fifth of a poll's CPU), its values bound."""
    created, row_id = col(DepartmentTask.created_at), col(DepartmentTask.id)
    conditions: list[ColumnElement[bool]] = [
        col(DepartmentTask.department).in_(sqlalchemy.bindparam("departments", expanding=True))
    ]
    if by_town:
        conditions.append(col(DepartmentTask.town_code) == sqlalchemy.bindparam("town_code"))
    if by_status:
        conditions.append(col(DepartmentTask.status) == sqlalchemy.bindparam("status"))
    if overdue is not None:
        late = overdue_condition(sqlalchemy.bindparam("now"))
        conditions.append(late if overdue else not_(late))
    if after:  # after_keyset's condition, its values bound
        at: sqlalchemy.BindParameter[datetime] = sqlalchemy.bindparam("after_at")
        conditions.append(
            sqlalchemy.or_(
                created < at, and_(created == at, row_id < sqlalchemy.bindparam("after_id"))
            )
        )
    # The page first, along the index, then its applications: joined inside the page's query,
    # PostgreSQL's generic plan of the prepared statement (after five runs) went parallel and
    # scanned for 50 ms where a page takes 1.
    page = (
        sqlalchemy.select(TASK)
        .where(*conditions)
        .order_by(created.desc(), row_id.desc())
        .limit(sqlalchemy.bindparam("limit", type_=sqlalchemy.Integer))
        .subquery("page")
    )
    return (
        sqlalchemy.select(page, *_APPLICATION)
        .join_from(page, INTAKE, page.c.intake_id == INTAKE.c.id)
        .order_by(page.c.created_at.desc(), page.c.id.desc())
    )


def intakes(
    session: Session,
    *,
    town_code: str | None,
    village_code: str | None,
    status: str | None,
    child_id: str | None,
    after: tuple[datetime, str] | None,
    limit: int,
) -> Sequence[Intake]:
    """A page of applications of a division, newest first."""
    submitted, row_id = col(Intake.submitted_at), col(Intake.id)
    conditions: list[ColumnElement[bool]] = []
    if town_code is not None:
        conditions.append(col(Intake.town_code) == town_code)
    if village_code is not None:
        conditions.append(col(Intake.division_code) == village_code)
    if status is not None:
        conditions.append(col(Intake.status) == status)
    if child_id is not None:
        conditions.append(col(Intake.child_id) == child_id)
    keyset = after_keyset(submitted, row_id, after)
    if keyset is not None:
        conditions.append(keyset)
    return session.exec(
        select(Intake).where(*conditions).order_by(submitted.desc(), row_id.desc()).limit(limit)
    ).all()


def figures(
    session: Session, by: str, start: datetime, end: datetime, now: datetime, town: str | None
) -> list[tuple[str, int, int, int, float | None, float | None]]:
    """Per town or department (`by`): applications, open tasks, overdue tasks, and the median
    and 90th percentile of days to a finish, of the tasks made in [start, end)."""
    task = DepartmentTask
    key = col(task.town_code) if by == "town" else col(task.department)
    finished = col(task.status).in_(FINISHED)
    running = and_(not_(finished), not_(col(task.withdrawn)))
    days = (  # date_part is double precision; extract() would be numeric, many times slower
        func.date_part("epoch", col(task.finished_at) - col(task.created_at)) / 86400.0
        if session.get_bind().dialect.name == "postgresql"
        else (func.julianday(col(task.finished_at)) - func.julianday(col(task.created_at)))
    )
    conditions = [col(task.created_at) >= start, col(task.created_at) < end]
    if town is not None:
        conditions.append(col(task.town_code) == town)
    # Each application counted once where it has a task: its first task there (set at submission).
    first = col(task.first_of_intake) if by == "town" else col(task.first_of_department)
    counts = select(
        key,
        func.count().filter(first),
        func.count().filter(running),
        func.count().filter(overdue_condition(now)),
    ).where(*conditions)
    rows = {r[0]: r[1:] for r in session.exec(counts.group_by(key)).all()}
    spans = _percentiles(session, key, days, [*conditions, finished])
    return [(k, *rows[k], *spans.get(k, (None, None))) for k in sorted(rows)]


def _percentiles(
    session: Session, key: Any, days: Any, conditions: list[Any]
) -> dict[str, tuple[float | None, float | None]]:
    if session.get_bind().dialect.name == "postgresql":
        query = select(
            key,
            func.percentile_cont(0.5).within_group(days),
            func.percentile_cont(0.9).within_group(days),
        ).where(*conditions)
        return {k: (m, p) for k, m, p in session.exec(query.group_by(key)).all()}
    # SQLite has no percentile_cont: the same interpolation over the durations, in Python.
    found: dict[str, list[float]] = {}
    for k, d in session.exec(select(key, days).where(*conditions)).all():
        found.setdefault(k, []).append(float(d))
    return {k: (percentile_cont(v, 0.5), percentile_cont(v, 0.9)) for k, v in found.items()}

"""SQL of the dropout watch: risks, the sweep's set-based questions, absences and returns."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, exists, insert, literal, or_, text, tuple_
from sqlmodel import Session, col, select

from shouhu.education.models import (
    AbsenceDay,
    AbsenceReturn,
    ChildProjection,
    DropoutRisk,
    Enrolment,
)

OPEN = "OPEN"
EXEMPTED = "EXEMPTED"
EXITED = "EXITED"
LONG_ABSENCE = "LONG_ABSENCE"
TOWN_LENGTH, VILLAGE_LENGTH = 9, 12
# A literal, not a parameter: PostgreSQL matches the partial indexes (WHERE status = 'OPEN')
# only to a predicate it can read at planning, whatever plan a prepared statement gets.
IS_OPEN = text("dropout_risk.status = 'OPEN'")
RISKS = DropoutRisk.__table__  # type: ignore[attr-defined]


# ---- one child ----------------------------------------------------------------------------


def risk(session: Session, risk_id: str) -> DropoutRisk | None:
    return session.get(DropoutRisk, risk_id)


def open_of(session: Session, child_id: str) -> DropoutRisk | None:
    """The child's open risk, if any (one at most: the partial unique index)."""
    return session.exec(
        select(DropoutRisk).where(DropoutRisk.child_id == child_id, IS_OPEN)
    ).first()


def open_of_children(session: Session, child_ids: Sequence[str]) -> dict[str, DropoutRisk]:
    if not child_ids:
        return {}
    rows = session.exec(
        select(DropoutRisk).where(col(DropoutRisk.child_id).in_(child_ids), IS_OPEN)
    ).all()
    return {r.child_id: r for r in rows}


def _exemption_standing(child_id: Any, on: date) -> ColumnElement[bool]:
    """An exemption recorded for the child that still holds on `on`: not past its end, and no
    enrolment begun since (a child exempted, then enrolled, is watched again when it ends)."""
    r, e = DropoutRisk, Enrolment
    return exists().where(
        col(r.child_id) == child_id,
        col(r.status) == EXEMPTED,
        or_(col(r.exempt_until).is_(None), col(r.exempt_until) >= on),
        ~exists().where(col(e.child_id) == child_id, col(e.since) >= col(r.closed_on)),
    )


def exempt_on(session: Session, child_id: str, on: date) -> bool:
    return bool(session.scalar(select(_exemption_standing(child_id, on))))


def ever_enrolled(session: Session, child_id: str) -> bool:
    return bool(session.scalar(select(exists().where(col(Enrolment.child_id) == child_id))))


def add(session: Session, row: DropoutRisk) -> None:
    session.add(row)


def flush(session: Session) -> None:
    session.flush()


# ---- the list per division ----------------------------------------------------------------


def page(
    session: Session, division_code: str, first: int, after: tuple[date, str] | None
) -> list[DropoutRisk]:
    """Open risks of the division, newest first, `first + 1` to tell a next page; each level on
    its own partial index, keyset from `after`."""
    query = select(DropoutRisk).where(IS_OPEN)
    if len(division_code) == TOWN_LENGTH:
        query = query.where(DropoutRisk.town_code == division_code)
    elif len(division_code) == VILLAGE_LENGTH:
        query = query.where(DropoutRisk.residence_division_code == division_code)
    if after is not None:
        query = query.where(
            tuple_(col(DropoutRisk.opened_on), col(DropoutRisk.id))
            < tuple_(literal(after[0]), literal(after[1]))
        )
    query = query.order_by(col(DropoutRisk.opened_on).desc(), col(DropoutRisk.id).desc())
    return list(session.exec(query.limit(first + 1)).all())


# ---- the sweep (set-based: one statement for the whole projection) ----------------------------


def children_to_open(
    session: Session, on: date, born_after: date, born_up_to: date
) -> list[tuple[str, str, str, bool]]:
    """Children of compulsory-school age on `on` (born after `born_after`, up to `born_up_to`),
    not exited, with no open enrolment, no open risk and no exemption standing: (child, village,
    town, enrolled before)."""
    c, e, r = ChildProjection, Enrolment, DropoutRisk
    open_enrolment = exists().where(col(e.child_id) == col(c.child_id), col(e.ended_on).is_(None))
    enrolled_before = exists().where(col(e.child_id) == col(c.child_id))
    open_risk = exists().where(col(r.child_id) == col(c.child_id), IS_OPEN)
    rows = session.execute(
        select(
            col(c.child_id),
            col(c.residence_division_code),
            col(c.town_code),
            enrolled_before.label("enrolled_before"),
        ).where(
            col(c.status) != EXITED,
            col(c.birth_date) > born_after,
            col(c.birth_date) <= born_up_to,
            ~open_enrolment,
            ~open_risk,
            ~_exemption_standing(col(c.child_id), on),
        )
    ).all()
    return [(row[0], row[1], row[2], bool(row[3])) for row in rows]


def insert_many(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(RISKS), rows)


def open_out_of_watch(
    session: Session, born_after: date, born_up_to: date
) -> list[tuple[DropoutRisk, bool]]:
    """Open risks of children who left the registry (True) or compulsory-school age (False)."""
    c = ChildProjection
    rows = session.execute(
        select(DropoutRisk, col(c.status) == EXITED)
        .join(c, col(c.child_id) == col(DropoutRisk.child_id))
        .where(
            IS_OPEN,
            or_(
                col(c.status) == EXITED,
                col(c.birth_date) <= born_after,
                col(c.birth_date) > born_up_to,
            ),
        )
    ).all()
    return [(row[0], bool(row[1])) for row in rows]


def open_but_enrolled(session: Session) -> list[DropoutRisk]:
    """Open risks for want of an enrolment whose child has an open one now (the safety net)."""
    e = Enrolment
    return list(
        session.exec(
            select(DropoutRisk).where(
                IS_OPEN,
                col(DropoutRisk.reason) != LONG_ABSENCE,
                exists().where(
                    col(e.child_id) == col(DropoutRisk.child_id), col(e.ended_on).is_(None)
                ),
            )
        ).all()
    )


def newly_overdue(session: Session, on: date) -> list[DropoutRisk]:
    """Open risks past their last day not yet told overdue."""
    return list(
        session.exec(
            select(DropoutRisk).where(
                IS_OPEN, col(DropoutRisk.due_on) < on, col(DropoutRisk.overdue_on).is_(None)
            )
        ).all()
    )


# ---- absences -----------------------------------------------------------------------------


def last_return(session: Session, child_id: str) -> date | None:
    return session.exec(
        select(col(AbsenceReturn.returned_on))
        .where(AbsenceReturn.child_id == child_id)
        .order_by(col(AbsenceReturn.returned_on).desc())
    ).first()


def absent_days(session: Session, child_id: str, after: date | None) -> list[date]:
    """The child's reported absent days after `after` (all when None), oldest first."""
    query = select(col(AbsenceDay.day)).where(AbsenceDay.child_id == child_id)
    if after is not None:
        query = query.where(col(AbsenceDay.day) > after)
    return list(session.exec(query.order_by(col(AbsenceDay.day))).all())


def add_absent_days(
    session: Session, child_id: str, days: Sequence[date], school_code: str, by: str, at: datetime
) -> None:
    """The days not reported yet (the same report twice changes nothing)."""
    known = set(
        session.exec(
            select(col(AbsenceDay.day)).where(
                AbsenceDay.child_id == child_id, col(AbsenceDay.day).in_(list(days))
            )
        ).all()
    )
    for day in sorted(set(days) - known):
        session.add(
            AbsenceDay(
                child_id=child_id, day=day, school_code=school_code, reported_by=by, reported_at=at
            )
        )


def add_return(session: Session, row: AbsenceReturn) -> None:
    session.add(row)

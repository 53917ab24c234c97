"""SQL of inclusive schooling: placements, home teaching plans, sessions, months missed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import exists, func, or_
from sqlmodel import Session, col, select

from shouhu.education.models import (
    ChildProjection,
    HomeTeachingMissed,
    HomeTeachingPlan,
    HomeTeachingSession,
    Placement,
)

TOWN_LENGTH, VILLAGE_LENGTH = 9, 12


# ---- placements ---------------------------------------------------------------------------


def current_placement(session: Session, child_id: str) -> Placement | None:
    """The child's current placement (one at most: the partial unique index)."""
    return session.exec(
        select(Placement).where(Placement.child_id == child_id, col(Placement.ended_on).is_(None))
    ).first()


def current_placements(session: Session, child_ids: Sequence[str]) -> dict[str, Placement]:
    if not child_ids:
        return {}
    rows = session.exec(
        select(Placement).where(
            col(Placement.child_id).in_(child_ids), col(Placement.ended_on).is_(None)
        )
    ).all()
    return {r.child_id: r for r in rows}


# ---- plans --------------------------------------------------------------------------------


def plan(session: Session, plan_id: str) -> HomeTeachingPlan | None:
    return session.get(HomeTeachingPlan, plan_id)


def current_plan(session: Session, child_id: str) -> HomeTeachingPlan | None:
    return session.exec(
        select(HomeTeachingPlan).where(
            HomeTeachingPlan.child_id == child_id, col(HomeTeachingPlan.ended_on).is_(None)
        )
    ).first()


def current_plans(session: Session, child_ids: Sequence[str]) -> dict[str, HomeTeachingPlan]:
    if not child_ids:
        return {}
    rows = session.exec(
        select(HomeTeachingPlan).where(
            col(HomeTeachingPlan.child_id).in_(child_ids),
            col(HomeTeachingPlan.ended_on).is_(None),
        )
    ).all()
    return {r.child_id: r for r in rows}


def plans_in(
    session: Session, division_code: str, limit: int
) -> list[tuple[HomeTeachingPlan, ChildProjection]]:
    """The current plans of the children living in a division (district, town or village)."""
    c, p = ChildProjection, HomeTeachingPlan
    query = (
        select(p, c).join(c, col(c.child_id) == col(p.child_id)).where(col(p.ended_on).is_(None))
    )
    if len(division_code) == TOWN_LENGTH:
        query = query.where(col(c.town_code) == division_code)
    elif len(division_code) == VILLAGE_LENGTH:
        query = query.where(col(c.residence_division_code) == division_code)
    query = query.order_by(col(c.residence_division_code), col(c.name), col(p.id)).limit(limit)
    return [(row[0], row[1]) for row in session.exec(query).all()]


# ---- sessions -----------------------------------------------------------------------------


def session_on(session: Session, plan_id: str, day: date) -> HomeTeachingSession | None:
    return session.exec(
        select(HomeTeachingSession).where(
            HomeTeachingSession.plan_id == plan_id, HomeTeachingSession.held_on == day
        )
    ).first()


def sessions_of(session: Session, child_id: str, last: int) -> list[HomeTeachingSession]:
    """The child's `last` sessions, newest first (of every plan the child had)."""
    return list(
        session.exec(
            select(HomeTeachingSession)
            .where(HomeTeachingSession.child_id == child_id)
            .order_by(
                col(HomeTeachingSession.held_on).desc(), col(HomeTeachingSession.recorded_at).desc()
            )
            .limit(last)
        ).all()
    )


def counted(session: Session, plan_ids: Sequence[str], start: date, end: date) -> dict[str, int]:
    """Per plan, its sessions from `start` to `end` (both included) long enough to count."""
    if not plan_ids:
        return {}
    s, p = HomeTeachingSession, HomeTeachingPlan
    rows = session.execute(
        select(col(s.plan_id), func.count())
        .join(p, col(p.id) == col(s.plan_id))
        .where(
            col(s.plan_id).in_(plan_ids),
            col(s.held_on) >= start,
            col(s.held_on) <= end,
            col(s.hours) >= col(p.min_hours),
        )
        .group_by(col(s.plan_id))
    ).all()
    return {row[0]: int(row[1]) for row in rows}


# ---- months missed ------------------------------------------------------------------------


def missed_of(session: Session, child_ids: Sequence[str]) -> dict[str, list[HomeTeachingMissed]]:
    """Each child's months missed, newest first."""
    if not child_ids:
        return {}
    rows = session.exec(
        select(HomeTeachingMissed)
        .where(col(HomeTeachingMissed.child_id).in_(child_ids))
        .order_by(col(HomeTeachingMissed.month).desc())
    ).all()
    out: dict[str, list[HomeTeachingMissed]] = {}
    for row in rows:
        out.setdefault(row.child_id, []).append(row)
    return out


def plans_to_check(
    session: Session, month: str, start: date, end: date
) -> list[tuple[HomeTeachingPlan, ChildProjection]]:
    """Plans in force some day of the month from `start` to `end` not yet flagged for it."""
    p, c, m = HomeTeachingPlan, ChildProjection, HomeTeachingMissed
    flagged = exists().where(col(m.plan_id) == col(p.id), col(m.month) == month)
    rows = session.exec(
        select(p, c)
        .join(c, col(c.child_id) == col(p.child_id))
        .where(
            col(p.since) <= end,
            or_(col(p.ended_on).is_(None), col(p.ended_on) > start),
            or_(col(c.exited_on).is_(None), col(c.exited_on) > start),
            ~flagged,
        )
        .order_by(col(p.id))
    ).all()
    return [(row[0], row[1]) for row in rows]


def add(
    session: Session,
    row: Placement | HomeTeachingPlan | HomeTeachingSession | HomeTeachingMissed,
) -> None:
    session.add(row)


def flush(session: Session) -> None:
    session.flush()

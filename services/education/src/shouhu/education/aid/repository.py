"""SQL of aid: standards, decisions, the children concerned."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import or_
from sqlmodel import Session, col, select

from shouhu.education.models import AidDecision, AidStandard, ChildProjection, Enrolment

NONE = "NONE"  # the primary category of a child neither in hardship nor left behind


def standards(session: Session) -> list[AidStandard]:
    """Every standard set, oldest first (a few rows a year)."""
    return list(
        session.exec(
            select(AidStandard).order_by(col(AidStandard.effective_from), col(AidStandard.set_at))
        ).all()
    )


def add(session: Session, row: AidStandard | AidDecision) -> None:
    session.add(row)


def open_enrolments(session: Session, child_ids: Sequence[str]) -> dict[str, Enrolment]:
    """Each child's open enrolment (ACTIVE or SUSPENDED), of those that have one."""
    if not child_ids:
        return {}
    rows = session.exec(
        select(Enrolment).where(
            col(Enrolment.child_id).in_(child_ids), col(Enrolment.ended_on).is_(None)
        )
    ).all()
    return {r.child_id: r for r in rows}


def decisions_of(session: Session, child_ids: Sequence[str]) -> dict[str, dict[str, AidDecision]]:
    """Each child's kept decisions, by programme."""
    found: dict[str, dict[str, AidDecision]] = {}
    if not child_ids:
        return found
    rows = session.exec(select(AidDecision).where(col(AidDecision.child_id).in_(child_ids))).all()
    for row in rows:
        found.setdefault(row.child_id, {})[row.programme] = row
    return found


def concerned_after(
    session: Session,
    stages: Collection[str],
    programmes: Collection[str],
    after: str | None,
    limit: int,
) -> list[str]:
    """The next children, by id, whose aid may change: classified (hardship or left-behind) and
    enrolled (open) at one of the stages, or with a kept decision on one of the programmes."""
    enrolled = (
        select(Enrolment.child_id)
        .join(ChildProjection, col(ChildProjection.child_id) == col(Enrolment.child_id))
        .where(
            col(Enrolment.ended_on).is_(None),
            col(Enrolment.stage).in_(stages),
            or_(col(ChildProjection.primary_category) != NONE, col(ChildProjection.left_behind)),
        )
    )
    decided = select(AidDecision.child_id).where(col(AidDecision.programme).in_(programmes))
    if after is not None:
        enrolled = enrolled.where(col(Enrolment.child_id) > after)
        decided = decided.where(col(AidDecision.child_id) > after)
    ids = set(session.exec(enrolled.order_by(col(Enrolment.child_id)).limit(limit)).all())
    ids |= set(
        session.exec(decided.distinct().order_by(col(AidDecision.child_id)).limit(limit)).all()
    )
    return sorted(ids)[:limit]

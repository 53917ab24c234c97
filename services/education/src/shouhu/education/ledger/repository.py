"""SQL of the semester ledger."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from shouhu.education.models import AidDecision, AidLine, AidSemester, AidTotal, ChildProjection

CHUNK = 1000


def semester(session: Session, code: str) -> AidSemester | None:
    return session.exec(select(AidSemester).where(AidSemester.semester == code)).first()


def semesters(session: Session, first: int) -> list[AidSemester]:
    return list(
        session.exec(
            select(AidSemester).order_by(col(AidSemester.starts_on).desc()).limit(first)
        ).all()
    )


def add(session: Session, row: AidSemester) -> None:
    session.add(row)


def eligible(session: Session, programmes: Sequence[str]) -> Iterator[Any]:
    """(child, name, village, town, programme, stage) of every eligible decision of a child still
    in scope, in the ledger's order (town, village, child, programme)."""
    query = (
        sa_select(
            col(AidDecision.child_id),
            col(ChildProjection.name),
            col(ChildProjection.residence_division_code),
            col(ChildProjection.town_code),
            col(AidDecision.programme),
            col(AidDecision.stage),
        )
        .join(ChildProjection, col(ChildProjection.child_id) == col(AidDecision.child_id))
        .where(
            col(AidDecision.eligible).is_(True),
            col(AidDecision.programme).in_(programmes),
            col(ChildProjection.status) != "EXITED",
        )
        .order_by(
            col(ChildProjection.town_code),
            col(ChildProjection.residence_division_code),
            col(AidDecision.child_id),
            col(AidDecision.programme),
        )
    )
    yield from session.execute(query)


def insert_lines(session: Session, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(AidLine), rows[start : start + CHUNK])


def insert_totals(session: Session, rows: list[AidTotal]) -> None:
    session.add_all(rows)


def totals(session: Session, semester_id: str, town: str | None) -> list[AidTotal]:
    query = select(AidTotal).where(AidTotal.semester_id == semester_id)
    if town is not None:
        query = query.where(AidTotal.town_code == town)
    return list(
        session.exec(query.order_by(col(AidTotal.town_code), col(AidTotal.programme))).all()
    )


def village_totals(session: Session, semester_id: str, village: str) -> list[Any]:
    """(town, programme, lines, fen) of one village, from the lines."""
    return list(
        session.execute(
            select(
                AidLine.town_code,
                AidLine.programme,
                func.count(),
                func.coalesce(func.sum(AidLine.amount_fen), 0),
            )
            .where(AidLine.semester_id == semester_id, AidLine.residence_division_code == village)
            .group_by(col(AidLine.town_code), col(AidLine.programme))
            .order_by(col(AidLine.town_code), col(AidLine.programme))
        ).all()
    )


def _in(semester_id: str, prefix: str, programme: str | None) -> list[Any]:
    where = [
        AidLine.semester_id == semester_id,
        col(AidLine.residence_division_code).startswith(prefix),
    ]
    if programme is not None:
        where.append(AidLine.programme == programme)
    return where


def lines(
    session: Session,
    semester_id: str,
    prefix: str,
    programme: str | None,
    after: int | None,
    limit: int,
) -> list[AidLine]:
    query = select(AidLine).where(*_in(semester_id, prefix, programme))
    if after is not None:
        query = query.where(col(AidLine.id) > after)
    return list(session.exec(query.order_by(col(AidLine.id)).limit(limit)).all())


def count_lines(session: Session, semester_id: str, prefix: str, programme: str | None) -> int:
    return int(
        session.execute(
            select(func.count()).select_from(AidLine).where(*_in(semester_id, prefix, programme))
        ).scalar_one()
    )


def stream_lines(session: Session, semester_id: str, prefix: str) -> Iterator[Any]:
    """(town, village, child, name, programme, stage, fen) lines in the ledger's order."""
    query = (
        sa_select(
            col(AidLine.town_code),
            col(AidLine.residence_division_code),
            col(AidLine.child_id),
            col(AidLine.child_name),
            col(AidLine.programme),
            col(AidLine.stage),
            col(AidLine.amount_fen),
        )
        .where(*_in(semester_id, prefix, None))
        .order_by(col(AidLine.id))
    )
    yield from session.execute(query.execution_options(yield_per=CHUNK))

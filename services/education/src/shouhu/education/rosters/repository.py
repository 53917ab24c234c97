"""SQL of the roster import."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, update
from sqlmodel import Session, col, select

from shouhu.education.models import Enrolment, RosterImport

ENROLMENTS = cast(Table, Enrolment.__table__)  # type: ignore[attr-defined]


def by_hash(session: Session, file_hash: str) -> RosterImport | None:
    return session.exec(select(RosterImport).where(RosterImport.file_hash == file_hash)).first()


def add_import(session: Session, row: RosterImport) -> None:
    """Written now: the same file imported concurrently fails here, on the unique hash."""
    session.add(row)
    session.flush()


def open_of_children(session: Session, child_ids: Sequence[str]) -> dict[str, Enrolment]:
    """Each child's open enrolment (ACTIVE or SUSPENDED), for those who have one."""
    if not child_ids:
        return {}
    rows = session.exec(
        select(Enrolment).where(
            col(Enrolment.child_id).in_(child_ids), col(Enrolment.ended_on).is_(None)
        )
    ).all()
    return {r.child_id: r for r in rows}


def end_transferred(
    session: Session, ended: Sequence[tuple[str, date, str]], now: datetime
) -> None:
    """(enrolment id, last day, the new enrolment's id): closed as transferred, in one statement
    (executemany), before the new ones open (the unique index of open enrolments)."""
    if not ended:
        return
    session.execute(
        update(ENROLMENTS)
        .where(ENROLMENTS.c.id == bindparam("b_id"))
        .values(
            status="ENDED",
            ended_on=bindparam("b_ended_on"),
            end_reason="TRANSFERRED",
            suspended_on=None,
            transferred_to=bindparam("b_to"),
            updated_at=now,
        ),
        [{"b_id": i, "b_ended_on": on, "b_to": to} for i, on, to in ended],
    )


def insert_enrolments(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """New enrolments in one INSERT (executemany)."""
    if rows:
        session.execute(insert(ENROLMENTS), list(rows))

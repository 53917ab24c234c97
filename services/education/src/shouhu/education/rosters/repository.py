"""SQL of the roster import."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, text, update
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
    """(enrolment id, last day, the new enrolment's id): closed as transferred, before the new
    ones open (the unique index of open enrolments); on PostgreSQL in one UPDATE … FROM
    unnest(…) of three arrays (a VALUES list of 1,000 rows costs more to compile than to run)."""
    if not ended:
        return
    closed = {
        "status": "ENDED",
        "end_reason": "TRANSFERRED",
        "suspended_on": None,
        "updated_at": now,
    }
    if session.get_bind().dialect.name != "postgresql":  # SQLite (tests, embedded): executemany
        session.execute(
            update(ENROLMENTS)
            .where(ENROLMENTS.c.id == bindparam("closed_id"))
            .values(
                **closed,
                ended_on=bindparam("closed_on"),
                transferred_to=bindparam("closed_to"),
            ),
            [{"closed_id": i, "closed_on": on, "closed_to": to} for i, on, to in ended],
        )
        return
    ids, days, to = (list(x) for x in zip(*ended, strict=True))
    session.execute(
        text(
            "UPDATE enrolment SET status = :status, end_reason = :end_reason,"
            " suspended_on = NULL, updated_at = :updated_at,"
            " ended_on = closing.closed_on, transferred_to = closing.closed_to"
            " FROM unnest(CAST(:ids AS varchar[]), CAST(:days AS date[]), CAST(:to AS varchar[]))"
            " AS closing (closed_id, closed_on, closed_to)"
            " WHERE enrolment.id = closing.closed_id"
        ),
        {**closed, "ids": ids, "days": days, "to": to},
    )


def insert_enrolments(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """New enrolments in one INSERT (executemany)."""
    if rows:
        session.execute(insert(ENROLMENTS), list(rows))

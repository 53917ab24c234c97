"""SQL of schools and their staff."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from shouhu.education.models import School, SchoolStaff


def school(session: Session, code: str) -> School | None:
    return session.get(School, code)


def schools_by_code(session: Session, codes: Sequence[str]) -> dict[str, School]:
    if not codes:
        return {}
    rows = session.exec(select(School).where(col(School.code).in_(set(codes)))).all()
    return {r.code: r for r in rows}


def schools(session: Session, town_prefix: str | None) -> Sequence[School]:
    query = select(School).order_by(col(School.town_code), col(School.code))
    if town_prefix:
        query = query.where(col(School.town_code).startswith(town_prefix))
    return session.exec(query).all()


def staff(session: Session, username: str) -> SchoolStaff | None:
    return session.get(SchoolStaff, username)


def add(session: Session, row: School | SchoolStaff) -> None:
    session.add(row)


def count(session: Session) -> int:
    return len(session.exec(select(School.code)).all())


def add_if_missing(
    session: Session, schools: Sequence[School], staff: Sequence[SchoolStaff]
) -> None:
    """Insert rows not there yet; replicas starting together both may try."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    tables = ((School.__table__, schools), (SchoolStaff.__table__, staff))  # type: ignore[attr-defined]
    for table, rows in tables:
        if rows:
            session.execute(
                dialect.insert(table)
                .values([r.model_dump() for r in rows])
                .on_conflict_do_nothing()
            )

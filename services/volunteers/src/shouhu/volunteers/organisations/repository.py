"""SQL of organisations."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from shouhu.volunteers.models import Organisation


def organisation(session: Session, organisation_id: str) -> Organisation | None:
    return session.get(Organisation, organisation_id)


def by_ids(session: Session, ids: Sequence[str]) -> dict[str, Organisation]:
    if not ids:
        return {}
    rows = session.exec(select(Organisation).where(col(Organisation.id).in_(set(ids)))).all()
    return {r.id: r for r in rows}


def named(session: Session, division_code: str, name: str) -> Organisation | None:
    query = select(Organisation).where(
        Organisation.division_code == division_code, Organisation.name == name
    )
    return session.exec(query).first()


def organisations(session: Session, division_prefix: str | None) -> Sequence[Organisation]:
    query = select(Organisation).order_by(
        col(Organisation.division_code), col(Organisation.kind), col(Organisation.name)
    )
    if division_prefix:
        query = query.where(col(Organisation.division_code).startswith(division_prefix))
    return session.exec(query).all()


def add(session: Session, row: Organisation) -> None:
    session.add(row)


def add_if_missing(session: Session, rows: Sequence[Organisation]) -> None:
    """Insert rows not there yet; replicas starting together both may try."""
    if not rows:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = Organisation.__table__  # type: ignore[attr-defined]
    session.execute(
        dialect.insert(table).values([r.model_dump() for r in rows]).on_conflict_do_nothing()
    )

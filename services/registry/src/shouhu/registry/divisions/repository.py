"""SQL of divisions."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from shouhu.platform import divisions
from shouhu.registry.models import Division


@dataclass(frozen=True)
class Place:
    """A division's place in the network: what the checks of a new file ask of it."""

    code: str
    level: str
    parent_code: str | None


# Divisions are reference data: the seed writes them once and nothing changes them after, so a
# division read once stays as it was (only those found: a code unknown may be seeded later).
_places: dict[str, Place] = {}


def get(session: Session, code: str) -> Division | None:
    return session.get(Division, code)


def place(session: Session, code: str) -> Place | None:
    """A division's level and parent, read once per process."""
    known = _places.get(code)
    if known is None:
        row = session.get(Division, code)
        if row is None:
            return None
        known = _places[code] = Place(row.code, row.level, row.parent_code)
    return known


def children_of(session: Session, parent_code: str) -> Sequence[Division]:
    return session.exec(
        select(Division).where(Division.parent_code == parent_code).order_by(col(Division.code))
    ).all()


def every(session: Session) -> Sequence[Division]:
    return session.exec(select(Division).order_by(col(Division.code))).all()


def by_codes(session: Session, codes: Sequence[str]) -> Sequence[Division]:
    return session.exec(select(Division).where(col(Division.code).in_(codes))).all()


def seed(session: Session) -> int:
    """Load the shipped division file once; returns how many rows were added."""
    if session.exec(select(Division).limit(1)).first() is not None:
        return 0
    rows = divisions.rows()
    for row in rows:
        session.add(
            Division(
                code=row["code"],
                name=row["name"],
                level=row["level"].upper(),
                parent_code=row["parent_code"] or None,
            )
        )
    return len(rows)

"""SQL of divisions."""

import csv
from collections.abc import Sequence
from importlib import resources

from sqlmodel import Session, col, select

from shouhu.registry.models import Division


def get(session: Session, code: str) -> Division | None:
    return session.get(Division, code)


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
    source = resources.files("shouhu.registry") / "data" / "mentougou-divisions.csv"
    with source.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
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

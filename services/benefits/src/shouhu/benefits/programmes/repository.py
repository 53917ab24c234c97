"""SQL of programmes and standards."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from shouhu.benefits.models import BenefitStandard, ProgrammeSetting, StandardChange


def add(session: Session, row: object) -> None:
    session.add(row)


def add_settings_if_missing(session: Session, rows: Sequence[ProgrammeSetting]) -> None:
    """Insert settings not there yet; replicas starting together both may try."""
    if not rows:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(
        dialect.insert(ProgrammeSetting.__table__)  # type: ignore[attr-defined]
        .values(
            [
                {c: getattr(r, c) for c in ("code", "enabled", "updated_by", "updated_at")}
                for r in rows
            ]
        )
        .on_conflict_do_nothing()
    )


def settings(session: Session) -> Sequence[ProgrammeSetting]:
    return session.exec(select(ProgrammeSetting)).all()


def setting(session: Session, code: str) -> ProgrammeSetting | None:
    return session.get(ProgrammeSetting, code)


def standard(session: Session, code: str, year: int) -> BenefitStandard | None:
    return session.get(BenefitStandard, (code, year))


def standards_up_to(session: Session, year: int) -> Sequence[BenefitStandard]:
    """Every standard set for a year up to `year`, oldest first."""
    return session.exec(
        select(BenefitStandard)
        .where(col(BenefitStandard.year) <= year)
        .order_by(col(BenefitStandard.year))
    ).all()


def standards_of(session: Session, code: str) -> Sequence[BenefitStandard]:
    return session.exec(
        select(BenefitStandard)
        .where(BenefitStandard.programme == code)
        .order_by(col(BenefitStandard.year))
    ).all()


def changes_of(session: Session, code: str) -> Sequence[StandardChange]:
    return session.exec(
        select(StandardChange)
        .where(StandardChange.programme == code)
        .order_by(col(StandardChange.seq))
    ).all()

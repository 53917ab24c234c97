"""SQL of support plans."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from shouhu.registry.models import PlanMeasure


def add(session: Session, row: object) -> None:
    session.add(row)


def get(session: Session, measure_id: str) -> PlanMeasure | None:
    return session.get(PlanMeasure, measure_id)


def by_source_ref(session: Session, source_ref: str) -> PlanMeasure | None:
    return session.exec(select(PlanMeasure).where(PlanMeasure.source_ref == source_ref)).first()


def measures_of_many(session: Session, child_ids: Sequence[str]) -> Sequence[PlanMeasure]:
    """The measures of many children's plans, each plan's oldest first."""
    return session.exec(
        select(PlanMeasure)
        .where(col(PlanMeasure.child_id).in_(child_ids))
        .order_by(col(PlanMeasure.child_id), col(PlanMeasure.created_at), col(PlanMeasure.id))
    ).all()


def update_at_version(
    session: Session, measure: PlanMeasure, version: int, values: dict[str, Any]
) -> bool:
    """Write the values and the next version only if the row is still at `version`."""
    result = session.exec(
        update(PlanMeasure)
        .where(col(PlanMeasure.id) == measure.id, col(PlanMeasure.version) == version)
        .values(**values, version=version + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    session.refresh(measure)
    return True

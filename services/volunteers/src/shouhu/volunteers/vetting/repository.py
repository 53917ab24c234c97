"""SQL of vetting."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import Session, col, select

from shouhu.volunteers.models import Vetting


def of_volunteers(session: Session, volunteer_ids: Sequence[str]) -> dict[str, list[Vetting]]:
    """Each volunteer's checks, the latest first."""
    found: dict[str, list[Vetting]] = defaultdict(list)
    if not volunteer_ids:
        return found
    query = (
        select(Vetting)
        .where(col(Vetting.volunteer_id).in_(set(volunteer_ids)))
        .order_by(col(Vetting.checked_on).desc(), col(Vetting.recorded_at).desc())
    )
    for row in session.exec(query).all():
        found[row.volunteer_id].append(row)
    return found


def add(session: Session, row: Vetting) -> None:
    session.add(row)

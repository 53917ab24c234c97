"""Rules of the children's projection: what each registry event changes; never commits."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from shouhu.education.children import repository
from shouhu.education.models import ChildProjection
from shouhu.platform.events import utcnow

EXITED = "EXITED"
DISABLED = "DISABLED"


class _Unsaid:
    """An event that does not carry a field (older than the field), unlike one saying null."""


UNSAID: Any = _Unsaid()


def record_child(
    session: Session,
    child_id: str,
    *,
    name: str | None,
    birth_date: date,
    residence: str,
    town: str,
    hukou: str | None = UNSAID,
) -> ChildProjection:
    """Create or refresh a child's row from an event that carries the identity part; the hukou
    only when the event carries it (`UNSAID` keeps the row's)."""
    row = repository.facts(session, child_id)
    if row is None:
        row = ChildProjection(
            child_id=child_id,
            name=name or "",
            birth_date=birth_date,
            residence_division_code=residence,
            town_code=town,
            classifications=[],
            updated_at=utcnow(),
        )
    if name is not None:
        row.name = name
    row.birth_date, row.residence_division_code, row.town_code = birth_date, residence, town
    if hukou is not UNSAID:
        row.hukou_division_code = hukou or None
    row.updated_at = utcnow()
    repository.add(session, row)
    return row


def record_classifications(
    session: Session,
    child_id: str,
    *,
    birth_date: date,
    residence: str,
    town: str,
    classifications: list[dict[str, Any]],
    primary_category: str,
    left_behind: bool,
) -> ChildProjection:
    """The complete active set of classifications, and what follows from it."""
    row = record_child(
        session, child_id, name=None, birth_date=birth_date, residence=residence, town=town
    )
    row.classifications = classifications
    row.primary_category, row.left_behind = primary_category, left_behind
    # Disability is the one health fact education needs (inclusive schooling, home teaching).
    row.disabled = any(c["subtype"] == DISABLED for c in classifications)
    repository.add(session, row)
    return row


def record_exit(session: Session, child_id: str, exited_on: date, residence: str) -> bool:
    """Mark a child exited; False when education never knew the child."""
    row = repository.facts(session, child_id)
    if row is None:
        return False
    row.status, row.exited_on, row.residence_division_code = EXITED, exited_on, residence
    row.updated_at = utcnow()
    repository.add(session, row)
    return True

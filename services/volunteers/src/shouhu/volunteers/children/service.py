"""Rules of the children's projection: what each registry event changes; never commits."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from shouhu.platform.events import utcnow
from shouhu.volunteers.children import repository
from shouhu.volunteers.models import ChildFacts

ACTIVE = "ACTIVE"
EXITED = "EXITED"


def record_child(
    session: Session,
    child_id: str,
    *,
    name: str,
    birth_date: date,
    residence: str,
    town: str,
) -> ChildFacts:
    """Create or refresh a child's row from an event that carries the identity part."""
    row = repository.child(session, child_id)
    if row is None:
        row = ChildFacts(
            child_id=child_id,
            name=name,
            birth_date=birth_date,
            residence_division_code=residence,
            town_code=town,
            needs=[],
            updated_at=utcnow(),
        )
    row.name, row.birth_date = name, birth_date
    row.residence_division_code, row.town_code = residence, town
    row.updated_at = utcnow()
    repository.add(session, row)
    return row


def add_needs(session: Session, child_id: str, needs: list[str]) -> ChildFacts | None:
    """The child needs these too (kept: a need learned stays until the child leaves)."""
    row = repository.child(session, child_id)
    if row is None or not needs:
        return row
    merged = list(dict.fromkeys([*row.needs, *needs]))
    if merged != row.needs:
        row.needs = merged
        row.updated_at = utcnow()
        repository.add(session, row)
    return row


def record_exit(session: Session, child_id: str, residence: str) -> ChildFacts | None:
    """The child left the registry's scope; None when volunteers never knew the child."""
    row = repository.child(session, child_id)
    if row is None:
        return None
    row.status, row.residence_division_code = EXITED, residence
    row.updated_at = utcnow()
    repository.add(session, row)
    return row

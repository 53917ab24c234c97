"""SQL of volunteers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, false, or_
from sqlmodel import Session, col, select

from shouhu.volunteers.models import Organisation, Volunteer, VolunteerArea


def volunteer(session: Session, volunteer_id: str) -> Volunteer | None:
    return session.get(Volunteer, volunteer_id)


def by_hashes(session: Session, hashes: Sequence[str]) -> Volunteer | None:
    """The volunteer whose identity number has one of these lookup hashes (one per key)."""
    query = select(Volunteer).where(col(Volunteer.id_number_hash).in_(list(hashes)))
    return session.exec(query).first()


def held_hashes(session: Session, hashes: Sequence[str]) -> set[str]:
    """Which of these lookup hashes a registered volunteer holds (in chunks of 5,000)."""
    held: set[str] = set()
    listed = list(hashes)
    for start in range(0, len(listed), 5000):
        chunk = listed[start : start + 5000]
        query = select(Volunteer.id_number_hash).where(col(Volunteer.id_number_hash).in_(chunk))
        held.update(session.exec(query).all())
    return held


def add(session: Session, row: Volunteer) -> None:
    session.add(row)


def flush(session: Session) -> None:
    session.flush()


def flush_new(session: Session) -> None:
    """Many new volunteers written at once: their rows first, then what refers to them (the
    unit of work knows no order between these tables, which have no relationships)."""
    session.flush([o for o in session.new if isinstance(o, Volunteer)])
    session.flush()


def add_area(session: Session, volunteer_id: str, codes: Sequence[str]) -> None:
    """The service area's rows (indexed by division), after the volunteer's row."""
    for code in dict.fromkeys(codes):
        session.add(VolunteerArea(division_code=code, volunteer_id=volunteer_id))


def vetted_on(day: date) -> ColumnElement[bool]:
    """Vetted on a day: trained, and the record check still current."""
    return and_(col(Volunteer.trained), col(Volunteer.check_valid_until) >= day)


def page(
    session: Session,
    division_prefix: str,
    acting_roles: frozenset[str] | None,
    vetted: bool | None,
    on: date,
    first: int,
    after: tuple[datetime, str] | None,
) -> Sequence[Volunteer]:
    """Up to `first + 1` volunteers of a division, newest registration first."""
    query = select(Volunteer).where(col(Volunteer.division_code).startswith(division_prefix))
    if acting_roles is not None:
        if not acting_roles:
            query = query.where(false())
        query = query.join(Organisation, col(Organisation.id) == col(Volunteer.organisation_id))
        query = query.where(col(Organisation.acting_role).in_(sorted(acting_roles)))
    if vetted is True:
        query = query.where(vetted_on(on))
    elif vetted is False:
        query = query.where(
            or_(
                ~col(Volunteer.trained),
                col(Volunteer.check_valid_until).is_(None),
                col(Volunteer.check_valid_until) < on,
            )
        )
    if after is not None:
        at, last_id = after
        query = query.where(
            or_(
                col(Volunteer.registered_at) < at,
                and_(col(Volunteer.registered_at) == at, col(Volunteer.id) < last_id),
            )
        )
    query = query.order_by(col(Volunteer.registered_at).desc(), col(Volunteer.id).desc())
    return session.exec(query.limit(first + 1)).all()


def with_check_ending(session: Session, last_valid_day: date) -> Sequence[Volunteer]:
    """Volunteers whose current record check's last valid day is this one."""
    query = select(Volunteer).where(Volunteer.check_valid_until == last_valid_day)
    return session.exec(query.order_by(col(Volunteer.id))).all()

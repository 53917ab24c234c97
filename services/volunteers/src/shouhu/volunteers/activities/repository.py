"""SQL of activities."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, col, select

from shouhu.volunteers.models import Activity, ActivityVolunteer, Organisation, Volunteer


def activity(session: Session, activity_id: str) -> Activity | None:
    return session.get(Activity, activity_id)


def add(session: Session, row: Activity | ActivityVolunteer) -> None:
    session.add(row)


def signed_up(session: Session, activity_ids: Sequence[str]) -> dict[str, list[ActivityVolunteer]]:
    """Each activity's volunteers, in the order they signed up."""
    found: dict[str, list[ActivityVolunteer]] = defaultdict(list)
    if not activity_ids:
        return found
    query = (
        select(ActivityVolunteer)
        .where(col(ActivityVolunteer.activity_id).in_(set(activity_ids)))
        .order_by(col(ActivityVolunteer.signed_up_at), col(ActivityVolunteer.volunteer_id))
    )
    for row in session.exec(query).all():
        found[row.activity_id].append(row)
    return found


def sign_up(session: Session, activity_id: str, volunteer_id: str) -> ActivityVolunteer | None:
    return session.get(ActivityVolunteer, (activity_id, volunteer_id))


def names(session: Session, volunteer_ids: Sequence[str]) -> dict[str, str]:
    """Volunteers' names by id."""
    if not volunteer_ids:
        return {}
    query = select(Volunteer.id, Volunteer.name).where(col(Volunteer.id).in_(set(volunteer_ids)))
    return {vid: name for vid, name in session.exec(query).all()}


def volunteers(session: Session, volunteer_ids: Sequence[str]) -> dict[str, Volunteer]:
    if not volunteer_ids:
        return {}
    query = select(Volunteer).where(col(Volunteer.id).in_(set(volunteer_ids)))
    return {row.id: row for row in session.exec(query).all()}


def in_division(
    session: Session,
    division_prefix: str,
    wider: Sequence[str],
    start: date | None,
    end: date | None,
) -> Sequence[Activity]:
    """Activities within a division, and those held for a division containing it (`wider`),
    by day then name."""
    query = select(Activity).where(
        or_(
            col(Activity.division_code).startswith(division_prefix),
            col(Activity.division_code).in_(list(wider)),
        )
    )
    if start is not None:
        query = query.where(col(Activity.on) >= start)
    if end is not None:
        query = query.where(col(Activity.on) <= end)
    query = query.order_by(col(Activity.on).desc(), col(Activity.title), col(Activity.id))
    return session.exec(query.limit(500)).all()


def of_volunteer(session: Session, volunteer_id: str) -> Sequence[Activity]:
    """The activities a volunteer signed up for, latest first."""
    query = (
        select(Activity)
        .join(ActivityVolunteer, col(ActivityVolunteer.activity_id) == col(Activity.id))
        .where(ActivityVolunteer.volunteer_id == volunteer_id)
        .order_by(col(Activity.on).desc(), col(Activity.id))
    )
    return session.exec(query).all()


def of_acting_roles(
    session: Session, volunteer_ids: Sequence[str], acting_roles: frozenset[str]
) -> set[str]:
    """Those of the volunteers whose organisation is acted for by one of the roles."""
    if not volunteer_ids or not acting_roles:
        return set()
    query = (
        select(Volunteer.id)
        .join(Organisation, col(Organisation.id) == col(Volunteer.organisation_id))
        .where(col(Volunteer.id).in_(set(volunteer_ids)))
        .where(col(Organisation.acting_role).in_(sorted(acting_roles)))
    )
    return set(session.exec(query).all())

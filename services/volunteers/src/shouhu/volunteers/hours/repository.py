"""SQL of service hours."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from shouhu.volunteers.models import ServiceHours

APPROVED = "APPROVED"
RECORDED = "RECORDED"
REJECTED = "REJECTED"


def hours(session: Session, hours_id: str) -> ServiceHours | None:
    return session.get(ServiceHours, hours_id)


def add(session: Session, row: ServiceHours) -> None:
    session.add(row)


def totals(session: Session, volunteer_ids: Sequence[str]) -> dict[str, float]:
    """Each volunteer's approved hours (those without any are left out)."""
    if not volunteer_ids:
        return {}
    query = (
        select(ServiceHours.volunteer_id, func.sum(ServiceHours.hours))
        .where(col(ServiceHours.volunteer_id).in_(set(volunteer_ids)))
        .where(ServiceHours.status == APPROVED)
        .group_by(col(ServiceHours.volunteer_id))
    )
    return {vid: float(total or 0) for vid, total in session.exec(query).all()}


def day_total(session: Session, volunteer_id: str, on: date) -> float:
    """A volunteer's hours on a day, recorded or approved (a rejected record does not count)."""
    query = select(func.coalesce(func.sum(ServiceHours.hours), 0.0)).where(
        ServiceHours.volunteer_id == volunteer_id,
        ServiceHours.on == on,
        ServiceHours.status != REJECTED,
    )
    return float(session.exec(query).one())


def for_activity(session: Session, activity_id: str, volunteer_id: str) -> ServiceHours | None:
    """The volunteer's standing (not rejected) record for an activity."""
    query = select(ServiceHours).where(
        ServiceHours.activity_id == activity_id,
        ServiceHours.volunteer_id == volunteer_id,
        ServiceHours.status != REJECTED,
    )
    return session.exec(query).first()


def volunteers_with_hours(session: Session, activity_id: str) -> frozenset[str]:
    """The volunteers with a standing record for an activity."""
    query = select(ServiceHours.volunteer_id).where(
        ServiceHours.activity_id == activity_id, ServiceHours.status != REJECTED
    )
    return frozenset(session.exec(query).all())


def of_volunteer(session: Session, volunteer_id: str) -> Sequence[ServiceHours]:
    """Every record of a volunteer, the latest day first."""
    query = (
        select(ServiceHours)
        .where(ServiceHours.volunteer_id == volunteer_id)
        .order_by(col(ServiceHours.on).desc(), col(ServiceHours.recorded_at).desc())
    )
    return session.exec(query).all()


def to_decide(session: Session, organisation_ids: Sequence[str] | None) -> Sequence[ServiceHours]:
    """Records waiting for approval, of these organisations (None: all), oldest first."""
    query = select(ServiceHours).where(ServiceHours.status == RECORDED)
    if organisation_ids is not None:
        query = query.where(col(ServiceHours.organisation_id).in_(list(organisation_ids)))
    query = query.order_by(col(ServiceHours.recorded_at), col(ServiceHours.id))
    return session.exec(query.limit(500)).all()

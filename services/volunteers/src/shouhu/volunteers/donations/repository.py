"""SQL of donations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import update
from sqlmodel import Session, col, select

from shouhu.volunteers.models import Donation, DonationUse, Organisation


def donation(session: Session, donation_id: str) -> Donation | None:
    return session.get(Donation, donation_id)


def donations(
    session: Session,
    acting_roles: frozenset[str] | None,
    organisation_id: str | None,
    limit: int,
) -> Sequence[Donation]:
    """Newest first; of the organisations acted for by `acting_roles` (None: all)."""
    query = select(Donation).order_by(
        col(Donation.received_on).desc(), col(Donation.recorded_at).desc(), col(Donation.id)
    )
    if acting_roles is not None:
        query = query.join(Organisation, col(Organisation.id) == col(Donation.organisation_id))
        query = query.where(col(Organisation.acting_role).in_(list(acting_roles)))
    if organisation_id is not None:
        query = query.where(Donation.organisation_id == organisation_id)
    return session.exec(query.limit(limit)).all()


def of_year(session: Session, start: date, end: date) -> Sequence[Donation]:
    query = (
        select(Donation)
        .where(col(Donation.received_on) >= start, col(Donation.received_on) < end)
        .order_by(col(Donation.received_on), col(Donation.id))
    )
    return session.exec(query).all()


def uses_between(session: Session, start: date, end: date) -> Sequence[DonationUse]:
    query = (
        select(DonationUse)
        .where(col(DonationUse.used_on) >= start, col(DonationUse.used_on) < end)
        .order_by(col(DonationUse.used_on), col(DonationUse.id))
    )
    return session.exec(query).all()


def uses_of(session: Session, donation_ids: Sequence[str]) -> dict[str, list[DonationUse]]:
    found: dict[str, list[DonationUse]] = {i: [] for i in donation_ids}
    if not donation_ids:
        return found
    query = (
        select(DonationUse)
        .where(col(DonationUse.donation_id).in_(list(donation_ids)))
        .order_by(col(DonationUse.used_on).desc(), col(DonationUse.recorded_at).desc())
    )
    for row in session.exec(query).all():
        found[row.donation_id].append(row)
    return found


def by_ids(session: Session, ids: Sequence[str]) -> dict[str, Donation]:
    if not ids:
        return {}
    rows = session.exec(select(Donation).where(col(Donation.id).in_(set(ids)))).all()
    return {r.id: r for r in rows}


def take(session: Session, donation_id: str, amount: int) -> bool:
    """Count `amount` as used, only while it is within what is left: one statement, so two
    uses at once cannot both spend the last of it."""
    table = Donation.__table__  # type: ignore[attr-defined]
    result = session.execute(
        update(table)
        .where(table.c.id == donation_id, table.c.used + amount <= table.c.amount)
        .values(used=table.c.used + amount, version=table.c.version + 1)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def add(session: Session, row: Donation | DonationUse) -> None:
    session.add(row)


def refresh(session: Session, row: Donation) -> None:
    session.refresh(row)

"""SQL of caring families."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from shouhu.volunteers.models import CaringFamily, CaringFamilyLink


def family(session: Session, family_id: str) -> CaringFamily | None:
    return session.get(CaringFamily, family_id)


def by_hashes(session: Session, hashes: Sequence[str]) -> CaringFamily | None:
    query = select(CaringFamily).where(col(CaringFamily.id_number_hash).in_(list(hashes)))
    return session.exec(query).first()


def families(session: Session, division_prefix: str, status: str | None) -> Sequence[CaringFamily]:
    query = (
        select(CaringFamily)
        .where(col(CaringFamily.division_code).startswith(division_prefix))
        .order_by(col(CaringFamily.registered_at).desc(), col(CaringFamily.id))
    )
    if status is not None:
        query = query.where(CaringFamily.status == status)
    return session.exec(query).all()


def link(session: Session, link_id: str) -> CaringFamilyLink | None:
    return session.get(CaringFamilyLink, link_id)


def links_of(session: Session, family_ids: Sequence[str]) -> dict[str, list[CaringFamilyLink]]:
    found: dict[str, list[CaringFamilyLink]] = {i: [] for i in family_ids}
    if not family_ids:
        return found
    query = (
        select(CaringFamilyLink)
        .where(col(CaringFamilyLink.family_id).in_(list(family_ids)))
        .order_by(col(CaringFamilyLink.starts_on).desc(), col(CaringFamilyLink.id))
    )
    for row in session.exec(query).all():
        found[row.family_id].append(row)
    return found


def active_link(session: Session, family_id: str, child_id: str) -> CaringFamilyLink | None:
    query = select(CaringFamilyLink).where(
        CaringFamilyLink.family_id == family_id,
        CaringFamilyLink.child_id == child_id,
        col(CaringFamilyLink.ended_on).is_(None),
    )
    return session.exec(query).first()


def add(session: Session, row: CaringFamily | CaringFamilyLink) -> None:
    session.add(row)


def flush(session: Session) -> None:
    session.flush()

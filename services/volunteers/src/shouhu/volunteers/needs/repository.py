"""SQL of needs and offers."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import case, update
from sqlmodel import Session, col, select

from shouhu.volunteers.models import Need, Offer


def need(session: Session, need_id: str) -> Need | None:
    return session.get(Need, need_id)


def offer(session: Session, offer_id: str) -> Offer | None:
    return session.get(Offer, offer_id)


def needs(session: Session, division_prefix: str, status: str | None) -> Sequence[Need]:
    query = (
        select(Need)
        .where(col(Need.division_code).startswith(division_prefix))
        .order_by(col(Need.raised_at).desc(), col(Need.id))
    )
    if status is not None:
        query = query.where(Need.status == status)
    return session.exec(query).all()


def offers(session: Session, division_prefix: str | None, open_only: bool) -> Sequence[Offer]:
    query = select(Offer).order_by(col(Offer.created_at).desc(), col(Offer.id))
    if division_prefix:
        query = query.where(col(Offer.division_code).startswith(division_prefix))
    if open_only:
        query = query.where(Offer.status == "OPEN")
    return session.exec(query).all()


def by_ids(session: Session, ids: Sequence[str]) -> dict[str, Offer]:
    if not ids:
        return {}
    return {o.id: o for o in session.exec(select(Offer).where(col(Offer.id).in_(set(ids)))).all()}


def take_place(session: Session, offer_id: str) -> bool:
    """One unit of the offer matched, only while one is left (one statement: no double take)."""
    table = Offer.__table__  # type: ignore[attr-defined]
    result = session.execute(
        update(table)
        .where(table.c.id == offer_id, table.c.matched < table.c.quantity)
        .values(
            matched=table.c.matched + 1,
            status=case((table.c.matched + 1 >= table.c.quantity, "FULL"), else_="OPEN"),
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def add(session: Session, row: Need | Offer) -> None:
    session.add(row)


def refresh(session: Session, row: Need | Offer) -> None:
    session.refresh(row)


def by_source_ref(session: Session, source_ref: str) -> Need | None:
    return session.exec(select(Need).where(col(Need.source_ref) == source_ref)).first()


def open_of_child(session: Session, child_id: str, sources: Sequence[str]) -> Sequence[Need]:
    """The child's needs not closed, raised from these sources."""
    query = select(Need).where(
        col(Need.child_id) == child_id,
        col(Need.status) != "CLOSED",
        col(Need.source).in_(list(sources)),
    )
    return session.exec(query.order_by(col(Need.raised_at), col(Need.id))).all()

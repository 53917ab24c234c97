"""SQL of volunteers' accounts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from shouhu.volunteers.models import Volunteer, VolunteerAccount


def account(session: Session, volunteer_id: str) -> VolunteerAccount | None:
    return session.get(VolunteerAccount, volunteer_id)


def of_volunteers(session: Session, ids: Sequence[str]) -> dict[str, VolunteerAccount]:
    if not ids:
        return {}
    query = select(VolunteerAccount).where(col(VolunteerAccount.volunteer_id).in_(list(ids)))
    return {row.volunteer_id: row for row in session.exec(query)}


def taken(session: Session, usernames: Iterable[str]) -> set[str]:
    """Which of these usernames are held already."""
    names = list(usernames)
    if not names:
        return set()
    query = select(VolunteerAccount.username).where(col(VolunteerAccount.username).in_(names))
    return set(session.exec(query))


def add(session: Session, row: VolunteerAccount) -> None:
    session.add(row)


def unsynced(session: Session, limit: int) -> Sequence[VolunteerAccount]:
    """Accounts the identity provider does not hold as it should, oldest first."""
    query = (
        select(VolunteerAccount)
        .where(col(VolunteerAccount.synced).is_(False))
        # Ones that failed before go after the others, so they cannot hold up a batch.
        .order_by(
            col(VolunteerAccount.attempts),
            col(VolunteerAccount.created_at),
            col(VolunteerAccount.volunteer_id),
        )
        .limit(limit)
    )
    return session.exec(query).all()


def mark_synced(
    session: Session, volunteer_id: str, seen: datetime, now: datetime, made: bool
) -> None:
    """Synced, unless the account changed since it was read (then the next round takes it);
    once made, the sealed initial password is dropped."""
    values: dict[str, object] = {"synced": True, "last_error": None}
    if made:
        values |= {"made_at": now, "password_cipher": None, "password_key_id": None}
    session.execute(
        update(VolunteerAccount)
        .where(col(VolunteerAccount.volunteer_id) == volunteer_id)
        .where(col(VolunteerAccount.updated_at) == seen)
        .values(**values)
    )


def mark_failed(session: Session, volunteer_id: str, error: str) -> None:
    session.execute(
        update(VolunteerAccount)
        .where(col(VolunteerAccount.volunteer_id) == volunteer_id)
        .values(attempts=VolunteerAccount.attempts + 1, last_error=error[:500])
    )


def without_account(session: Session, limit: int) -> Sequence[Volunteer]:
    """Registered volunteers who have no account row at all, oldest registration first."""
    query = (
        select(Volunteer)
        .outerjoin(VolunteerAccount, col(VolunteerAccount.volunteer_id) == col(Volunteer.id))
        .where(col(VolunteerAccount.volunteer_id).is_(None))
        .order_by(col(Volunteer.registered_at), col(Volunteer.id))
        .limit(limit)
    )
    return session.exec(query).all()


def retry_failed(session: Session) -> int:
    """Accounts that failed to be made, tried again first (their attempts forgotten)."""
    result = session.execute(
        update(VolunteerAccount)
        .where(col(VolunteerAccount.synced).is_(False), col(VolunteerAccount.attempts) > 0)
        .values(attempts=0)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]

"""SQL of re-encryption: files sealed under other keys, by id, and their conditional update."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import Row, Table, func, or_, select, update
from sqlmodel import Session

from shouhu.platform.identity import Sealed
from shouhu.registry.models import Child

# Plain table statements: a re-encrypted file keeps its version (nobody's edit conflicts).
CHILD = cast(Table, Child.__table__)  # type: ignore[attr-defined]


def count_by_key(session: Session) -> dict[str | None, int]:
    """How many identity numbers each key id seals."""
    rows = session.execute(
        select(CHILD.c.id_number_key_id, func.count())
        .where(CHILD.c.id_number_cipher.is_not(None))
        .group_by(CHILD.c.id_number_key_id)
    ).all()
    return {key_id: int(count) for key_id, count in rows}


def sealed_under_others(
    session: Session, key_id: str, *, after: str, limit: int
) -> Sequence[Row[tuple[str, str, str | None]]]:
    """The next files by id whose number is sealed under a key other than this one."""
    c = CHILD.c
    return session.execute(
        select(c.id, c.id_number_cipher, c.id_number_key_id)
        .where(
            c.id_number_cipher.is_not(None),
            or_(c.id_number_key_id.is_(None), c.id_number_key_id != key_id),
            c.id > after,
        )
        .order_by(c.id)
        .limit(limit)
    ).all()


def holders(session: Session, id_hashes: Sequence[str]) -> dict[str, str]:
    """The file holding each of these identity-number hashes, by hash."""
    if not id_hashes:
        return {}
    rows = session.execute(
        select(CHILD.c.id_number_hash, CHILD.c.id).where(CHILD.c.id_number_hash.in_(id_hashes))
    ).all()
    return {id_hash: child_id for id_hash, child_id in rows}


def reseal(session: Session, child_id: str, old_cipher: str, sealed: Sealed) -> bool:
    """Store a file's number sealed anew, only if nobody changed it since it was read."""
    result = session.connection().execute(
        update(CHILD)
        .where(CHILD.c.id == child_id, CHILD.c.id_number_cipher == old_cipher)
        .values(**sealed.columns())
    )
    return int(result.rowcount) == 1

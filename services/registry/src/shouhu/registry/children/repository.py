"""SQL of children's files."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import cast

from sqlalchemy import ColumnElement, Table, and_, delete, exists, func, insert, or_, tuple_
from sqlmodel import Session, col, select

from shouhu.platform.db import values_of
from shouhu.registry.models import (
    CategoryPeriod,
    Child,
    ChildHistory,
    Classification,
    DuplicateAnswer,
    DuplicateReview,
    Guardian,
    TransferRequest,
)

PERIODS = cast(Table, CategoryPeriod.__table__)  # type: ignore[attr-defined]


def get(session: Session, child_id: str) -> Child | None:
    return session.get(Child, child_id)


def get_many(session: Session, child_ids: Sequence[str]) -> Sequence[Child]:
    return session.exec(select(Child).where(col(Child.id).in_(child_ids))).all()


def by_id_hashes(
    session: Session, id_hashes: Sequence[str], *, other_than: str | None = None
) -> Child | None:
    """A file (other than one) whose identity number has one of these hashes."""
    query = select(Child).where(id_number_condition(id_hashes))
    if other_than is not None:
        query = query.where(col(Child.id) != other_than)
    return session.exec(query.order_by(col(Child.id))).first()


def ids_by_hashes(session: Session, id_hashes: Sequence[str]) -> list[tuple[str, str]]:
    """(hash, child id) of the files whose identity number has one of these hashes."""
    if not id_hashes:
        return []
    rows = session.exec(
        select(Child.id_number_hash, Child.id).where(id_number_condition(id_hashes))
    ).all()
    return [(h, child_id) for h, child_id in rows if h is not None]


def id_number_condition(id_hashes: Sequence[str]) -> ColumnElement[bool]:
    """Files whose identity number has one of these hashes (one per key of the ring)."""
    return col(Child.id_number_hash).in_(id_hashes)


def same_person(session: Session, name: str, birth_date: date, village: str) -> Child | None:
    """A file with the same name, birth date and village, the mark of a possible duplicate."""
    return session.exec(
        select(Child).where(
            Child.name == name,
            Child.birth_date == birth_date,
            Child.residence_division_code == village,
        )
    ).first()


def add(session: Session, row: object) -> None:
    session.add(row)


def guardians_of(session: Session, child_id: str) -> Sequence[Guardian]:
    return session.exec(
        select(Guardian).where(Guardian.child_id == child_id).order_by(col(Guardian.name))
    ).all()


def guardians_of_many(session: Session, child_ids: Sequence[str]) -> Sequence[Guardian]:
    return session.exec(
        select(Guardian)
        .where(col(Guardian.child_id).in_(child_ids))
        .order_by(col(Guardian.child_id), col(Guardian.name))
    ).all()


def remove_guardians(session: Session, child_id: str) -> None:
    session.exec(delete(Guardian).where(col(Guardian.child_id) == child_id))


def classifications_of(session: Session, child_id: str) -> Sequence[Classification]:
    return session.exec(
        select(Classification)
        .where(Classification.child_id == child_id)
        .order_by(col(Classification.since), col(Classification.subtype))
    ).all()


def classifications_of_many(session: Session, child_ids: Sequence[str]) -> Sequence[Classification]:
    return session.exec(
        select(Classification)
        .where(col(Classification.child_id).in_(child_ids))
        .order_by(
            col(Classification.child_id), col(Classification.since), col(Classification.subtype)
        )
    ).all()


def history_of_many(session: Session, child_ids: Sequence[str]) -> Sequence[ChildHistory]:
    return session.exec(
        select(ChildHistory)
        .where(col(ChildHistory.child_id).in_(child_ids))
        .order_by(col(ChildHistory.child_id), col(ChildHistory.seq))
    ).all()


def history_of(session: Session, child_id: str) -> Sequence[ChildHistory]:
    return session.exec(
        select(ChildHistory)
        .where(ChildHistory.child_id == child_id)
        .order_by(col(ChildHistory.seq))
    ).all()


def replace_periods(session: Session, child_id: str, periods: Sequence[CategoryPeriod]) -> None:
    session.exec(delete(CategoryPeriod).where(col(CategoryPeriod.child_id) == child_id))
    session.add_all(periods)


def add_periods(session: Session, periods: Sequence[CategoryPeriod]) -> None:
    """The periods of a new file, which has none to replace: one INSERT now, after what the
    session holds (flushed first; nothing is read back)."""
    if periods:
        session.flush()
        session.execute(insert(PERIODS).inline(), [values_of(PERIODS, p) for p in periods])


def add_review(session: Session, review: DuplicateReview) -> None:
    session.add(review)


def reviews_in(session: Session, town_prefix: str, status: str) -> Sequence[DuplicateReview]:
    return session.exec(
        select(DuplicateReview)
        .where(
            col(DuplicateReview.town_code).startswith(town_prefix),
            DuplicateReview.status == status,
        )
        .order_by(col(DuplicateReview.submitted_at))
    ).all()


def get_review(session: Session, review_id: str) -> DuplicateReview | None:
    return session.get(DuplicateReview, review_id)


def division_condition(division_code: str) -> ColumnElement[bool] | None:
    """Children within a division, by the column that serves the code's level."""
    if len(division_code) == 12:
        return col(Child.residence_division_code) == division_code
    if len(division_code) == 9:
        return col(Child.town_code) == division_code
    if len(division_code) == 6:
        return None  # every child of the registry lives in the district
    return col(Child.residence_division_code).startswith(division_code, autoescape=True)


def active_classification(
    today: date, *, group: str | None, subtypes: Collection[str]
) -> ColumnElement[bool]:
    """Has a classification in force today, of the group and one of the subtypes given."""
    conditions = [
        col(Classification.child_id) == col(Child.id),
        col(Classification.since) <= today,
        or_(col(Classification.until).is_(None), col(Classification.until) > today),
    ]
    if group:
        conditions.append(col(Classification.group) == group)
    if subtypes:
        conditions.append(col(Classification.subtype).in_(sorted(subtypes)))
    return exists().where(and_(*conditions))


def search(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    *,
    after: tuple[str, str] | None,
    limit: int,
) -> Sequence[Child]:
    """A keyset page ordered by (village, id)."""
    query = select(Child).where(*conditions)
    if after is not None:
        query = query.where(tuple_(col(Child.residence_division_code), col(Child.id)) > after)
    query = query.order_by(col(Child.residence_division_code), col(Child.id)).limit(limit)
    return session.exec(query).all()


def count(session: Session, conditions: Sequence[ColumnElement[bool]]) -> int:
    return int(session.exec(select(func.count()).select_from(Child).where(*conditions)).one())


def adults(session: Session, born_on_or_before: date, limit: int) -> Sequence[Child]:
    """Active children born on or before a day: those who have turned 18."""
    return session.exec(
        select(Child)
        .where(Child.status == "ACTIVE", col(Child.birth_date) <= born_on_or_before)
        .limit(limit)
    ).all()


def add_duplicate_answer(session: Session, answer: DuplicateAnswer) -> None:
    session.add(answer)


def duplicate_probe(
    session: Session,
    actor: str,
    since: datetime,
    id_hashes: Sequence[str],
    *,
    other_than: str | None = None,
) -> tuple[int, str | None]:
    """The `DUPLICATE` answers `actor` had since `since`, and the id of a file (other than
    one) whose identity number has one of these hashes: a registration asks both, in one
    statement."""
    holder = select(Child.id).where(id_number_condition(id_hashes))
    if other_than is not None:
        holder = holder.where(col(Child.id) != other_than)
    held = holder.order_by(col(Child.id)).limit(1).scalar_subquery()
    answers = (
        select(func.count())
        .where(col(DuplicateAnswer.actor) == actor, col(DuplicateAnswer.at) >= since)
        .scalar_subquery()
    )
    answered, child_id = session.exec(select(answers, held)).one()
    return int(answered), child_id


def add_transfer(session: Session, transfer: TransferRequest) -> None:
    session.add(transfer)


def get_transfer(session: Session, transfer_id: str) -> TransferRequest | None:
    return session.get(TransferRequest, transfer_id)


def pending_transfer(session: Session, child_id: str, to_village: str) -> TransferRequest | None:
    query = select(TransferRequest).where(
        col(TransferRequest.child_id) == child_id,
        col(TransferRequest.to_village) == to_village,
        col(TransferRequest.status) == "PENDING",
    )
    return session.exec(query).first()


def transfers(
    session: Session, status: str | None, requested_by: str | None
) -> Sequence[TransferRequest]:
    """Transfer requests, oldest first: of a status, of a requester, or all."""
    query = select(TransferRequest).order_by(
        col(TransferRequest.requested_at), col(TransferRequest.id)
    )
    if status:
        query = query.where(col(TransferRequest.status) == status)
    if requested_by:
        query = query.where(col(TransferRequest.requested_by) == requested_by)
    return session.exec(query.limit(500)).all()

"""SQL of the payment ledger: a batch is computed by the database in a few statements."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, and_, case, func, insert, literal, or_, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from shouhu.benefits.models import ChildFacts, Entitlement, PaymentBatch, PaymentLine, PaymentTotal


def add(session: Session, row: object) -> None:
    session.add(row)


def batch_by_month(session: Session, month: str) -> PaymentBatch | None:
    return session.exec(select(PaymentBatch).where(col(PaymentBatch.month) == month)).first()


def batches(session: Session, limit: int) -> Sequence[PaymentBatch]:
    return session.exec(
        select(PaymentBatch).order_by(col(PaymentBatch.month).desc()).limit(limit)
    ).all()


def insert_lines(
    session: Session,
    batch_id: str,
    month: str,
    first_day: date,
    last_day: date,
    amounts: Mapping[str, int],
) -> None:
    """One line per entitlement of a paid programme that covers the month, in one statement."""
    e, f = Entitlement, ChildFacts
    amount = case(
        *(
            (col(e.programme) == code, literal(fen) * col(e.share_percent) // 100)
            for code, fen in amounts.items()
        ),
        else_=0,
    )
    source = (
        sa_select(
            literal(batch_id),
            literal(month),
            col(e.id),
            col(e.child_id),
            col(f.name),
            col(e.programme),
            amount,
            col(f.residence_division_code),
            col(f.town_code),
        )
        .join(f, col(f.child_id) == col(e.child_id))
        .where(
            col(e.programme).in_(list(amounts)),
            col(e.share_percent) > 0,
            col(e.starts_on) <= last_day,
            or_(col(e.ends_on).is_(None), col(e.ends_on) >= first_day),
        )
        .order_by(
            col(f.town_code), col(f.residence_division_code), col(e.child_id), col(e.programme)
        )
    )
    session.execute(
        insert(PaymentLine).from_select(
            [
                "batch_id",
                "month",
                "entitlement_id",
                "child_id",
                "child_name",
                "programme",
                "amount_fen",
                "residence_division_code",
                "town_code",
            ],
            source,
        )
    )


def insert_totals(session: Session, batch_id: str) -> None:
    """The batch's totals per town and programme, from its lines."""
    line = PaymentLine
    source = (
        sa_select(
            col(line.batch_id),
            col(line.town_code),
            col(line.programme),
            func.count(),
            func.sum(col(line.amount_fen)),
        )
        .where(col(line.batch_id) == batch_id)
        .group_by(col(line.batch_id), col(line.town_code), col(line.programme))
    )
    session.execute(
        insert(PaymentTotal).from_select(
            ["batch_id", "town_code", "programme", "line_count", "total_fen"], source
        )
    )


def seal(session: Session, batch_id: str) -> None:
    """The batch's header figures, from its totals."""
    counted = sa_select(
        func.coalesce(func.sum(col(PaymentTotal.line_count)), 0),
        func.coalesce(func.sum(col(PaymentTotal.total_fen)), 0),
    ).where(col(PaymentTotal.batch_id) == batch_id)
    count, total = session.execute(counted).one()
    session.execute(
        update(PaymentBatch)
        .where(col(PaymentBatch.id) == batch_id)
        .values(line_count=int(count), total_fen=int(total))
    )


def totals(session: Session, batch_id: str, town: str | None) -> Sequence[PaymentTotal]:
    query = select(PaymentTotal).where(col(PaymentTotal.batch_id) == batch_id)
    if town is not None:
        query = query.where(col(PaymentTotal.town_code) == town)
    return session.exec(
        query.order_by(col(PaymentTotal.town_code), col(PaymentTotal.programme))
    ).all()


def village_totals(session: Session, batch_id: str, village: str) -> Sequence[Row[Any]]:
    """Totals of the lines of one village, per programme (a supervisor's view)."""
    line = PaymentLine
    return session.execute(
        sa_select(
            col(line.town_code),
            col(line.programme),
            func.count(),
            func.sum(col(line.amount_fen)),
        )
        .where(col(line.batch_id) == batch_id, col(line.residence_division_code) == village)
        .group_by(col(line.town_code), col(line.programme))
        .order_by(col(line.programme))
    ).all()


def _within(prefix: str) -> list[Any]:
    if len(prefix) == 12:
        return [col(PaymentLine.residence_division_code) == prefix]
    if len(prefix) == 9:
        return [col(PaymentLine.town_code) == prefix]
    if len(prefix) == 6:
        return []
    return [col(PaymentLine.residence_division_code).startswith(prefix)]


def lines(
    session: Session,
    batch_id: str,
    prefix: str,
    programme: str | None,
    after: int | None,
    limit: int,
) -> Sequence[PaymentLine]:
    """A keyset page of lines within a division, in ledger order."""
    query = select(PaymentLine).where(col(PaymentLine.batch_id) == batch_id, *_within(prefix))
    if programme is not None:
        query = query.where(col(PaymentLine.programme) == programme)
    if after is not None:
        query = query.where(col(PaymentLine.id) > after)
    return session.exec(query.order_by(col(PaymentLine.id)).limit(limit)).all()


def count_lines(session: Session, batch_id: str, prefix: str, programme: str | None) -> int:
    query = (
        sa_select(func.count())
        .select_from(PaymentLine)
        .where(col(PaymentLine.batch_id) == batch_id, *_within(prefix))
    )
    if programme is not None:
        query = query.where(col(PaymentLine.programme) == programme)
    return int(session.execute(query).scalar_one())


def stream_lines(session: Session, batch_id: str, prefix: str) -> Iterator[Row[Any]]:
    """Every line within a division, as plain rows, without holding them all in memory."""
    line = PaymentLine
    query = (
        sa_select(
            col(line.id),
            col(line.town_code),
            col(line.residence_division_code),
            col(line.child_id),
            col(line.child_name),
            col(line.programme),
            col(line.amount_fen),
            col(line.entitlement_id),
        )
        .where(and_(col(line.batch_id) == batch_id, *_within(prefix)))
        .order_by(col(line.id))
        .execution_options(yield_per=5000)
    )
    yield from session.execute(query)

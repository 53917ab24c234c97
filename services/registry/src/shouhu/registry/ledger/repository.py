"""SQL of the ledger import: batched look-ups and bulk inserts."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

import psycopg
from sqlalchemy import JSON, Table, insert, tuple_
from sqlalchemy import inspect as inspect_model
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, select

from shouhu.registry.models import Child, Division, ImportBatch

Person = tuple[str, date, str]


def batch_by_hash(session: Session, file_hash: str) -> ImportBatch | None:
    return session.exec(select(ImportBatch).where(ImportBatch.file_hash == file_hash)).first()


def add_batch(session: Session, batch: ImportBatch) -> None:
    session.add(batch)
    session.flush()


def divisions(session: Session) -> Sequence[Division]:
    """Every division: held for the import, so that each row's village is found without SQL."""
    return session.exec(select(Division)).all()


def registered(session: Session, id_hashes: Sequence[str]) -> set[str]:
    """Which of these identity-number hashes have a file already."""
    if not id_hashes:
        return set()
    found = session.exec(
        select(Child.id_number_hash).where(col(Child.id_number_hash).in_(id_hashes))
    ).all()
    return {h for h in found if h is not None}


def same_people(session: Session, people: Sequence[Person]) -> dict[Person, str]:
    """Files with the same name, birth date and village, the mark of a possible duplicate."""
    if not people:
        return {}
    rows = session.exec(
        select(
            col(Child.id),
            col(Child.name),
            col(Child.birth_date),
            col(Child.residence_division_code),
        )
        .where(
            tuple_(col(Child.name), col(Child.birth_date), col(Child.residence_division_code)).in_(
                list(set(people))
            )
        )
        .order_by(col(Child.id))
    ).all()
    found: dict[Person, str] = {}
    for child_id, name, birth_date, village in rows:
        found.setdefault((name, birth_date, village), child_id)
    return found


Rows = list[dict[str, Any]]


class Copier:
    """Sends chunks of rows, tables in the order given, no objects built."""

    # On PostgreSQL by COPY (psycopg's executemany sends one INSERT per row), from a thread of
    # its own on the request's connection (psycopg serialises its use), so that the next chunk
    # is read and checked meanwhile; `wait` before reading what was sent. Elsewhere one
    # executemany per table, at once.

    def __init__(self, session: Session) -> None:
        self.session = session
        postgres = session.get_bind().dialect.name == "postgresql"
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="ledger-copy") if postgres else None
        self.pending: Future[None] | None = None

    def send(self, tables: Sequence[tuple[type[SQLModel], Rows]]) -> None:
        self.wait()
        filled = [(model, rows) for model, rows in tables if rows]
        if self.pool is None:
            for model, rows in filled:
                self.session.execute(insert(model), rows)
            return
        driver = self.session.connection().connection.driver_connection
        quote = self.session.get_bind().dialect.identifier_preparer.quote
        copies = [_copy_of(model, rows, quote) for model, rows in filled]
        self.pending = self.pool.submit(_copy_all, driver, copies)

    def wait(self) -> None:
        """Until what was sent is in; its error, if any, raised here."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        """Let the thread go, once it is done (its error is left to `wait`)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True)


@dataclass(frozen=True)
class _Copy:
    statement: str
    keys: tuple[str, ...]
    as_json: frozenset[str]
    rows: Rows


def _copy_of(model: type[SQLModel], rows: Rows, quote: Callable[[str], str]) -> _Copy:
    mapper = inspect_model(model, raiseerr=True)
    columns = {p.key: p.columns[0] for p in mapper.column_attrs if p.key in rows[0]}
    table = quote(cast(Table, mapper.local_table).name)
    names = ", ".join(quote(column.name) for column in columns.values())
    as_json = frozenset(key for key, column in columns.items() if isinstance(column.type, JSON))
    return _Copy(f"COPY {table} ({names}) FROM STDIN", tuple(columns), as_json, rows)


def _copy_all(driver: Any, copies: list[_Copy]) -> None:
    for job in copies:
        try:
            with driver.cursor() as cursor, cursor.copy(job.statement) as copy:
                for row in job.rows:
                    copy.write_row([_value(row[key], key in job.as_json) for key in job.keys])
        except psycopg.errors.IntegrityError as exc:
            # As SQLAlchemy raises it for an INSERT: a unique key taken concurrently.
            raise IntegrityError(job.statement, None, exc) from exc


def _value(value: Any, is_json: bool) -> Any:
    return json.dumps(value) if is_json and value is not None else value

"""Database engine, sessions and per-service Alembic migrations."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import sqlalchemy
from alembic import command
from alembic.config import Config
from fastapi import Depends, Request
from sqlalchemy import Engine, Table, event, text
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from shouhu.platform.errors import Conflict
from shouhu.platform.settings import PoolSizing


def make_engine(url: str, pool: PoolSizing | None = None) -> Engine:
    """An engine for SQLite (embedded) or PostgreSQL (by URL).

    No pre-ping on checkout (a round trip per request, ~0.4 ms): connections are replaced after
    `recycle_seconds`, before a server or firewall idle timeout closes them, and one the server
    dropped anyway (a restart, a failover) fails its statement; SQLAlchemy then sees the
    disconnect and invalidates the whole pool, so only the requests already holding such a
    connection fail (500, the caller may retry) and the worker's loops simply run again.
    """
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sqlalchemy.create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # Looked up at call time, so that tracing, once configured, wraps it.
    pool = pool or PoolSizing()
    engine = sqlalchemy.create_engine(
        url,
        pool_size=pool.size,
        max_overflow=pool.overflow,
        pool_timeout=pool.timeout_seconds,
        pool_recycle=pool.recycle_seconds,
        # The most recently used connection first: the extra ones idle out and are recycled.
        pool_use_lifo=True,
    )
    event.listen(engine, "connect", _postgres_session)
    return engine


def _postgres_session(dbapi_connection: Any, _record: Any) -> None:
    """Once per new connection: no JIT compilation.

    PostgreSQL compiles a query to machine code when its plan costs more than `jit_above_cost`
    (100,000), on every execution and in every parallel worker: 90-300 ms here for the district
    statistics over 1,000,000 children (a plan cost just over the line), more than the JIT'd
    code saves. The services' queries are short or, like that one, aggregates that do better
    without it.
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("SET jit = off")
    cursor.close()
    dbapi_connection.commit()


def as_utc(moment: datetime) -> datetime:
    """A timestamp read back from the database, in UTC (SQLite returns it without its zone)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def migrate(url: str, migrations_dir: Path) -> None:
    """Apply a service's Alembic migrations up to head, one replica at a time."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if not url.startswith("postgresql"):
        command.upgrade(config, "head")
        return
    engine = sqlalchemy.create_engine(url, poolclass=sqlalchemy.pool.NullPool)
    try:
        with engine.connect() as connection:
            # Held for the whole upgrade: replicas starting together migrate once.
            connection.execute(text("SELECT pg_advisory_lock(hashtext('shouhu.migrate'))"))
            try:
                command.upgrade(config, "head")
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(hashtext('shouhu.migrate'))"))
    finally:
        engine.dispose()


def values_of(table: Table, row: object) -> dict[str, Any]:
    """A new object's columns, as set on it, for a plain INSERT of rows (no ORM object written):
    its autoincrement key left to the database when unset."""
    given = vars(row)
    numbered = table.autoincrement_column
    return {
        column.name: given.get(column.name)
        for column in table.columns
        if not (column is numbered and given.get(column.name) is None)
    }


@contextmanager
def pipelined(session: Session) -> Iterator[None]:
    """Statements that read nothing back, sent one after the other without waiting for each
    answer: on PostgreSQL (psycopg's pipeline mode) one round trip for all of them, the first
    error raised at the end of the block (the transaction then fails whole); elsewhere each
    as it comes. Nothing read back means no RETURNING either: an INSERT of one row into a table
    with a generated key asks for the key unless it is `inline()`."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    driver = session.connection().connection.driver_connection
    assert driver is not None  # the session's connection, checked out
    with driver.pipeline():
        yield


def exclusive(session: Session, name: str) -> bool:
    """Take a lock held until the transaction ends, if free; SQLite runs in one process."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    taken = session.execute(text("SELECT pg_try_advisory_xact_lock(hashtext(:n))"), {"n": name})
    return bool(taken.scalar_one())


def ping(engine: Engine) -> None:
    """Raise unless the database answers."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def commit(session: Session) -> None:
    """Commit the request's one transaction; a concurrent change to a versioned row: `CONFLICT`."""
    try:
        session.commit()
    except StaleDataError as exc:
        session.rollback()
        raise Conflict() from exc


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request; the endpoint commits once, or nothing is written.

    Async on purpose: FastAPI runs a sync dependency's start and end in a worker thread, two
    hops a request. A new session does no I/O; one left in a transaction (the endpoint failed)
    is rolled back and closed off the event loop.
    """
    session = Session(request.app.state.engine, expire_on_commit=False)
    try:
        yield session
    finally:
        if session.in_transaction():
            await asyncio.to_thread(session.close)
        else:
            session.close()


SessionDep = Annotated[Session, Depends(get_session)]


def read_as_of_one_moment(session: Session) -> None:
    """Make every read of the session's transaction see the database at one moment."""
    # Without it, PostgreSQL's READ COMMITTED gives each statement its own snapshot, and
    # pysqlite opens no transaction for reads at all: a read of several tables can meet a
    # writer half-way (a child's entitlements without the decision that granted them).
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
    else:
        session.execute(text("BEGIN"))


def get_snapshot(request: Request) -> Iterator[Session]:
    """A session for a request that only reads, seeing one moment of the database."""
    with Session(request.app.state.engine) as session:
        read_as_of_one_moment(session)
        yield session


SnapshotDep = Annotated[Session, Depends(get_snapshot)]


def after_keyset(
    moment: Any, row_id: Any, keyset: tuple[datetime, str] | None
) -> sqlalchemy.ColumnElement[bool] | None:
    """Rows after a cursor's (moment, id) in (moment desc, id desc) order; None for no cursor."""
    if keyset is None:
        return None
    at, last_id = keyset
    return sqlalchemy.or_(moment < at, sqlalchemy.and_(moment == at, row_id < last_id))

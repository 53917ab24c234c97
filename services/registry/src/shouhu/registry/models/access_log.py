"""The access log (访问日志): append-only and hash-chained, fed through a queue.

A read writes its entries to `access_log_queue` in its own transaction (one narrow INSERT,
no secondary index); the sealer moves them, in the order it finds them, into `access_log`
with their chain position and hashes (INSERT there, DELETE from the queue, one transaction).
A row of `access_log` is written once and never changed; the database refuses otherwise.
"""

from datetime import datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class AccessLogEntry(SQLModel, table=True):
    """One read of a child's file, sealed: who, when, which parts, its link in the chain."""

    __tablename__ = "access_log"

    seq: int | None = Field(default=None, primary_key=True)
    at: datetime = timestamp()
    child_id: str = Field(index=True)
    actor: str
    actor_roles: str
    parts: str
    operation: str
    purpose: str | None = None
    # Set when the sealer writes the entry; entries from before the queue (migration 0003)
    # that were still unsealed were moved into the queue, so every row here has them.
    chain_pos: int | None = Field(default=None, unique=True)
    prev_hash: str = ""
    hash: str = ""


class AccessLogQueued(SQLModel, table=True):
    """A read logged and durable, not yet sealed; its `seq` stays its number in the log."""

    __tablename__ = "access_log_queue"
    # Numbers are never reused once the sealer has deleted a row (SQLite: AUTOINCREMENT;
    # PostgreSQL: the access log's own sequence, see migration 0003).
    __table_args__ = {"sqlite_autoincrement": True}

    seq: int | None = Field(default=None, primary_key=True)
    at: datetime = timestamp()
    child_id: str
    actor: str
    actor_roles: str
    parts: str
    operation: str
    purpose: str | None = None

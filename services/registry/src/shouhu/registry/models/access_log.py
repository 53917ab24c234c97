"""The access log (访问日志): append-only and hash-chained."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from shouhu.platform.columns import timestamp


class AccessLogEntry(SQLModel, table=True):
    """One read of a child's file: who, when, which parts, through which operation."""

    __tablename__ = "access_log"

    seq: int | None = Field(default=None, primary_key=True)
    at: datetime = timestamp()
    child_id: str = Field(index=True)
    actor: str
    actor_roles: str
    parts: str
    operation: str
    purpose: str | None = None
    # Set when the sealer links the entry into the chain; empty until then.
    chain_pos: int | None = Field(default=None, unique=True)
    prev_hash: str = ""
    hash: str = ""

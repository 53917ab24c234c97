"""API shapes of the access log."""

from datetime import datetime

from shouhu.platform.schemas import Camel, PageInfo


class AccessLogEntryOut(Camel):
    seq: int
    at: datetime
    child_id: str
    actor: str
    actor_roles: list[str]
    parts: list[str]
    operation: str
    sealed: bool


class AccessLogEdge(Camel):
    cursor: str
    node: AccessLogEntryOut


class AccessLogPage(Camel):
    edges: list[AccessLogEdge]
    page_info: PageInfo


class ChainReport(Camel):
    """What a verification of the chain found."""

    sealed: int
    unsealed: int
    intact: bool
    first_broken_seq: int | None = None
    first_broken_position: int | None = None
    problem: str | None = None

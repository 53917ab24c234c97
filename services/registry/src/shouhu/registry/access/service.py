"""Rules of the access log: log every read, seal in order, verify the chain."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.platform.auth import Principal
from shouhu.platform.db import as_utc, exclusive
from shouhu.platform.errors import Forbidden, ValidationFailed
from shouhu.platform.events import utcnow
from shouhu.platform.paging import decode_seq_cursor, encode_cursor
from shouhu.platform.schemas import PageInfo
from shouhu.registry import policy
from shouhu.registry.access import repository
from shouhu.registry.access.schemas import (
    AccessLogEdge,
    AccessLogEntryOut,
    AccessLogPage,
    ChainReport,
)
from shouhu.registry.divisions.service import DISTRICT_CODE

GENESIS = "0" * 64
SEAL_BATCH = 1000
MAX_PAGE = 100


def log_reads(
    session: Session,
    principal: Principal,
    child_ids: Iterable[str],
    *,
    parts: Iterable[str],
    operation: str,
) -> None:
    """One entry per file read, queued in the reading request's transaction.

    The read's commit makes its entries durable before it answers; nothing else is written on
    its path (the chain position and hashes are the sealer's, a moment later).
    """
    ids = list(child_ids)
    if not ids:
        return
    reading = {
        "at": utcnow(),
        "actor": principal.username,
        "actor_roles": ",".join(sorted(principal.roles)),
        "parts": ",".join(sorted(set(parts))),
        "operation": operation[:100] or "unknown",
    }
    repository.enqueue(session, reading, ids)


def _stamp(at: datetime) -> str:
    return as_utc(at).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(entry: Any, position: int, prev_hash: str) -> str:
    """The link: the previous hash and everything the entry says (an entry of the log, or a
    queued row read by the sealer: anything with the log's attributes)."""
    fields = [
        prev_hash,
        str(position),
        str(entry.seq),
        _stamp(entry.at),
        entry.child_id,
        entry.actor,
        entry.actor_roles,
        entry.parts,
        entry.operation,
        entry.purpose or "",
    ]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def seal(engine: Engine) -> int:
    """Move queued entries into the chain in the order of their numbers; returns how many.

    One transaction: the sealed rows are inserted with their links and the queued ones
    deleted, so an entry is in exactly one of the two at any moment, and written to the log
    once. A read still uncommitted when its neighbours are sealed is linked in the next batch.
    """
    with Session(engine) as session:
        if not exclusive(session, "shouhu.access_log.seal"):
            return 0  # another replica is sealing
        rows = repository.queued(session, SEAL_BATCH)
        if not rows:
            return 0
        head = repository.chain_head(session)
        prev_hash = head.hash if head else GENESIS
        position = (head.chain_pos or 0) if head else 0
        sealed = []
        for queued in rows:
            position += 1
            link = entry_hash(queued, position, prev_hash)
            sealed.append(
                {**queued._asdict(), "chain_pos": position, "prev_hash": prev_hash, "hash": link}
            )
            prev_hash = link
        repository.move_sealed(session, sealed)
        session.commit()
        return len(sealed)


def verify(engine: Engine) -> ChainReport:
    """Walk the chain; name the first entry whose link does not hold."""
    with Session(engine) as session:
        prev_hash, expected, count = GENESIS, 1, 0
        for entry in repository.sealed_in_order(session):
            problem = None
            if entry.chain_pos != expected:
                problem = f"链位置应为{expected}，实为{entry.chain_pos}（有记录缺失）"
            elif entry.prev_hash != prev_hash:
                problem = "前序哈希不符"
            elif entry.hash != entry_hash(entry, expected, prev_hash):
                problem = "记录内容与哈希不符（已被篡改）"
            if problem:
                return ChainReport(
                    sealed=count,
                    unsealed=repository.count_unsealed(session),
                    intact=False,
                    first_broken_seq=entry.seq,
                    first_broken_position=expected,
                    problem=problem,
                )
            prev_hash, expected, count = entry.hash, expected + 1, count + 1
        return ChainReport(sealed=count, unsealed=repository.count_unsealed(session), intact=True)


def page(
    session: Session, principal: Principal, child_id: str, *, first: int, after: str | None
) -> AccessLogPage:
    """Who read a child's file, newest first: for the district's civil affairs and the auditor."""
    policy.require(principal, policy.ACCESS_LOG_ROLES, "无权查看访问日志")
    if principal.division_code != DISTRICT_CODE:
        raise Forbidden("访问日志仅限区级查看")
    if not 1 <= first <= MAX_PAGE:
        raise ValidationFailed(fields={"first": f"每页条数应在1到{MAX_PAGE}之间"})
    rows = repository.page_for_child(
        session,
        child_id,
        before_seq=decode_seq_cursor("access", after) if after else None,
        limit=first + 1,
    )
    edges = [
        AccessLogEdge(
            cursor=encode_cursor("access", str(e.seq)),
            node=AccessLogEntryOut(
                seq=e.seq,
                at=e.at,
                child_id=e.child_id,
                actor=e.actor,
                actor_roles=e.actor_roles.split(","),
                parts=e.parts.split(","),
                operation=e.operation,
                sealed=bool(e.sealed),
            ),
        )
        for e in rows[:first]
    ]
    return AccessLogPage(
        edges=edges,
        page_info=PageInfo.of(edges, more=len(rows) > first),
    )

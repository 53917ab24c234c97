"""The append-only history of every change to a file (档案变更记录)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from shouhu.platform.events import utcnow
from shouhu.registry.models import ChildHistory


def record(
    session: Session,
    *,
    child_id: str,
    actor: str,
    operation: str,
    reason: str | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Keep one change: who, when, why, before → after."""
    session.add(
        ChildHistory(
            child_id=child_id,
            at=utcnow(),
            actor=actor,
            operation=operation,
            reason=reason,
            before=before,
            after=after,
        )
    )

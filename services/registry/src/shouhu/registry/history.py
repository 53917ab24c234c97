"""The append-only history of every change to a file (档案变更记录)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, insert
from sqlmodel import Session

from shouhu.platform.events import utcnow
from shouhu.registry.models import ChildHistory, IntakeStep

# The table itself, for steps written many at once with a plain INSERT (no ORM objects).
HISTORY = cast(Table, ChildHistory.__table__)  # type: ignore[attr-defined]

# The history's operations of protection cases start so (policy.Part.CASES reads them).
CASE_OPERATION = "CASE_"


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


def record_now(
    session: Session,
    *,
    child_id: str,
    actor: str,
    operation: str,
    reason: str | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Keep one change as `record` does, in an INSERT now (after what the session holds)."""
    _write(
        session,
        [
            {
                "child_id": child_id,
                "at": utcnow(),
                "actor": actor,
                "operation": operation,
                "reason": reason,
                "before": before,
                "after": after,
            }
        ],
    )


def _write(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.flush()  # what the session holds goes in first
        session.execute(insert(HISTORY).inline(), rows)


def record_intake_step(
    session: Session,
    *,
    child_id: str,
    actor: str,
    action: str,
    intake_id: str,
    receipt_number: str,
    task_id: str | None,
    department: str | None,
    note: str | None,
) -> None:
    """A step of an application (一门受理) on the child's history too, as `INTAKE_<action>`."""
    record(
        session,
        child_id=child_id,
        actor=actor,
        operation=_intake_operation(action),
        reason=note,
        before=None,
        after=_intake_change(intake_id, receipt_number, task_id, department),
    )


def record_intake_steps(
    session: Session,
    *,
    child_id: str,
    intake_id: str,
    receipt_number: str,
    steps: Sequence[IntakeStep],
) -> None:
    """Steps of one application on the child's history, each as `record_intake_step` keeps it,
    in one INSERT now (after what the session holds, which is flushed first)."""
    at = utcnow()
    rows = [
        {
            "child_id": child_id,
            "at": at,
            "actor": step.actor,
            "operation": _intake_operation(step.action),
            "reason": step.note,
            "before": None,
            "after": _intake_change(intake_id, receipt_number, step.task_id, step.department),
        }
        for step in steps
    ]
    _write(session, rows)


def _intake_operation(action: str) -> str:
    return action if action.startswith("INTAKE_") else f"INTAKE_{action}"


def _intake_change(
    intake_id: str, receipt_number: str, task_id: str | None, department: str | None
) -> dict[str, Any]:
    after: dict[str, Any] = {"intakeId": intake_id, "receiptNumber": receipt_number}
    if task_id is not None:
        after |= {"taskId": task_id, "department": department}
    return after


def record_case_step(
    session: Session,
    *,
    child_id: str,
    actor: str,
    action: str,
    case_id: str | None,
    case_number: str | None,
    note: str | None,
    extra: dict[str, Any] | None = None,
) -> None:
    """A step of a protection case on the child's history too, as `CASE_<action>`; read only
    by roles that see case detail (policy.Part.CASES)."""
    after: dict[str, Any] = {"caseId": case_id, "caseNumber": case_number, **(extra or {})}
    record(
        session,
        child_id=child_id,
        actor=actor,
        operation=f"{CASE_OPERATION}{action}",
        reason=note,
        before=None,
        after=after,
    )

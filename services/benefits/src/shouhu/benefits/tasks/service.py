"""Answering civil affairs' single-window tasks from the child's decision; never commits."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]
from sqlmodel import Session

from shouhu.benefits.decisions import repository as decisions
from shouhu.benefits.decisions import service as deciding
from shouhu.benefits.publish import emit
from shouhu.benefits.rules.schema import ProgrammeCode, load
from shouhu.benefits.tasks.events import TASK_UPDATED, TaskUpdated
from shouhu.benefits.tasks.schemas import TaskCreated
from shouhu.platform.spreadsheets import yuan

NEEDS_FILE = Path(__file__).with_name("needs.yaml")
DEPARTMENT = "CIVIL_AFFAIRS"
ACTOR = "benefits"


@cache
def needs() -> Mapping[str, tuple[ProgrammeCode, ...]]:
    """Need → the programmes that answer it (needs.yaml), checked when first read."""
    raw = yaml.safe_load(NEEDS_FILE.read_text(encoding="utf-8"))
    return {need: tuple(ProgrammeCode(p) for p in codes) for need, codes in raw.items()}


def answer(session: Session, task: TaskCreated, on: date, trigger: str) -> bool:
    """Decide the child and complete the task with the outcomes of its need's programmes:
    DONE when one is granted, DECLINED with the reasons otherwise. False: not ours to answer."""
    programmes = needs().get(task.need)
    if task.department != DEPARTMENT or programmes is None:
        return False
    deciding.redecide(session, [task.child_id], on, trigger)
    outcomes = _outcomes(session, task.child_id)
    relevant = [o for o in outcomes if o["programme"] in programmes]
    granted = [o for o in relevant if o["granted"]]
    names = {p.code: p.name for p in load().programmes}
    lines = [_line(names[ProgrammeCode(o["programme"])], o) for o in (granted or relevant)]
    emit(
        session,
        TASK_UPDATED,
        task.child_id,
        TaskUpdated(
            task_id=task.task_id,
            intake_id=task.intake_id,
            child_id=task.child_id,
            status="DONE" if granted else "DECLINED",
            outcome="；".join(lines) or "不符合任何相关保障项目的条件",
            actor=ACTOR,
        ),
    )
    return True


def _outcomes(session: Session, child_id: str) -> list[dict[str, Any]]:
    """Today's outcomes of the child's decision: the kept one, or the live one."""
    rows = decisions.facts_many(session, [child_id])
    if not rows:
        # The registry's file comes before its intake (one key, one partition): not yet here
        # means out of order, and the consumer retries and then parks it.
        raise LookupError(f"no child {child_id} in benefits' projection")
    row = rows[0]
    if row.decision_id:
        kept = decisions.decisions(session, [row.decision_id])[row.decision_id]
        return list(kept.outcomes)
    return list(deciding.live_outcomes(session, row))


def _line(name: str, outcome: Mapping[str, Any]) -> str:
    reasons = "，".join(outcome["reasons"])
    if outcome["granted"] and outcome["monthlyAmountFen"]:
        return f"{name}：核准，每月{yuan(outcome['monthlyAmountFen'])}元（{reasons}）"
    if outcome["granted"]:
        return f"{name}：核准（{reasons}）"
    return f"{name}：不予核准（{reasons}）"

"""Answering the education department's single-window tasks from the child's aid; never commits."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path

import yaml  # type: ignore[import-untyped]
from sqlmodel import Session

from shouhu.education.aid import service as aid
from shouhu.education.aid.rules import AidProgramme, load
from shouhu.education.aid.schemas import AidOut
from shouhu.education.children import repository as children
from shouhu.education.enrolments import stages as stages_file
from shouhu.education.publish import emit
from shouhu.education.schools.schemas import SchoolStage
from shouhu.education.tasks.events import TASK_UPDATED, TaskUpdated
from shouhu.education.tasks.schemas import TaskCreated
from shouhu.platform.spreadsheets import yuan

NEEDS_FILE = Path(__file__).with_name("needs.yaml")
DEPARTMENT = "EDUCATION"
ACTOR = "education"


@cache
def needs() -> Mapping[str, tuple[AidProgramme, ...]]:
    """Need → the programmes that answer it (needs.yaml), checked when first read."""
    raw = yaml.safe_load(NEEDS_FILE.read_text(encoding="utf-8"))
    return {need: tuple(AidProgramme(p) for p in codes) for need, codes in raw.items()}


def answer(session: Session, task: TaskCreated, on: date, trigger: str) -> bool:
    """Decide the child's aid and complete the task with its need's programmes: DONE when one is
    granted, DECLINED with the reasons otherwise. False: not ours to answer."""
    programmes = needs().get(task.need)
    if task.department != DEPARTMENT or programmes is None:
        return False
    if children.facts(session, task.child_id) is None:
        # The registry's file comes before its intake (one key, one partition): not yet here
        # means out of order, and the consumer retries and then parks it.
        raise LookupError(f"no child {task.child_id} in education's projection")
    aid.decide(session, [task.child_id], on, trigger)
    session.flush()
    outcomes = [
        o
        for o in aid.aid_of(session, [task.child_id], live=True)[task.child_id]
        if o.programme in programmes
    ]
    granted = [o for o in outcomes if o.eligible]
    lines = [_granted(o) for o in granted] if granted else _declined(outcomes)
    emit(
        session,
        TASK_UPDATED,
        task.child_id,
        TaskUpdated(
            task_id=task.task_id,
            intake_id=task.intake_id,
            child_id=task.child_id,
            status="DONE" if granted else "DECLINED",
            outcome="；".join(lines) or "不符合任何教育资助项目的条件",
            actor=ACTOR,
        ),
    )
    return True


STAGE_REFUSAL = "不符合条件：须在读"


def _granted(outcome: AidOut) -> str:
    amount = yuan(outcome.annual_amount_fen)
    return f"{outcome.programme_name}：核准，每年{amount}元（{'，'.join(outcome.reasons)}）"


def _declined(outcomes: list[AidOut]) -> list[str]:
    """The refusals worth reading: each programme of the child's stage with its reasons; with
    no enrolment at a stage any programme needs, the one reason they share."""
    near = [o for o in outcomes if not o.reasons[0].startswith(STAGE_REFUSAL)]
    if near:
        return [f"{o.programme_name}：不予核准（{'，'.join(o.reasons)}）" for o in near]
    if not outcomes:
        return []
    stages = stages_file.load()
    needed = "、".join(
        stages.of(s).name for s in sorted(load().stages, key=list(SchoolStage).index)
    )
    why = outcomes[0].reasons[0].split("，")[-1]
    return [f"教育资助：不予核准（{why}；各项资助须在读{needed}）"]

"""Re-deciding many children: a change of standard or pilot, split into ranges of children.

The ranges go to benefits' own work queue in the transaction of the change; the worker decides
each range in its own transaction, so the change and the work it causes land together.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlmodel import Session

from shouhu.benefits.decisions import repository
from shouhu.benefits.decisions.events import REDECISION_REQUESTED, RedecisionRequested
from shouhu.benefits.publish import WORK_TOPIC, emit
from shouhu.benefits.rules.schema import ProgrammeCode

BATCH = 2000  # children per re-decision transaction


def request_redecision(
    session: Session,
    programmes: Collection[ProgrammeCode],
    on: date,
    trigger: str,
    cause_event_id: str,
    batch: int = BATCH,
) -> int:
    """Queue the children the programmes concern in id ranges, one event each; how many ranges."""
    codes = sorted(ProgrammeCode(p).value for p in programmes)
    ids = repository.eligible_ids(session, codes)
    if not ids:
        return 0
    bounds = [ids[i] for i in range(batch - 1, len(ids), batch)]
    if bounds and bounds[-1] == ids[-1]:
        bounds.pop()
    parts = len(bounds) + 1
    after: str | None = None
    for part in range(parts):
        up_to = bounds[part] if part < len(bounds) else None
        emit(
            session,
            REDECISION_REQUESTED,
            f"redecision:{cause_event_id}:{part}",
            RedecisionRequested(
                cause_event_id=cause_event_id,
                trigger=trigger,
                programmes=codes,
                decide_on=on,
                after_child_id=after,
                up_to_child_id=up_to,
                part=part + 1,
                parts=parts,
            ),
            topic=WORK_TOPIC,
        )
        after = up_to
    return parts

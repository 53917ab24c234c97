"""The accountability clocks of a case (追责): each step's span, its limit, whether it ran late."""

from __future__ import annotations

from datetime import datetime

from shouhu.registry.cases.deadlines import Deadlines, Step
from shouhu.registry.cases.schemas import StepClockOut
from shouhu.registry.models import ProtectionCase

# Each step runs from one moment of the case to the next (columns of `protection_case`).
SPANS: dict[Step, tuple[str, str]] = {
    Step.FOUND_TO_REPORTED: ("found_at", "reported_at"),
    Step.REPORTED_TO_ACCEPTED: ("reported_at", "accepted_at"),
    Step.ACCEPTED_TO_NOTIFIED: ("accepted_at", "town_notified_at"),
    Step.NOTIFIED_TO_ASSESSED: ("town_notified_at", "assessed_at"),
}


def clocks(case: ProtectionCase, deadlines: Deadlines, now: datetime) -> list[StepClockOut]:
    """The steps the case has begun: how long each took (or has run so far), against its limit.
    A step left unfinished when the case closed stops at the close, and is late only if it had
    already run past its limit."""
    found = []
    for step, (begin, end) in SPANS.items():
        started: datetime | None = getattr(case, begin)
        ended: datetime | None = getattr(case, end)
        if started is None:
            continue
        limit = deadlines.steps[step].of(case.urgent)
        stopped = ended or case.closed_at or now
        hours = (stopped - started).total_seconds() / 3600
        found.append(
            StepClockOut(
                step=step,
                started_at=started,
                ended_at=ended,
                hours=round(hours, 2),
                limit_hours=limit.total_seconds() / 3600,
                late=stopped - started > limit,
                running=ended is None and case.closed_at is None,
            )
        )
    return found

"""The dropout watch's daily sweep (每日排查): the birthdays that bring children to 6 or take
them past 15, deadlines passed, and anything the events missed.

One transaction for the whole sweep (the statements are set-based; a failed sweep writes
nothing and runs again at the next tick), under an advisory lock so one replica sweeps.
"""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.education.dropout import service
from shouhu.platform.clock import today
from shouhu.platform.db import exclusive

log = logging.getLogger(__name__)
LOCK = "education-dropout-sweep"


def sweep(engine: Engine, on: date | None = None) -> service.Swept | None:
    """Sweep once as of `on` (today); None when another replica is at it."""
    with Session(engine) as session:
        if not exclusive(session, LOCK):
            return None
        swept = service.sweep(session, on)
        session.commit()
    if swept.opened or swept.closed or swept.overdue:
        log.info(
            "dropout sweep: %d opened, %d closed, %d overdue",
            swept.opened,
            swept.closed,
            swept.overdue,
        )
    return swept


class Daily:
    """Sweeps once per district day, however often the timer fires (twice is harmless: the
    sweep opens nothing more, but a day's one is enough)."""

    def __init__(self) -> None:
        self._done: date | None = None

    def __call__(self, engine: Engine) -> int:
        day = today()
        if self._done == day:
            return 0
        swept = sweep(engine, day)
        if swept is None:
            return 0  # another replica is at it; this one looks again at the next tick
        self._done = day
        return swept.opened + swept.closed + swept.overdue

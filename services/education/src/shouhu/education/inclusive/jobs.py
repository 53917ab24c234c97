"""Home teaching's monthly check (送教不足): once the month has ended, each plan that held fewer
sessions than its schedule is flagged and told.

One transaction under an advisory lock, so one replica checks at a time; the row per plan and
month (its primary key) makes a second check, or a second replica, flag nothing more.
"""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.education.inclusive import service
from shouhu.platform.clock import today
from shouhu.platform.db import exclusive

log = logging.getLogger(__name__)
LOCK = "education-home-teaching-month"


def check(engine: Engine, on: date | None = None) -> service.Checked | None:
    """Check the month before `on` (today's); None when another replica is at it."""
    with Session(engine) as session:
        if not exclusive(session, LOCK):
            return None
        checked = service.check_month(session, on)
        session.commit()
    if checked.flagged:
        log.info("home teaching %s: %d plans fell short", checked.month, checked.flagged)
    return checked


class Monthly:
    """Checks the month that ended once per district month and replica, however often the
    timer fires (the first tick of a new month, or of a restarted replica)."""

    def __init__(self) -> None:
        self._done: str | None = None

    def __call__(self, engine: Engine) -> int:
        month = service.month_of(today())
        if self._done == month:
            return 0
        checked = check(engine, today())
        if checked is None:
            return 0  # another replica is at it; this one looks again at the next tick
        self._done = month
        return checked.flagged

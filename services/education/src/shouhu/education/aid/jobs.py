"""Aid's daily work: every child concerned decided again as of the day (a standard whose day
came, a child who left the registry's scope). One replica at a time; twice changes nothing."""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.education.aid import repository, service
from shouhu.education.aid.rules import load
from shouhu.platform.clock import today
from shouhu.platform.db import exclusive

log = logging.getLogger(__name__)
CALENDAR = "calendar"
LOCK = "education-aid-calendar"


def redecide_everyone(engine: Engine, on: date) -> int:
    """Each batch of children concerned in a transaction of its own."""
    rules = load()
    stages = {s.value for s in rules.stages}
    codes = [p.code.value for p in rules.programmes]
    changed, after = 0, None
    while True:
        with Session(engine) as session:
            ids = repository.concerned_after(session, stages, codes, after, service.BATCH)
            changed += service.decide(session, ids, on, CALENDAR)
            session.commit()
        if len(ids) < service.BATCH:
            return changed
        after = ids[-1]


class Daily:
    """Runs once per district day per replica, however often the timer fires; the advisory lock
    keeps two replicas from deciding the same children at once."""

    def __init__(self) -> None:
        self._done: date | None = None

    def __call__(self, engine: Engine) -> int:
        day = today()
        if self._done == day:
            return 0
        with Session(engine) as guard:
            if not exclusive(guard, LOCK):
                return 0  # another replica is at it; this one looks again at the next tick
            changed = redecide_everyone(engine, day)
            guard.commit()
        self._done = day
        if changed:
            log.info("aid: %d children's decisions changed on %s", changed, day)
        return changed

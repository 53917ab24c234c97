"""Timed work of benefits: what the calendar changes without any event.

Once a day: entitlements that started or ended are told of (their plan measures move), and every
child who meets a programme's conditions is decided again (a birthday at 18, a classification
that ran out, the standards of a new year). Each batch is one transaction; running twice changes
nothing more.
"""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.benefits.decisions import repository, service
from shouhu.benefits.decisions.periods import ChangeKind, EntitlementStatus, status_on
from shouhu.benefits.publish import Outbox
from shouhu.benefits.rules.schema import load
from shouhu.platform.clock import today
from shouhu.platform.db import exclusive
from shouhu.platform.events import utcnow

log = logging.getLogger(__name__)
BATCH = 1000
CALENDAR = "calendar"


def publish_transitions(engine: Engine, on: date | None = None) -> int:
    """Tell of entitlements that started or ended since the last event about them."""
    on = on or today()
    rules, told = load(), 0
    while True:
        with Session(engine) as session:
            due = repository.transitions_due(session, on, BATCH)
            children = repository.facts_many(session, {e.child_id for e in due})
            rows = {r.child_id: r for r in children}
            outbox = Outbox()
            for entitlement in due:
                status = status_on(entitlement.starts_on, entitlement.ends_on, on)
                kind = ChangeKind.ENDED if status is EntitlementStatus.ENDED else ChangeKind.STARTED
                reason = entitlement.end_reason or f"自{entitlement.starts_on.isoformat()}起享受"
                service.tell(
                    outbox, rules, rows[entitlement.child_id], entitlement, kind, reason, on, None
                )
            repository.update_entitlements(session, due)
            outbox.write(session)
            session.commit()
        told += len(due)
        if len(due) < BATCH:
            return told


def redecide_everyone(engine: Engine, on: date | None = None) -> int:
    """Decide every known child again as of `on`; only changed decisions are written."""
    on = on or today()
    changed, after = 0, None
    while True:
        with Session(engine) as session:
            ids = repository.child_ids_after(session, after, BATCH)
            changed += service.redecide(session, ids, on, CALENDAR)
            session.commit()
        if len(ids) < BATCH:
            return changed
        after = ids[-1]


class Daily:
    """Runs the calendar's work once per district day, however often the timer fires, however
    many replicas run it and however often they restart."""

    def __init__(self) -> None:
        self._done: date | None = None

    def __call__(self, engine: Engine) -> int:
        day = today()
        if self._done == day:
            return 0
        # The guard's transaction holds the lock while the work commits batch by batch in
        # sessions of its own; the day is recorded as done in the guard's commit.
        with Session(engine) as guard:
            if not exclusive(guard, "benefits-calendar"):
                return 0  # another replica is at it; this one looks again at the next tick
            if repository.calendar_done(guard, day):
                self._done = day
                return 0
            changed = redecide_everyone(engine, day) + publish_transitions(engine, day)
            repository.finish_calendar(guard, day, changed, utcnow())
            guard.commit()
        self._done = day
        if changed:
            log.info("calendar: %d decisions and entitlements changed on %s", changed, day)
        return changed

"""Vetting's daily work (a Periodic): a record check to be reminded of tells its organisation;
one that ran out suspends the volunteer's pairings and tells the town's social worker, with
`volunteers.volunteer.vetted` (`kind` null). One replica at a time; twice a day changes nothing."""

from __future__ import annotations

import logging
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.platform.clock import today
from shouhu.platform.db import exclusive
from shouhu.volunteers.pairing import service
from shouhu.volunteers.pairing.events import VETTING_EXPIRED, VETTING_EXPIRING
from shouhu.volunteers.publish import emit
from shouhu.volunteers.vetting.events import VOLUNTEER_VETTED, VolunteerVetted
from shouhu.volunteers.vetting.service import checks_ending

log = logging.getLogger(__name__)
LOCK = "volunteers-vetting-expiry"
SYSTEM = "system"


def run(session: Session, day: date) -> tuple[int, int]:
    """The day's reminders and expiries, in the caller's transaction: (reminded, expired)."""
    ending = checks_ending(session, day)
    for row in ending.expiring:
        emit(session, VETTING_EXPIRING, row.id, service.vetting_ending(session, row, day, []))
    for row in ending.expired:
        suspended = service.suspend_of(session, row, SYSTEM)
        towns = service.towns_of(session, suspended)
        emit(session, VETTING_EXPIRED, row.id, service.vetting_ending(session, row, day, towns))
        emit(
            session,
            VOLUNTEER_VETTED,
            row.id,
            VolunteerVetted(
                volunteer_id=row.id,
                organisation_id=row.organisation_id,
                division_code=row.division_code,
                vetted=False,
                trained=row.trained,
                check_valid_until=row.check_valid_until,
                kind=None,
                on=day,
                changed_by=SYSTEM,
            ),
        )
    return len(ending.expiring), len(ending.expired)


class Daily:
    """Runs once per district day per replica, however often the timer fires; the advisory lock
    keeps two replicas from reminding twice."""

    def __init__(self) -> None:
        self._done: date | None = None

    def __call__(self, engine: Engine) -> int:
        day = today()
        if self._done == day:
            return 0
        with Session(engine) as session:
            if not exclusive(session, LOCK):
                return 0  # another replica is at it; this one looks again at the next tick
            reminded, expired = run(session, day)
            session.commit()
        self._done = day
        if reminded or expired:
            log.info("vetting: %d reminded, %d expired on %s", reminded, expired, day)
        return reminded + expired

"""The six-month rule (policy 三(二)5): an intervention open six months prompts the petition to
the court to revoke guardianship, once, whichever replica's worker comes first."""

from __future__ import annotations

import calendar
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.platform.clock import today
from shouhu.registry.cases import deadlines, service

BATCH = 200


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day where it has no such day)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def prompt_due(engine: Engine) -> int:
    """Prompt every open intervention that has reached its months; how many were prompted."""
    opened_by = months_before(today(), deadlines.current().petition_after_months)
    prompted = 0
    while True:
        with Session(engine) as session:
            count = service.prompt_petitions(session, opened_by, BATCH)
            session.commit()
        prompted += count
        if count < BATCH:
            return prompted

"""The weekly digest of overdue visits (逾期走访周报): one event per town, once a week.

The registry knows who is overdue; notifications tells the villages' supervisors and the town's
social worker. A week's digest is sent once, whichever replica's worker comes first.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from shouhu.platform.clock import today
from shouhu.platform.events import record_event, utcnow
from shouhu.platform.settings import topic_of
from shouhu.registry.children import repository as children_repository
from shouhu.registry.models import DigestRun
from shouhu.registry.visits import repository
from shouhu.registry.visits.events import OVERDUE_DIGEST, OverdueDigest, VillageOverdue

TOPIC = topic_of("registry")
BATCH = 2000


def week_of(day: date) -> str:
    """The ISO week, as 2026-W49."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def send_weekly(engine: Engine) -> int:
    """This week's digest, if no replica sent it yet: how many towns were told."""
    now = today()
    week = week_of(now)
    with Session(engine) as session:
        if session.get(DigestRun, week) is not None:
            return 0
        policy_rows = repository.intervals(session)
        intervals = {row.primary_category: row.interval_days for row in policy_rows}
        conditions = repository.overdue_conditions(now, policy_rows, None)
        towns: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        after = None
        while True:
            rows = children_repository.search(session, conditions, after=after, limit=BATCH)
            latest = repository.latest_of_many(session, [c.id for c in rows])
            for child in rows:
                last = latest.get(child.id)
                due = (
                    last.next_due
                    if last is not None
                    else child.registered_on + timedelta(days=intervals[child.primary_category])
                )
                towns[child.town_code][child.residence_division_code].append((now - due).days)
            if len(rows) < BATCH:
                break
            after = (rows[-1].residence_division_code, rows[-1].id)
        for town, villages in sorted(towns.items()):
            record_event(
                session,
                topic=TOPIC,
                source="registry",
                event_type=OVERDUE_DIGEST,
                subject=town,
                data=OverdueDigest(
                    week=week,
                    town_division_code=town,
                    villages=[
                        VillageOverdue(
                            village_division_code=village,
                            overdue_count=len(days),
                            oldest_days=max(days),
                        )
                        for village, days in sorted(villages.items())
                    ],
                ).model_dump(mode="json", by_alias=True),
            )
        session.add(DigestRun(week=week, sent_at=utcnow()))
        try:
            session.commit()
        except IntegrityError:  # another replica sent it first: its events stand
            session.rollback()
            return 0
    return len(towns)

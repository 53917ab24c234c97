"""The calendar's daily work: once a day, whatever the replicas and restarts."""

from __future__ import annotations

import secrets
from datetime import date

import pytest
from sqlmodel import Session, select

from shouhu.benefits import jobs
from shouhu.benefits.app import MIGRATIONS
from shouhu.benefits.models import CalendarDay
from shouhu.platform.db import exclusive, make_engine, migrate

MAY = date(2026, 5, 20)


@pytest.fixture
def runs(monkeypatch) -> list[date]:
    """The days on which the calendar's work actually ran."""
    ran: list[date] = []

    def redecide_everyone(engine, on):
        ran.append(on)
        return 3

    monkeypatch.setattr(jobs, "redecide_everyone", redecide_everyone)
    monkeypatch.setattr(jobs, "publish_transitions", lambda engine, on: 1)
    monkeypatch.setattr(jobs, "today", lambda: MAY)
    return ran


def _days(engine) -> list[tuple[date, int]]:
    with Session(engine) as session:
        return [(d.day, d.changed) for d in session.exec(select(CalendarDay)).all()]


def test_a_restarted_or_second_replica_does_not_do_the_day_again(benefits, runs):
    engine = benefits.app.state.engine
    assert jobs.Daily()(engine) == 4
    assert jobs.Daily()(engine) == 0  # a new process: it reads that the day is done
    assert runs == [MAY]
    assert _days(engine) == [(MAY, 4)]


def test_the_next_day_runs_again(benefits, runs, monkeypatch):
    engine = benefits.app.state.engine
    daily = jobs.Daily()
    daily(engine)
    monkeypatch.setattr(jobs, "today", lambda: date(2026, 5, 21))
    daily(engine)
    assert runs == [MAY, date(2026, 5, 21)]


def test_on_postgresql_one_replica_works_while_the_other_passes(postgres, runs):
    url = postgres.create_database(f"calendar_{secrets.token_hex(4)}")
    migrate(url, MIGRATIONS)
    engine = make_engine(url)
    try:
        with Session(engine) as other_replica:
            assert exclusive(other_replica, "benefits-calendar")
            assert jobs.Daily()(engine) == 0  # busy elsewhere: not done, not recorded
            assert runs == [] and _days(engine) == []
        assert jobs.Daily()(engine) == 4  # the lock went with the other's transaction
        assert _days(engine) == [(MAY, 4)]
    finally:
        engine.dispose()

"""The weekly digest of overdue visits: one event per town, once a week."""

from datetime import timedelta

from sqlmodel import Session, select

from shouhu.platform.clock import today
from shouhu.platform.events import OutboxRow
from shouhu.registry.models import Child
from shouhu.registry.visits.digest import send_weekly, week_of


def _digests(registry):
    with Session(registry.app.state.engine) as session:
        rows = session.exec(select(OutboxRow)).all()
    return [r for r in rows if r.event_type == "registry.visits.overdue_digest"]


def test_overdue_children_make_one_digest_per_town_once_a_week(registry, register):
    a = register(seq=1)
    b = register(seq=2, village="110109001002")
    register(seq=3, village="110109101001")
    register(seq=4)  # registered today: not overdue yet
    with Session(registry.app.state.engine) as session:
        for child_id, days in ((a["id"], 400), (b["id"], 370)):
            child = session.get(Child, child_id)
            assert child is not None
            child.registered_on = today() - timedelta(days=days)
            session.add(child)
        session.commit()
    engine = registry.app.state.engine
    assert send_weekly(engine) == 1
    assert send_weekly(engine) == 0  # this week's went out
    (event,) = _digests(registry)
    payload = event.payload
    assert event.key == "110109001" and week_of(today()) in payload
    assert '"overdueCount":1' in payload.replace(" ", "")
    assert "110109001002" in payload and "110109101001" not in payload

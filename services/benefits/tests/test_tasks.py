"""Civil affairs' single-window tasks: benefits decides the child and completes them itself."""

from __future__ import annotations

from datetime import date

import pytest

DAY = date(2026, 3, 12)


def test_a_granted_allowance_completes_the_task_with_the_amount(harness, ev):
    child = ev.new_id()
    harness.deliver(
        ev.registered(child, DAY),
        ev.classified(child, DAY, ["ORPHAN"]),
        ev.task_created(child, DAY, need="LIVING_ALLOWANCE"),
    )
    [answer] = harness.events("benefits.task.updated")
    assert (answer["taskId"], answer["intakeId"], answer["status"]) == ("t-1", "intake-1", "DONE")
    assert answer["actor"] == "benefits" and answer["childId"] == child
    # The highest standard wins (择高原则): only the programme granted is named.
    assert answer["outcome"].startswith("特困人员救助供养：核准，每月2,000.00元（")


def test_nothing_granted_declines_it_with_the_reasons(harness, ev):
    child = ev.new_id()
    harness.deliver(
        ev.registered(child, DAY), ev.task_created(child, DAY, need="GUARDIANSHIP_SUPPORT")
    )
    [answer] = harness.events("benefits.task.updated")
    assert answer["status"] == "DECLINED"
    assert answer["outcome"].startswith("临时性生活保障：不予核准（不符合条件：")
    assert "；监护津贴：不予核准（" in answer["outcome"]


@pytest.mark.parametrize(
    ("need", "department"),
    [("LEGAL_AID", "JUDICIAL"), ("PSYCHOLOGICAL_SUPPORT", "HEALTH"), ("HOUSING", "CIVIL_AFFAIRS")],
)
def test_tasks_of_other_departments_and_needs_are_left_to_people(harness, ev, need, department):
    child = ev.new_id()
    harness.deliver(
        ev.registered(child, DAY), ev.task_created(child, DAY, need=need, department=department)
    )
    assert harness.events("benefits.task.updated") == []


def test_an_unknown_child_is_parked_not_answered(harness, ev):
    import threading

    from sqlmodel import Session, select

    from shouhu.benefits.app import HANDLERS
    from shouhu.platform.events import ParkedEvent
    from shouhu.platform.transport import Message
    from shouhu.platform.worker import EventConsumer

    envelope = ev.task_created(ev.new_id(), DAY, need="LIVING_ALLOWANCE")
    message = Message(topic="shouhu.registry", key=envelope.subject, value=envelope.to_bytes())
    consumer = EventConsumer("benefits", harness.engine, HANDLERS, backoff_seconds=0)
    consumer.deliver(message, threading.Event())
    assert harness.events("benefits.task.updated") == []
    with Session(harness.engine) as session:
        [parked] = session.exec(select(ParkedEvent)).all()
    assert "no child" in parked.error

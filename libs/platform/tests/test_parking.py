"""A message that keeps failing is parked with its key's later ones, and redriven in order."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from shouhu.platform.events import Envelope, InboxRow, ParkedEvent
from shouhu.platform.transport import Message
from shouhu.platform.worker import EventConsumer


def _message(subject: str, n: int) -> Message:
    envelope = Envelope(type="t.happened", source="t", subject=subject, data={"n": n})
    return Message(topic="shouhu.t", key=subject, value=envelope.to_bytes())


class Flaky:
    """A handler that fails for the numbers it is told to, and records what it applied."""

    def __init__(self, failing: set[int]) -> None:
        self.failing = failing
        self.applied: list[int] = []

    def __call__(self, session: Session, envelope: Envelope) -> None:
        n = envelope.data["n"]
        if n in self.failing:
            raise RuntimeError(f"no row for {n} yet")
        self.applied.append(n)


def _consumer(engine, handler: Flaky) -> EventConsumer:
    return EventConsumer("svc", engine, {"t.happened": handler}, attempts=2, backoff_seconds=0.001)


def _parked(engine) -> list[tuple[str, int, int, str]]:
    with Session(engine) as session:
        rows = session.exec(select(ParkedEvent).order_by(ParkedEvent.id)).all()
        return [(r.key, Envelope.from_bytes(r.value).data["n"], r.attempts, r.error) for r in rows]


def test_a_failing_message_is_parked_and_its_key_waits_behind_it(engine):
    handler = Flaky(failing={1})
    consumer = _consumer(engine, handler)
    stop = threading.Event()
    for message in (_message("a", 1), _message("b", 2), _message("a", 3)):
        consumer.deliver(message, stop)
    # Child b goes on; child a's second event is not applied before its first.
    assert handler.applied == [2]
    parked = _parked(engine)
    assert [(key, n, attempts) for key, n, attempts, _ in parked] == [("a", 1, 2), ("a", 3, 0)]
    assert parked[0][3] == "RuntimeError: no row for 1 yet"
    assert parked[1][3] == "前序事件已搁置，按顺序等待"


def test_redrive_applies_a_key_in_order_once_it_can(engine):
    handler = Flaky(failing={1})
    consumer = _consumer(engine, handler)
    for message in (_message("a", 1), _message("a", 3)):
        consumer.deliver(message, threading.Event())
    assert consumer.redrive() == 0  # still failing: nothing moves, the order holds
    assert [attempts for _, _, attempts, _ in _parked(engine)] == [3, 0]
    handler.failing.clear()
    assert consumer.redrive() == 2
    assert handler.applied == [1, 3]
    assert _parked(engine) == []
    with Session(engine) as session:
        assert len(session.exec(select(InboxRow)).all()) == 2
    consumer.deliver(_message("a", 4), threading.Event())  # the key flows again
    assert handler.applied == [1, 3, 4]


def test_a_stuck_key_does_not_hold_back_another(engine):
    handler = Flaky(failing={1, 5})
    consumer = _consumer(engine, handler)
    for message in (_message("a", 1), _message("b", 5), _message("a", 3), _message("b", 6)):
        consumer.deliver(message, threading.Event())
    handler.failing = {1}
    assert consumer.redrive() == 2
    assert handler.applied == [5, 6]
    assert [(key, n) for key, n, _, _ in _parked(engine)] == [("a", 1), ("a", 3)]


def test_stopping_during_the_backoff_leaves_the_message_undone(engine):
    handler = Flaky(failing={1})
    stop = threading.Event()
    stop.set()
    with pytest.raises(RuntimeError):  # not done: delivered again after the restart
        _consumer(engine, handler).deliver(_message("a", 1), stop)
    assert _parked(engine) == []


def test_what_is_not_an_envelope_is_parked_as_it_came(engine):
    consumer = _consumer(engine, Flaky(failing=set()))
    consumer.deliver(Message(topic="shouhu.t", key="a", value=b"{not json"), threading.Event())
    with Session(engine) as session:
        [row] = session.exec(select(ParkedEvent)).all()
    assert (row.event_id, row.value, row.attempts) == ("", b"{not json", 2)


class Unreachable:
    """A handler whose database is away for its first few tries (a restart), then back."""

    def __init__(self, away: int) -> None:
        self.away = away
        self.applied: list[int] = []

    def __call__(self, session: Session, envelope: Envelope) -> None:
        if self.away:
            self.away -= 1
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError("server closed"))
        self.applied.append(envelope.data["n"])


def test_a_database_away_is_waited_for_not_parked(engine):
    # More tries away than the consumer's attempts: none of them counts against the message.
    handler = Unreachable(away=5)
    consumer = EventConsumer(
        "svc", engine, {"t.happened": handler}, attempts=2, backoff_seconds=0.001
    )
    consumer.deliver(_message("a", 1), threading.Event())
    assert handler.applied == [1]
    assert _parked(engine) == []


def test_stopping_while_the_database_is_away_leaves_the_message_undone(engine):
    handler = Unreachable(away=1)
    consumer = EventConsumer("svc", engine, {"t.happened": handler}, attempts=2)
    stop = threading.Event()
    stop.set()
    with pytest.raises(OperationalError):
        consumer.deliver(_message("a", 1), stop)
    assert handler.applied == []
    assert _parked(engine) == []


def test_each_consumer_of_a_service_redrives_its_own_topics_only(engine):
    # One service, two subscriptions under its one name: the one that does not know the
    # other's events must leave them parked, not take them for applied.
    mine, theirs = Flaky(failing={1}), Flaky(failing=set())
    registry = EventConsumer("svc", engine, {"t.happened": mine}, topics=["shouhu.t"], attempts=1)
    other = EventConsumer("svc", engine, {"u.happened": theirs}, topics=["shouhu.u"], attempts=1)
    registry.deliver(_message("a", 1), threading.Event())
    assert other.redrive() == 0
    assert [(key, n) for key, n, _, _ in _parked(engine)] == [("a", 1)]
    mine.failing.clear()
    assert registry.redrive() == 1
    assert mine.applied == [1] and theirs.applied == []
    assert _parked(engine) == []

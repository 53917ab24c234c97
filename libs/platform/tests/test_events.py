"""Envelope, outbox, relay and inbox."""

import threading

import pytest
from opentelemetry.sdk.trace import TracerProvider
from pydantic import BaseModel, Field
from sqlmodel import Session, select

from shouhu.platform.events import (
    Envelope,
    InboxRow,
    OutboxBatch,
    OutboxRow,
    claim_for,
    outbox_committed,
    record_event,
)
from shouhu.platform.transport import InProcessTransport, Message
from shouhu.platform.worker import EventConsumer, OutboxRelay, Worker


def _record(session: Session, subject: str, n: int = 0) -> Envelope:
    return record_event(
        session,
        topic="shouhu.test",
        source="test",
        event_type="test.thing.happened",
        subject=subject,
        data={"n": n},
    )


def test_envelope_round_trips_through_bytes():
    envelope = Envelope(type="t.x", source="s", subject="c1", data={"a": 1, "b": "二"})
    again = Envelope.from_bytes(envelope.to_bytes())
    assert again == envelope
    assert again.schema_version == 1


def test_record_event_carries_the_current_trace():
    tracer = TracerProvider().get_tracer("test")
    with tracer.start_as_current_span("request") as span, Session() as session:
        envelope = _record(session, "c1")
    trace_id = format(span.get_span_context().trace_id, "032x")
    assert envelope.trace["traceparent"].split("-")[1] == trace_id


class _Thing(BaseModel):
    n: int
    said_by: str = Field(alias="saidBy")


def test_a_batch_writes_the_rows_record_event_writes_in_order_and_wakes_the_relays(engine):
    woken = threading.Event()
    outbox_committed.listen(woken)
    tracer = TracerProvider().get_tracer("test")
    try:
        with tracer.start_as_current_span("sweep"), Session(engine) as session:
            batch = OutboxBatch("shouhu.test", "test")
            one = _record(session, "c0")
            sent = [
                batch.add("test.thing.happened", f"c{n}", _Thing(n=n, saidBy="x")) for n in (1, 2)
            ]
            assert len(batch) == 2 and not woken.is_set()
            batch.write(session)
            assert len(batch) == 0
            session.commit()
        assert woken.is_set()
    finally:
        outbox_committed.forget(woken)
    with Session(engine) as session:
        rows = session.exec(select(OutboxRow).order_by(OutboxRow.seq)).all()
    assert [r.event_id for r in rows] == [one.id, *(e.id for e in sent)]
    assert {(r.topic, r.event_type) for r in rows} == {("shouhu.test", "test.thing.happened")}
    again = [Envelope.model_validate_json(r.payload) for r in rows]
    assert [e.subject for e in again] == ["c0", "c1", "c2"]
    assert again[2].data == {"n": 2, "saidBy": "x"}  # by alias, as the services' payloads
    assert again[1].trace == again[0].trace  # the batch's trace, as record_event's


def test_outbox_row_lands_only_with_its_transaction(engine):
    with Session(engine) as session:
        _record(session, "c1")
        session.rollback()
    with Session(engine) as session:
        assert session.exec(select(OutboxRow)).all() == []
        _record(session, "c1")
        session.commit()
    with Session(engine) as session:
        assert len(session.exec(select(OutboxRow)).all()) == 1


def test_relay_publishes_in_order_and_marks_published(engine):
    transport = InProcessTransport()
    with Session(engine) as session:
        for n in range(5):
            _record(session, f"child-{n % 2}", n)
        session.commit()
    relay = OutboxRelay(engine, transport)
    assert relay.run_once() == 5
    assert relay.run_once() == 0
    seen: list[int] = []
    stop = threading.Event()

    def handle(message: Message) -> None:
        seen.append(Envelope.from_bytes(message.value).data["n"])
        if len(seen) == 5:
            stop.set()

    transport.consume("g", ["shouhu.test"], handle, stop)
    assert seen == [0, 1, 2, 3, 4]
    with Session(engine) as session:
        rows = session.exec(select(OutboxRow)).all()
        assert all(row.published_at is not None for row in rows)


class _BrokenTransport(InProcessTransport):
    def flush(self) -> None:
        raise ConnectionError("broker away")


def test_relay_keeps_rows_when_the_broker_fails(engine):
    with Session(engine) as session:
        _record(session, "c1")
        session.commit()
    with pytest.raises(ConnectionError):
        OutboxRelay(engine, _BrokenTransport()).run_once()
    with Session(engine) as session:
        assert session.exec(select(OutboxRow)).one().published_at is None
    # The next attempt publishes it: at least once, never lost.
    assert OutboxRelay(engine, InProcessTransport()).run_once() == 1


def test_relay_adds_trace_headers(engine):
    with Session(engine) as session:
        _record(session, "c1")
        session.commit()
    transport = InProcessTransport()
    sent: list[Message] = []
    transport.send = sent.append  # type: ignore[method-assign]
    OutboxRelay(engine, transport).run_once()
    headers = dict(sent[0].headers)
    assert headers["event_type"] == b"test.thing.happened"
    assert sent[0].key == "c1"


def _message(envelope: Envelope) -> Message:
    return Message(topic="shouhu.test", key=envelope.subject, value=envelope.to_bytes())


def test_inbox_makes_redelivery_change_nothing(engine):
    applied: list[str] = []

    def handler(session: Session, envelope: Envelope) -> None:
        applied.append(envelope.id)

    consumer = EventConsumer("svc", engine, {"test.thing.happened": handler})
    envelope = Envelope(type="test.thing.happened", source="t", subject="c1", data={})
    consumer.handle(_message(envelope))
    consumer.handle(_message(envelope))
    assert applied == [envelope.id]
    with Session(engine) as session:
        assert len(session.exec(select(InboxRow)).all()) == 1


def test_failed_handler_leaves_no_inbox_row_so_the_retry_applies(engine):
    calls = {"n": 0}

    def flaky(session: Session, envelope: Envelope) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("database hiccup")

    consumer = EventConsumer("svc", engine, {"test.thing.happened": flaky})
    envelope = Envelope(type="test.thing.happened", source="t", subject="c1", data={})
    with pytest.raises(RuntimeError):
        consumer.handle(_message(envelope))
    with Session(engine) as session:
        assert session.exec(select(InboxRow)).all() == []
    consumer.handle(_message(envelope))
    assert calls["n"] == 2


def test_each_consumer_has_its_own_inbox(engine):
    envelope = Envelope(type="t", source="s", subject="c", data={})
    with Session(engine) as session:
        assert claim_for(session, "a", envelope)
        assert claim_for(session, "b", envelope)
        session.commit()
        assert not claim_for(session, "a", envelope)


def test_unknown_event_types_are_ignored(engine):
    consumer = EventConsumer("svc", engine, {})
    consumer.handle(_message(Envelope(type="other", source="s", subject="c", data={})))
    with Session(engine) as session:
        assert session.exec(select(InboxRow)).all() == []


def test_in_process_transport_gives_each_group_every_message():
    transport = InProcessTransport()
    for n in range(3):
        transport.send(Message(topic="t", key="k", value=str(n).encode()))
    for group in ("a", "b"):
        got: list[bytes] = []
        stop = threading.Event()

        def handle(message: Message, got: list[bytes] = got, stop: threading.Event = stop) -> None:
            got.append(message.value)
            if len(got) == 3:
                stop.set()

        transport.consume(group, ["t"], handle, stop)
        assert got == [b"0", b"1", b"2"]


def test_the_worker_runs_its_timed_jobs_until_stopped(engine):
    from shouhu.platform.worker import Periodic, Worker

    runs: list[object] = []
    ran = threading.Event()

    def job(bound: object) -> None:
        runs.append(bound)
        ran.set()

    worker = Worker(
        name="svc",
        engine=engine,
        transport=InProcessTransport(),
        own_topic="shouhu.svc",
        subscriptions=[],
        periodic=[Periodic("tick", 3600, job)],
    )
    worker.start()
    assert ran.wait(10)
    worker.stop()
    assert runs == [engine]


def test_only_a_commit_that_wrote_events_wakes_the_relays(engine):
    woken = threading.Event()
    outbox_committed.listen(woken)
    try:
        with Session(engine) as session:
            _record(session, "c1")
            session.rollback()
            session.commit()  # nothing written: the rolled-back event is forgotten
            assert not woken.is_set()
            _record(session, "c1")
            session.commit()
            assert woken.is_set()
    finally:
        outbox_committed.forget(woken)


def test_the_worker_relays_an_event_as_soon_as_its_process_commits_it(engine, monkeypatch):
    looks: list[int] = []
    looked = threading.Event()
    run_once = OutboxRelay.run_once

    def counted(relay: OutboxRelay) -> int:
        published = run_once(relay)
        looks.append(published)
        looked.set()
        return published

    monkeypatch.setattr(OutboxRelay, "run_once", counted)
    transport = InProcessTransport()
    # An hour between looks: only the commit can bring the next one.
    worker = Worker(
        name="svc",
        engine=engine,
        transport=transport,
        own_topic="shouhu.test",
        subscriptions=[],
        interval=3600,
    )
    worker.start()
    try:
        assert looked.wait(10)
        assert looks == [0]
        looked.clear()
        with Session(engine) as session:
            _record(session, "c1")
            session.commit()
        assert looked.wait(10)
        assert looks[:2] == [0, 1]
    finally:
        worker.stop()
    with Session(engine) as session:
        assert session.exec(select(OutboxRow)).one().published_at is not None


def test_a_run_of_events_from_one_trace_is_published_under_one_span(engine, monkeypatch):
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    from shouhu.platform import worker

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    tracer = provider.get_tracer("test")
    monkeypatch.setattr(worker, "tracer", tracer)
    with Session(engine) as session:
        with tracer.start_as_current_span("bulk change"):
            for n in range(3):
                _record(session, f"child-{n}", n)
        with tracer.start_as_current_span("one request"):
            _record(session, "child-9", 9)
        session.commit()
    transport = InProcessTransport()
    sent: list[Message] = []
    transport.send = sent.append  # type: ignore[method-assign]
    assert OutboxRelay(engine, transport).run_once() == 4

    publish = [s for s in exporter.get_finished_spans() if s.name == "shouhu.test publish"]
    assert [s.attributes["messaging.batch.message_count"] for s in publish] == [3, 1]
    requests = {s.name: s for s in exporter.get_finished_spans() if s.name != "shouhu.test publish"}
    assert publish[0].parent.span_id == requests["bulk change"].context.span_id
    assert publish[1].parent.span_id == requests["one request"].context.span_id
    assert publish[1].attributes["messaging.message.id"] == Envelope.from_bytes(sent[3].value).id
    # Each message carries the context of the span it was published under.
    parents = [dict(m.headers)["traceparent"].decode().split("-")[2] for m in sent]
    assert parents == [format(publish[0].context.span_id, "016x")] * 3 + [
        format(publish[1].context.span_id, "016x")
    ]


def _aged(engine, *, published_days_ago: list[float | None], applied_days_ago: list[float]):
    from datetime import timedelta

    from shouhu.platform.events import utcnow

    now = utcnow()
    with Session(engine) as session:
        for n in range(len(published_days_ago)):
            _record(session, f"c{n}", n)
            session.flush()
        rows = session.exec(select(OutboxRow).order_by(OutboxRow.seq)).all()
        for row, days in zip(rows, published_days_ago, strict=True):
            row.published_at = None if days is None else now - timedelta(days=days)
        for n, days in enumerate(applied_days_ago):
            session.add(
                InboxRow(
                    consumer="svc",
                    event_id=f"e{n}",
                    event_type="t",
                    processed_at=now - timedelta(days=days),
                )
            )
        session.commit()


def test_retention_forgets_old_published_events_and_applied_ids(engine, monkeypatch):
    from shouhu.platform import events
    from shouhu.platform.worker import Retention

    monkeypatch.setattr(events, "PRUNE_BATCH", 2)  # the loop over batches is exercised too
    _aged(engine, published_days_ago=[10, 9, 8, 1, 12, None], applied_days_ago=[40, 29])
    assert Retention(outbox_days=7, inbox_days=30).run(engine) == 3 + 1
    with Session(engine) as session:
        left = session.exec(select(OutboxRow.key).order_by(OutboxRow.seq)).all()
        # Oldest first, up to the first one still kept: a later old row waits its turn.
        assert left == ["c3", "c4", "c5"]
        assert session.exec(select(InboxRow.event_id)).all() == ["e1"]


def test_retention_never_removes_what_is_not_published(engine):
    from shouhu.platform.worker import Retention

    _aged(engine, published_days_ago=[None, 20], applied_days_ago=[])
    assert Retention(outbox_days=7).run(engine) == 0
    with Session(engine) as session:
        assert len(session.exec(select(OutboxRow)).all()) == 2

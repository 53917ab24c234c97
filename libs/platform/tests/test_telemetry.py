"""Tracing costs nothing without an exporter, and the caller's trace context still travels on."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import FastAPI, WebSocket
from fastapi.testclient import TestClient
from opentelemetry import propagate
from opentelemetry.sdk.trace.sampling import Decision

from shouhu.platform import telemetry
from shouhu.platform.settings import ExporterKind, ServiceSettings

TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"


def test_without_an_exporter_nothing_is_recorded_and_the_traceparent_is_forwarded(
    monkeypatch,
) -> None:
    monkeypatch.setattr(telemetry, "_provider", None)
    app = FastAPI()

    @app.get("/forward")
    def forward() -> dict[str, str]:
        carrier: dict[str, str] = {}
        propagate.inject(carrier)  # what ServiceClient and the outbox do
        return carrier

    @app.websocket("/live")
    async def live(websocket: WebSocket) -> None:  # the gateway's subscriptions
        await websocket.accept()
        carrier: dict[str, str] = {}
        propagate.inject(carrier)
        await websocket.send_json(carrier)
        await websocket.close()

    telemetry.instrument_app(app, ServiceSettings(telemetry_exporter=ExporterKind.NONE))
    assert telemetry._provider is None  # no SDK provider: the API's no-op tracer
    assert [m.cls for m in app.user_middleware] == [telemetry.TraceContextMiddleware]
    with TestClient(app) as client:
        assert client.get("/forward", headers={"traceparent": TRACEPARENT}).json() == {
            "traceparent": TRACEPARENT
        }
        assert client.get("/forward").json() == {}
        with client.websocket_connect("/live", headers={"traceparent": TRACEPARENT}) as socket:
            assert socket.receive_json() == {"traceparent": TRACEPARENT}


def test_the_sampler_follows_the_caller_and_keeps_new_traces_at_the_ratio() -> None:
    from opentelemetry import trace
    from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags

    sampler = telemetry.sampler(ServiceSettings(telemetry_sample_ratio=0.0))
    assert sampler.should_sample(None, 0x1234, "root").decision is Decision.DROP
    parent = trace.set_span_in_context(
        NonRecordingSpan(
            SpanContext(0x1234, 0x99, is_remote=True, trace_flags=TraceFlags(TraceFlags.SAMPLED))
        )
    )
    sampled = sampler.should_sample(parent, 0x1234, "child").decision
    assert sampled is Decision.RECORD_AND_SAMPLE
    always = telemetry.sampler(ServiceSettings(telemetry_sample_ratio=1.0))
    assert always.should_sample(None, 0x1234, "root").decision is Decision.RECORD_AND_SAMPLE


def test_a_client_span_without_a_parent_starts_no_trace() -> None:
    from opentelemetry import trace
    from opentelemetry.trace import NonRecordingSpan, SpanContext, SpanKind, TraceFlags

    sampler = telemetry.sampler(ServiceSettings(telemetry_sample_ratio=1.0))
    for kind in (SpanKind.SERVER, SpanKind.CONSUMER, SpanKind.INTERNAL, SpanKind.PRODUCER):
        assert (
            sampler.should_sample(None, 0x1234, "root", kind).decision is Decision.RECORD_AND_SAMPLE
        )
    assert sampler.should_sample(None, 0x1234, "SELECT", SpanKind.CLIENT).decision is Decision.DROP
    parent = trace.set_span_in_context(
        NonRecordingSpan(SpanContext(0x1234, 0x99, is_remote=False, trace_flags=TraceFlags(1)))
    )
    within = sampler.should_sample(parent, 0x1234, "SELECT", SpanKind.CLIENT).decision
    assert within is Decision.RECORD_AND_SAMPLE


def test_the_file_exporter_appends_each_span_as_one_json_line(tmp_path: Path) -> None:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor

    path = tmp_path / "spans.jsonl"
    path.write_text('{"name": "before"}\n')
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(telemetry.JsonLinesExporter(str(path))))
    tracer = provider.get_tracer("test")
    with tracer.start_as_current_span("outer"), tracer.start_as_current_span("inner"):
        pass
    provider.shutdown()
    names = [json.loads(line)["name"] for line in path.read_text().splitlines()]
    assert names == ["before", "inner", "outer"]

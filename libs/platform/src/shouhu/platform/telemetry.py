"""OpenTelemetry: one tracer provider per process, exporters chosen by setting.

With the exporter `none` nothing is traced: no SDK provider is installed (the API's no-op
tracer stands in: a span started under a remote parent is that parent, unrecorded), no client
library is instrumented, and the app only carries the incoming `traceparent` into the request's
context, so that calls and events it makes forward it and a trace stays whole across this hop.
With an exporter, requests are sampled by `telemetry_sample_ratio`, parent-based: a request
whose caller sampled it is traced, one whose caller did not is not, and a new trace is kept at
that ratio (by its trace id, the same answer in every service). A client span with no parent
starts no trace: it is a worker's poll or bookkeeping (a query, a pool's connect) that no request
or event caused, and an idle worker would otherwise send a trace every few hundred milliseconds.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import IO, Any

from fastapi import FastAPI
from opentelemetry import context, propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import (
    Decision,
    ParentBased,
    Sampler,
    SamplingResult,
    TraceIdRatioBased,
)
from opentelemetry.util.types import Attributes
from starlette.types import ASGIApp, Receive, Scope, Send

from shouhu.platform.settings import ExporterKind, ServiceSettings

_lock = threading.Lock()
_provider: TracerProvider | None = None
memory_exporter = InMemorySpanExporter()


class JsonLinesExporter(SpanExporter):
    """Spans as JSON lines appended to a file, each batch in one write: no reader sees half."""

    def __init__(self, path: str) -> None:
        self._out: IO[str] = open(path, "a", encoding="utf-8")  # noqa: SIM115

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        self._out.write("".join(span.to_json(indent=None) + "\n" for span in spans))
        self._out.flush()
        return SpanExportResult.SUCCESS

    def shutdown(self) -> None:
        self._out.close()


def _exporter(settings: ServiceSettings) -> SpanExporter | None:
    kind = settings.telemetry_exporter
    if kind is ExporterKind.CONSOLE:
        return ConsoleSpanExporter()
    if kind is ExporterKind.FILE:
        return JsonLinesExporter(settings.telemetry_file)
    if kind is ExporterKind.OTLP:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        return OTLPSpanExporter(endpoint=settings.otlp_endpoint)
    if kind is ExporterKind.MEMORY:
        return memory_exporter
    return None


class RootSampler(Sampler):
    """New traces at the ratio, but none begun by a client span (a query, a call, a connect)."""

    def __init__(self, ratio: float) -> None:
        self._ratio = TraceIdRatioBased(ratio)

    def should_sample(
        self,
        parent_context: context.Context | None,
        trace_id: int,
        name: str,
        kind: trace.SpanKind | None = None,
        attributes: Attributes = None,
        links: Sequence[trace.Link] | None = None,
        trace_state: trace.TraceState | None = None,
    ) -> SamplingResult:
        if kind is trace.SpanKind.CLIENT:
            return SamplingResult(Decision.DROP)
        return self._ratio.should_sample(
            parent_context, trace_id, name, kind, attributes, links, trace_state
        )

    def get_description(self) -> str:
        return f"RootSampler{{{self._ratio.get_description()}, no client roots}}"


def sampler(settings: ServiceSettings) -> Sampler:
    """Parent-based: follow the caller's decision; new traces kept at the configured ratio."""
    return ParentBased(root=RootSampler(settings.telemetry_sample_ratio))


def configure_tracing(settings: ServiceSettings) -> trace.TracerProvider:
    """Set the process's tracer provider once; later calls return the same one.

    Without an exporter no provider is set: the API's no-op provider records nothing, and a
    later configuration in the same process (embedded mode, tests) may still set a real one.
    """
    global _provider
    with _lock:
        if _provider is not None:
            return _provider
        exporter = _exporter(settings)
        if exporter is None:
            return trace.get_tracer_provider()
        provider = TracerProvider(
            resource=Resource.create({"service.name": settings.service_name}),
            sampler=sampler(settings),
        )
        processor: Any
        if settings.telemetry_exporter is ExporterKind.MEMORY:
            # Read by unit tests right after a request: no batching delay.
            processor = SimpleSpanProcessor(exporter)
        elif settings.telemetry_exporter is ExporterKind.FILE:
            # A write and a flush per span held the GIL's other threads back (a third of an
            # embedded platform's time); a batch each half second, which tests poll for.
            processor = BatchSpanProcessor(exporter, schedule_delay_millis=500)
        else:
            processor = BatchSpanProcessor(exporter)
        provider.add_span_processor(processor)
        trace.set_tracer_provider(provider)
        _instrument_clients(provider)
        _provider = provider
        return provider


def _instrument_clients(provider: TracerProvider) -> None:
    from opentelemetry.instrumentation.aiohttp_client import AioHttpClientInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    # Wraps create_engine: engines made after this are traced.
    SQLAlchemyInstrumentor().instrument(tracer_provider=provider)
    AioHttpClientInstrumentor().instrument(tracer_provider=provider)
    HTTPXClientInstrumentor().instrument(tracer_provider=provider)
    # Kafka is traced by the relay and the consumers themselves (worker.py): the kafka-python
    # instrumentation would add a second span per message and does not reach poll().


def instrument_app(app: FastAPI, settings: ServiceSettings) -> None:
    """Trace a FastAPI app's requests; without an exporter, only carry the trace context."""
    configure_tracing(settings)
    provider = _provider
    if provider is None:
        app.add_middleware(TraceContextMiddleware)
        return
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    FastAPIInstrumentor.instrument_app(
        app,
        tracer_provider=provider,
        excluded_urls="healthz,readyz",
        # One server span per request; a span per ASGI message doubles the cost for nothing.
        exclude_spans=["receive", "send"],
    )


_TRACE_HEADERS = (b"traceparent", b"tracestate", b"baggage")


class TraceContextMiddleware:
    """Pure ASGI: the caller's trace context, current for the request; nothing recorded."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # A WebSocket too: the gateway's subscriptions call the notifications service under it.
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        carrier = {k.decode(): v.decode() for k, v in scope["headers"] if k in _TRACE_HEADERS}
        if not carrier:
            await self.app(scope, receive, send)
            return
        token = context.attach(propagate.extract(carrier))
        try:
            await self.app(scope, receive, send)
        finally:
            context.detach(token)


def flush() -> None:
    """Export what is buffered (tests, shutdown)."""
    if _provider is not None:
        _provider.force_flush()

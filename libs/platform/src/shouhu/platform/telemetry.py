"""OpenTelemetry: one tracer provider per process, exporters chosen by setting."""

from __future__ import annotations

import threading
from typing import IO, Any

from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
    SpanExporter,
)
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from shouhu.platform.settings import ExporterKind, ServiceSettings

_lock = threading.Lock()
_provider: TracerProvider | None = None
memory_exporter = InMemorySpanExporter()


def _one_line(span: ReadableSpan) -> str:
    text: str = span.to_json(indent=None)
    return text + "\n"


def _exporter(settings: ServiceSettings) -> SpanExporter | None:
    kind = settings.telemetry_exporter
    if kind is ExporterKind.CONSOLE:
        return ConsoleSpanExporter()
    if kind is ExporterKind.FILE:
        out: IO[str] = open(settings.telemetry_file, "a", buffering=1, encoding="utf-8")  # noqa: SIM115
        return ConsoleSpanExporter(out=out, formatter=_one_line)
    if kind is ExporterKind.OTLP:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        return OTLPSpanExporter(endpoint=settings.otlp_endpoint)
    if kind is ExporterKind.MEMORY:
        return memory_exporter
    return None


def configure_tracing(settings: ServiceSettings) -> TracerProvider:
    """Set the process's tracer provider once; later calls return the same one."""
    global _provider
    with _lock:
        if _provider is not None:
            return _provider
        provider = TracerProvider(resource=Resource.create({"service.name": settings.service_name}))
        exporter = _exporter(settings)
        if exporter is not None:
            # Files and memory are read by tests right after a request: no batching delay.
            simple = settings.telemetry_exporter in (ExporterKind.FILE, ExporterKind.MEMORY)
            processor: Any = (
                SimpleSpanProcessor(exporter) if simple else BatchSpanProcessor(exporter)
            )
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
    """Trace a FastAPI app's requests."""
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    provider = configure_tracing(settings)
    FastAPIInstrumentor.instrument_app(
        app, tracer_provider=provider, excluded_urls="healthz,readyz"
    )


def flush() -> None:
    """Export what is buffered (tests, shutdown)."""
    if _provider is not None:
        _provider.force_flush()

"""Session-scoped pytest fixtures: postgres, kafka, keycloak (started on first use)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest

from shouhu.localstack.kafka import KafkaHandle, start_kafka
from shouhu.localstack.keycloak import KeycloakHandle, start_keycloak
from shouhu.localstack.postgres import PostgresHandle, start_postgres

READY_SECONDS: dict[str, float] = {}

H = TypeVar("H", PostgresHandle, KafkaHandle, KeycloakHandle)


def _serve(name: str, start: Callable[[], H]) -> Iterator[H]:
    """Start a service, record and print its time to ready, stop it afterwards."""
    began = time.monotonic()
    handle = start()
    READY_SECONDS[name] = time.monotonic() - began
    print(f"\n[localstack] {name} ({handle.provider}) ready in {READY_SECONDS[name]:.1f}s")
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresHandle]:
    """A PostgreSQL server with a superuser; use create_database(name) for a fresh database."""
    yield from _serve("postgres", start_postgres)


@pytest.fixture(scope="session")
def kafka() -> Iterator[KafkaHandle]:
    """A single-node Kafka broker (auto-created topics, 3 partitions)."""
    yield from _serve("kafka", start_kafka)


@pytest.fixture(scope="session")
def keycloak() -> Iterator[KeycloakHandle]:
    """Keycloak serving the shouhu realm."""
    yield from _serve("keycloak", start_keycloak)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how long each real service took to become ready, at the end of the run."""
    if READY_SECONDS:
        terminalreporter.section("real services: time to ready")
        for name, seconds in READY_SECONDS.items():
            terminalreporter.write_line(f"{name}: {seconds:.1f} s")

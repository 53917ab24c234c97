"""The faults suite's own stack: PostgreSQL, Kafka and Keycloak of its own (so that halting them
disturbs no other module of the session), each service's API and worker as separate processes,
a steady load through the gateway, and the audit that counts every effect across the databases.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, create_engine, text

from shouhu.localstack.kafka import KafkaHandle, start_kafka
from shouhu.localstack.keycloak import KeycloakHandle, start_keycloak
from shouhu.localstack.postgres import PostgresHandle, start_postgres
from shouhu.platform.testing import new_child_input

SUPERVISOR = "supervisor.110109001001"
CLERK = "clerk.110109001"
VILLAGE = "110109001001"
SERVICES = ("registry", "benefits", "education", "volunteers", "notifications")

REGISTER = "mutation($input: RegisterChildInput!) { registerChild(input: $input) { id version } }"
CLASSIFY = """mutation($id: ID!, $version: Int!, $input: ClassifyChildInput!) {
  classifyChild(id: $id, version: $version, input: $input) { id version } }"""
SUBMIT = """mutation($input: SubmitIntakeInput!) { submitIntake(input: $input) {
  id child { id } tasks { id } } }"""
# One classification after another moves the child between the groups: each is a real change.
GROUPS = [
    [{"group": "LEFT_BEHIND", "subtype": "BOTH_PARENTS_AWAY"}],
    [{"group": "ILLNESS_DISABILITY", "subtype": "HIV_AFFECTED"}],
]


def consumed_types() -> dict[tuple[str, str], set[str]]:
    """(consumer, source service) → the event types its handlers take, from the code itself."""
    from shouhu.benefits.app import HANDLERS as BENEFITS
    from shouhu.education.app import HANDLERS as EDUCATION
    from shouhu.notifications.handlers import BENEFITS_HANDLERS, REGISTRY_HANDLERS
    from shouhu.registry.intakes.handlers import TASK_HANDLERS
    from shouhu.registry.plans.handlers import HANDLERS as PLANS
    from shouhu.volunteers.app import REGISTRY_HANDLERS as VOLUNTEERS

    return {
        ("benefits", "registry"): set(BENEFITS),
        ("education", "registry"): set(EDUCATION),
        ("notifications", "registry"): set(REGISTRY_HANDLERS),
        ("volunteers", "registry"): set(VOLUNTEERS),
        ("notifications", "benefits"): set(BENEFITS_HANDLERS),
        ("registry", "benefits"): set(PLANS) | set(TASK_HANDLERS),
    }


@dataclass
class Audit:
    """Every effect the events should have had, found once, or not."""

    expected: int
    found: int
    lost: int
    doubled: int
    unpublished: int
    parked: int
    missing: list[str] = field(default_factory=list)
    # The subjects (children) whose events some consumer has not applied.
    missing_subjects: set[str] = field(default_factory=set)
    settled_seconds: float = 0.0  # from the end of the work until every effect was in

    @property
    def clean(self) -> bool:
        return self.lost == 0 and self.doubled == 0 and self.unpublished == 0 and self.parked == 0


@dataclass
class FaultStack:
    """The platform on the suite's own servers, with its processes to kill and start."""

    postgres: PostgresHandle
    kafka: KafkaHandle
    keycloak: KeycloakHandle
    platform: Any
    tools: Any
    extra: list[Any] = field(default_factory=list)
    boot_seconds: dict[str, float] = field(default_factory=lambda: BOOT_SECONDS)
    # What the tests drive it with (a test module cannot import this conftest).
    CLERK = CLERK
    SUPERVISOR = SUPERVISOR
    CLASSIFY = CLASSIFY
    REGISTER = REGISTER
    _engines: dict[str, Engine] = field(default_factory=dict)
    _tokens: dict[str, str] = field(default_factory=dict)

    @property
    def graphql_url(self) -> str:
        return str(self.platform.graphql_url)

    def token(self, username: str) -> str:
        """A token for the user, asked for once per user (kept through the outages)."""
        if username not in self._tokens:
            self._tokens[username] = self.platform.token(username)
        return self._tokens[username]

    def load(self, label: str) -> Load:
        """A steady stream of work through the gateway, while in a `with` block."""
        return Load(self, label)

    def report(self, fault: str, load: Load, audit: Audit, extra: str = "") -> None:
        """The line each test prints: work sent, effects found, lost, doubled."""
        print(
            f"\n[fault] {fault}: {load.summary()}; effects found {audit.found}/{audit.expected}, "
            f"lost {audit.lost}, doubled {audit.doubled}, unpublished {audit.unpublished}, "
            f"parked {audit.parked}, settled {audit.settled_seconds:.0f} s after the work"
            f"{'; ' + extra if extra else ''}",
            flush=True,
        )

    def process(self, name: str) -> Any:
        return next(p for p in [*self.platform.processes, *self.extra] if p.name == name)

    def kill(self, name: str) -> None:
        """SIGKILL a process: no shutdown, no flush, no commit."""
        process = self.process(name)
        process.popen.send_signal(signal.SIGKILL)
        process.popen.wait(timeout=10)

    def start_worker(self, service: str, name: str | None = None) -> Any:
        """Start (again) a worker of the service, as its own process, and wait until it is ready."""
        from shouhu.platform.testing import free_port

        name = name or f"{service}-worker"
        port = free_port()
        args = ["-m", "shouhu.platform.run", "worker", service, "--host", "127.0.0.1"]
        process = self.tools.start(
            name,
            [*args, "--port", str(port)],
            self.platform.service_env[service],
            self.platform.workdir,
        )
        self.platform.processes[:] = [p for p in self.platform.processes if p.name != name]
        self.platform.processes.append(process)
        self.platform.urls[name] = f"http://127.0.0.1:{port}"
        self.tools.wait_ready(process, self.platform.urls[name])
        return process

    def run(self, command: str, service: str) -> subprocess.CompletedProcess[str]:
        """An operator's command (`python -m shouhu.platform.run <command> <service>`), run as
        in the worker's pod: a process of its own with the service's settings."""
        return subprocess.run(
            [sys.executable, "-m", "shouhu.platform.run", command, service],
            env={**os.environ, **self.platform.service_env[service]},
            cwd=self.platform.workdir,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def engine(self, service: str) -> Engine:
        if service not in self._engines:
            self._engines[service] = create_engine(
                self.platform.databases[service], pool_pre_ping=True
            )
        return self._engines[service]

    def rows(self, service: str, sql: str, **params: object) -> list[Any]:
        with self.engine(service).connect() as connection:
            return list(connection.execute(text(sql), params).all())

    def scalar(self, service: str, sql: str, **params: object) -> int:
        return int(self.rows(service, sql, **params)[0][0])

    def audit(self) -> Audit:
        """Every event each service published, applied by each consumer once; no notification
        made twice from one event; nothing unpublished, nothing parked."""
        expected = found = 0
        missing: list[str] = []
        subjects: set[str] = set()
        published: dict[str, list[tuple[str, str, str]]] = {}
        for (consumer, source), types in consumed_types().items():
            if source not in published:
                published[source] = [
                    (row[0], row[1], row[2])
                    for row in self.rows(source, "SELECT event_id, event_type, key FROM outbox")
                ]
            wanted = {event_id for event_id, kind, _ in published[source] if kind in types}
            applied = {
                row[0]
                for row in self.rows(
                    consumer, "SELECT event_id FROM inbox WHERE consumer = :c", c=consumer
                )
            }
            expected += len(wanted)
            found += len(wanted & applied)
            missing += [f"{consumer}←{source}:{e}" for e in sorted(wanted - applied)[:3]]
            subjects |= {key for e, _, key in published[source] if e in wanted - applied}
        # The inbox's key cannot hold an event twice: a doubled effect would show in what the
        # handlers wrote. Notifications say, for each, the event that made it.
        doubled = self.scalar(
            "notifications",
            """SELECT coalesce(sum(n - 1), 0) FROM (
                 SELECT count(*) AS n FROM notification
                 GROUP BY source_event_id, kind, rung, recipient_username, recipient_role,
                          recipient_division, contact_mobile
                 HAVING count(*) > 1) AS twice""",
        )
        unpublished = sum(
            self.scalar(s, "SELECT count(*) FROM outbox WHERE published_at IS NULL")
            for s in SERVICES
        )
        parked = sum(self.scalar(s, "SELECT count(*) FROM parked_event") for s in SERVICES)
        return Audit(
            expected, found, expected - found, doubled, unpublished, parked, missing, subjects
        )

    def settled(self, timeout: float = 90) -> Audit:
        """Poll the audit until every effect is in (or the time is up): the state to judge."""
        began = time.monotonic()
        while True:
            audit = self.audit()
            audit.settled_seconds = time.monotonic() - began
            if audit.clean or audit.settled_seconds > timeout:
                return audit
            time.sleep(0.5)

    def kafka_messages(self, topic: str) -> int:
        """How many messages the topic holds (the sum of its partitions' end offsets)."""
        from kafka import KafkaConsumer, TopicPartition

        consumer = KafkaConsumer(bootstrap_servers=self.kafka.bootstrap)
        try:
            partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)]
            return sum(consumer.end_offsets(partitions).values())
        finally:
            consumer.close()


@dataclass
class Load:
    """A steady stream of work through the gateway: registrations, classifications, intakes."""

    stack: FaultStack
    label: str
    # Between operations: a steady stream the machine keeps up with, so that what an outage
    # holds back drains in seconds and the suite stays short.
    pause: float = 0.15
    sent: Counter[str] = field(default_factory=Counter)
    acknowledged: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    reasons: list[str] = field(default_factory=list)  # the first few failures, for the report
    children: list[dict[str, Any]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _serial: int = 0

    def __enter__(self) -> Load:
        self._thread = threading.Thread(target=self._run, name=f"load-{self.label}", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        """Stop sending and wait for the last operation (again: a no-op)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=60)

    def wait_for(self, acknowledged: int, timeout: float = 60) -> None:
        """Until that many operations were acknowledged (the load is flowing)."""
        deadline = time.monotonic() + timeout
        while sum(self.acknowledged.values()) < acknowledged:
            assert time.monotonic() < deadline, f"load stalled: {self.summary()}"
            time.sleep(0.1)

    def _run(self) -> None:
        client = httpx.Client(timeout=30)
        operations: list[Callable[[httpx.Client], None]] = [
            self._register,
            self._classify,
            self._register,
            self._intake,
        ]
        step = 0
        try:
            while not self._stop.is_set():
                operation = operations[step % len(operations)]
                step += 1
                name = operation.__name__.strip("_")
                self.sent[name] += 1
                try:
                    operation(client)
                    self.acknowledged[name] += 1
                except (httpx.HTTPError, AssertionError, KeyError, TypeError) as error:
                    self.failed[name] += 1  # refused or unanswered during an outage
                    if len(self.reasons) < 5:
                        self.reasons.append(f"{name}: {str(error)[:300]}")
                    self._stop.wait(0.2)
                self._stop.wait(self.pause)
        finally:
            client.close()

    def _call(
        self, client: httpx.Client, username: str, query: str, variables: dict[str, Any]
    ) -> dict[str, Any]:
        response = client.post(
            self.stack.graphql_url,
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self.stack.token(username)}"},
        )
        body = response.json()
        assert "errors" not in body and body.get("data"), body
        data: dict[str, Any] = body["data"]
        return data

    def _child(self) -> dict[str, Any]:
        self._serial += 1
        return new_child_input(VILLAGE, f"故障{self.label}{self._serial}")

    def _register(self, client: httpx.Client) -> None:
        data = self._call(client, SUPERVISOR, REGISTER, {"input": self._child()})
        self.children.append(dict(data["registerChild"]))

    def _classify(self, client: httpx.Client) -> None:
        if not self.children:
            return self._register(client)
        child = self.children[-1]
        groups = GROUPS[child["version"] % len(GROUPS)]
        since = date.today().replace(day=1).isoformat()
        variables = {
            "id": child["id"],
            "version": child["version"],
            "input": {
                "classifications": [{**g, "since": since} for g in groups],
                "reason": "入户核查",
            },
        }
        data = self._call(client, CLERK, CLASSIFY, variables)
        child["version"] = data["classifyChild"]["version"]
        return None

    def _intake(self, client: httpx.Client) -> None:
        application = {
            "child": self._child(),
            "applicantName": "李大山",
            "applicantRelation": "PARENT",
            "applicantPhone": "13911112222",
            "needs": ["LIVING_ALLOWANCE", "EDUCATION_AID", "LEGAL_AID"],
            "materials": ["户口簿", "身份证"],
        }
        self._call(client, CLERK, SUBMIT, {"input": application})

    def summary(self) -> str:
        sent, ok = sum(self.sent.values()), sum(self.acknowledged.values())
        kinds = ", ".join(f"{k} {self.acknowledged[k]}/{v}" for k, v in sorted(self.sent.items()))
        return f"work sent {sent} ({ok} acknowledged: {kinds})"


BOOT_SECONDS: dict[str, float] = {}


def timed_start(name: str, start: Callable[[], Any]) -> Any:
    """Start a server; remember how long it took (an outage counts a restart's boot in)."""
    began = time.monotonic()
    handle = start()
    BOOT_SECONDS[name] = time.monotonic() - began
    return handle


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[PostgresHandle, KafkaHandle, KeycloakHandle]]:
    """PostgreSQL, Kafka and Keycloak of the suite's own: the faults halt and restart them."""
    with ThreadPoolExecutor(max_workers=3) as pool:
        # At once: Keycloak alone takes as long as the other two together.
        futures = [
            pool.submit(timed_start, name, start)
            for name, start in (
                ("postgres", start_postgres),
                ("kafka", start_kafka),
                ("keycloak", start_keycloak),
            )
        ]
        wait(futures)
    started = [f.result() for f in futures if f.exception() is None]
    try:
        for future in futures:
            future.result()  # the first that failed, with its log
        yield started[0], started[1], started[2]
    finally:
        for handle in reversed(started):
            handle.stop()


@pytest.fixture(scope="module")
def stack(
    servers: tuple[PostgresHandle, KafkaHandle, KeycloakHandle],
    stack_tools: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[FaultStack]:
    """The platform on the suite's servers, each worker a process of its own."""
    postgres, kafka, keycloak = servers
    env = {
        # Tries parked events every few seconds (not five minutes): a fix shows within a test.
        "SHOUHU_REDRIVE_SECONDS": "3",
        "SHOUHU_CALENDAR_EVERY_SECONDS": "1",
    }
    workdir = tmp_path_factory.mktemp("faults")
    with stack_tools.platform(
        postgres, kafka, keycloak, workdir, separate_workers=True, env=env
    ) as platform:
        fault_stack = FaultStack(postgres, kafka, keycloak, platform, stack_tools)
        yield fault_stack
        for engine in fault_stack._engines.values():
            engine.dispose()

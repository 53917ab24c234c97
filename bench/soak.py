"""Soak (issue 16): mixed load at ten times a district's rate on the real stack, for an hour.

    uv run python bench/soak.py [--minutes 60] [--events-a-day 100000] [--factor 10]

The rate: a large district (docs/deploy.md, "Sizing a district") has 100,000 events a day; ten
times that is 1,000,000 a day, 11.6 events a second. The work is the gateway's mutations and a
read, in turn: register a child (1 event), classify one (1), take an application for a new
child with three needs (4: the child and three department tasks), look a child up by name (none);
1.75 events per operation, so 6.6 operations a second on average. Each minute's share comes as a
burst: the first half of the minute at twice the rate, then quiet, so that each minute shows the
lag a burst leaves and how soon it is gone.

The stack: PostgreSQL, Kafka and Keycloak as local processes (shouhu.localstack), each service
and the gateway its own uvicorn process in production mode, each service's worker a process of
its own (`python -m shouhu.platform.run worker`), tokens from Keycloak's password grant.

Each minute it samples every process's resident memory (RSS), the consumer lag (Kafka's end
offsets less each group's committed offsets, plus the events not yet published from the
outboxes) and the gateway's p95 per operation. At the end, each figure beside its budget:

- memory: growth of each process from the end of the first minute (warm) to the end ≤ 10 %;
- lag: back to 0 within 60 s of the end of each burst (the worst burst);
- p95: per operation, the last window's within 1.5x of the first window's (windows of ten
  minutes from the second minute on; a run shorter than 21 minutes compares the halves of the
  minutes after the first).

Prints the calibration line first; exits non-zero when a figure misses.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from harness import Verdict, calibrate, new_child, percentile, real_stack_env, report

from shouhu.platform.testing import free_port

SERVICES = ("registry", "benefits", "education", "volunteers", "notifications")
VILLAGE = "110109001001"
SUPERVISOR = "supervisor.110109001001"
CLERK = "clerk.110109001"
EVENTS_PER_OPERATION = 7 / 4  # register 1, classify 1, intake 4, search 0
LAG_BUDGET_SECONDS = 60
GROWTH_BUDGET = 10.0  # per cent
P95_RATIO_BUDGET = 1.5

REGISTER = "mutation($input: RegisterChildInput!) { registerChild(input: $input) { id version } }"
CLASSIFY = """mutation($id: ID!, $version: Int!, $input: ClassifyChildInput!) {
  classifyChild(id: $id, version: $version, input: $input) { id version } }"""
SUBMIT = """mutation($input: SubmitIntakeInput!) { submitIntake(input: $input) { id } }"""
SEARCH = """query($filter: ChildFilter) { children(filter: $filter, first: 20) {
  totalCount edges { node { id name } } } }"""
GROUPS = [
    [{"group": "LEFT_BEHIND", "subtype": "BOTH_PARENTS_AWAY"}],
    [{"group": "ILLNESS_DISABILITY", "subtype": "HIV_AFFECTED"}],
]


@dataclass
class Proc:
    """A process of the stack, with its log."""

    name: str
    popen: subprocess.Popen[bytes]
    url: str
    log: Path

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.popen.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")


def launch(name: str, args: list[str], env: dict[str, str], folder: Path) -> Proc:
    port = free_port()
    log = folder / f"{name}.log"
    popen = subprocess.Popen(
        [sys.executable, *args, "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, **env},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    return Proc(name, popen, f"http://127.0.0.1:{port}", log)


def ready(proc: Proc, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.popen.poll() is not None:
            raise RuntimeError(f"{proc.name} exited:\n{proc.log.read_text()[-3000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{proc.url}/readyz", timeout=3).status_code == 200:
                return
        if time.monotonic() > deadline:
            raise RuntimeError(f"{proc.name} not ready:\n{proc.log.read_text()[-3000:]}")
        time.sleep(0.3)


@contextmanager
def real_stack() -> Iterator[tuple[Any, Any, list[Proc], dict[str, str]]]:
    """PostgreSQL, Kafka, Keycloak; the APIs, their workers and the gateway."""
    from shouhu.localstack import start_kafka, start_keycloak, start_postgres

    handles: list[Any] = []
    procs: list[Proc] = []
    folder = Path(tempfile.mkdtemp(prefix="bench-soak-"))
    try:
        for start in (start_postgres, start_kafka, lambda: start_keycloak(full_jit=True)):
            handles.append(start())  # one by one: those started are stopped if the next fails
        pg, kafka, keycloak = handles
        common = {
            **real_stack_env(kafka, keycloak),
            "SHOUHU_MODE": "production",
            "SHOUHU_DATA_DIR": str(folder),
        }
        databases = {name: pg.create_database(f"soak_{name}") for name in SERVICES}
        env = {name: {**common, "SHOUHU_DATABASE_URL": databases[name]} for name in SERVICES}
        uvicorn = ["-m", "uvicorn", "--log-level", "warning", "--factory"]
        apis = [
            launch(
                name,
                [*uvicorn, f"shouhu.{name}.app:create_app"],
                {**env[name], "SHOUHU_RUN_WORKER": "false"},
                folder,
            )
            for name in SERVICES
        ]
        procs += apis
        for proc in apis:
            ready(proc)
        workers = [
            launch(
                f"{name}-worker", ["-m", "shouhu.platform.run", "worker", name], env[name], folder
            )
            for name in SERVICES
        ]
        urls = {f"SHOUHU_{p.name.upper()}_URL": p.url for p in apis}
        gateway = launch(
            "gateway", [*uvicorn, "shouhu.gateway.app:create_app"], {**common, **urls}, folder
        )
        procs += [*workers, gateway]
        for proc in [*workers, gateway]:
            ready(proc)
        yield pg, kafka, procs, {**databases, "keycloak_token": keycloak.token_url}
    finally:
        for proc in procs:
            proc.popen.terminate()
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.popen.wait(timeout=30)
        for handle in reversed(handles):
            handle.stop()


class Tokens:
    """Password-grant tokens from Keycloak, renewed well before they expire."""

    def __init__(self, token_url: str) -> None:
        self._url = token_url
        self._tokens: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def __call__(self, username: str) -> str:
        with self._lock:
            token, at = self._tokens.get(username, ("", 0.0))
            if time.monotonic() - at > 300:
                response = httpx.post(
                    self._url,
                    data={
                        "grant_type": "password",
                        "client_id": "shouhu-console",
                        "username": username,
                        "password": "shouhu-dev",
                    },
                    timeout=30,
                )
                response.raise_for_status()
                token, at = response.json()["access_token"], time.monotonic()
                self._tokens[username] = (token, at)
            return token


class Work:
    """The mix, operation by operation, timed at the client."""

    def __init__(self, gateway: str, tokens: Tokens) -> None:
        self._url = f"{gateway}/graphql"
        self._tokens = tokens
        self._client = httpx.Client(timeout=60, limits=httpx.Limits(max_connections=16))
        self._children: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self.samples: dict[str, list[tuple[float, float]]] = defaultdict(list)  # (at, ms)
        self.errors: dict[str, int] = defaultdict(int)
        self.operations: list[tuple[str, Callable[[], None]]] = [
            ("registerChild", self.register),
            ("classifyChild", self.classify),
            ("submitIntake", self.intake),
            ("children", self.search),
        ]

    def run(self, index: int) -> None:
        name, operation = self.operations[index % len(self.operations)]
        started = time.perf_counter()
        try:
            operation()
        except Exception:  # counted; the soak goes on
            self.errors[name] += 1
            return
        self.samples[name].append((time.monotonic(), (time.perf_counter() - started) * 1000))

    def _call(self, username: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        response = self._client.post(
            self._url,
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self._tokens(username)}"},
        )
        body = response.json()
        if body.get("errors") or not body.get("data"):
            raise RuntimeError(json.dumps(body)[:300])
        data: dict[str, Any] = body["data"]
        return data

    def register(self) -> None:
        data = new_child(VILLAGE, name="浸泡")
        child = self._call(SUPERVISOR, REGISTER, {"input": data})
        with self._lock:
            self._children.append({**child["registerChild"], "name": data["name"]})

    def classify(self) -> None:
        with self._lock:
            if not self._children:
                return None
            child = self._children.pop(0)  # one request per child at a time: no CONFLICT
        since = date.today().replace(day=1).isoformat()
        groups = GROUPS[child["version"] % len(GROUPS)]
        variables = {
            "id": child["id"],
            "version": child["version"],
            "input": {"classifications": [{**g, "since": since} for g in groups], "reason": "核查"},
        }
        data = self._call(CLERK, CLASSIFY, variables)
        child["version"] = data["classifyChild"]["version"]
        with self._lock:
            self._children.append(child)
        return None

    def intake(self) -> None:
        application = {
            "child": new_child(VILLAGE, name="浸泡受理", birthplace="110108"),
            "applicantName": "李大山",
            "applicantRelation": "PARENT",
            "applicantPhone": "13911112222",
            "needs": ["LIVING_ALLOWANCE", "EDUCATION_AID", "LEGAL_AID"],
            "materials": ["户口簿", "身份证"],
        }
        self._call(CLERK, SUBMIT, {"input": application})

    def search(self) -> None:
        # A supervisor looks a child up by name, as the console's search does: one of the run's
        # children (the prefix of them all would count every child the run made, a search
        # that grows with the run and that no one makes).
        with self._lock:
            name = self._children[-1]["name"] if self._children else "浸泡"
        self._call(SUPERVISOR, SEARCH, {"filter": {"name": name}})


class Lag:
    """What waits anywhere: events not yet published from the outboxes, and messages not yet
    consumed by each service's group (end offsets less committed offsets)."""

    def __init__(self, bootstrap: str, databases: dict[str, str]) -> None:
        from kafka import KafkaAdminClient, KafkaConsumer

        self._admin = KafkaAdminClient(bootstrap_servers=bootstrap)
        self._consumer = KafkaConsumer(bootstrap_servers=bootstrap)
        self._databases = {name: databases[name].replace("+psycopg", "") for name in SERVICES}

    def __call__(self) -> int:
        import psycopg

        behind = 0
        for url in self._databases.values():
            with psycopg.connect(url) as connection:
                row = connection.execute(
                    "SELECT count(*) FROM outbox WHERE published_at IS NULL"
                ).fetchone()
                behind += int(row[0]) if row else 0
        groups = self._admin.list_group_offsets(dict.fromkeys(SERVICES))
        for committed in groups.values():
            if committed:
                ends = self._consumer.end_offsets(list(committed))
                behind += sum(max(0, ends[tp] - meta.offset) for tp, meta in committed.items())
        return behind

    def close(self) -> None:
        self._consumer.close()
        self._admin.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=int, default=60)
    parser.add_argument("--events-a-day", type=int, default=100_000, help="the district's")
    parser.add_argument("--factor", type=float, default=10)
    args = parser.parse_args()
    # A run stopped with `kill` stops its stack too: SIGTERM unwinds like Ctrl-C, through the
    # blocks that start PostgreSQL, Kafka, Keycloak and the processes (they would outlive it).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    per_second = args.events_a_day * args.factor / 86400 / EVENTS_PER_OPERATION
    print(
        f"load: {args.events_a_day:,} events a day x{args.factor:g} = "
        f"{args.events_a_day * args.factor / 86400:.1f} events/s = {per_second:.1f} operations/s "
        f"on average, each minute's as a burst at {2 * per_second:.1f}/s for 30 s",
        flush=True,
    )
    with real_stack() as (pg, kafka, procs, databases):
        calibration = calibrate(pg.url("postgres"))
        work = Work(
            next(p.url for p in procs if p.name == "gateway"), Tokens(databases["keycloak_token"])
        )
        lag = Lag(kafka.bootstrap, databases)
        rss: dict[str, list[float]] = defaultdict(list)
        drained_after: list[float] = []
        windows: list[tuple[float, float]] = []
        index = 0
        with ThreadPoolExecutor(max_workers=8) as pool:
            for minute in range(1, args.minutes + 1):
                began = time.monotonic()
                burst = round(60 * per_second)
                gap = 30 / burst
                futures = []
                for n in range(burst):
                    delay = began + n * gap - time.monotonic()
                    if delay > 0:
                        time.sleep(delay)
                    futures.append(pool.submit(work.run, index))
                    index += 1
                for future in futures:
                    future.result()
                burst_end = time.monotonic()
                # From the burst's end until nothing waits anywhere (or the minute is over).
                waited = float("inf")
                while time.monotonic() < began + 60 + LAG_BUDGET_SECONDS:
                    if lag() == 0:
                        waited = time.monotonic() - burst_end
                        break
                    time.sleep(0.5)
                drained_after.append(waited)
                windows.append((began, time.monotonic()))
                remaining = began + 60 - time.monotonic()
                if remaining > 0:
                    time.sleep(remaining)
                for proc in procs:
                    rss[proc.name].append(proc.rss_mb())
                p95s = {
                    name: percentile([ms for at, ms in s if at >= began], 95)
                    for name, s in work.samples.items()
                    if any(at >= began for at, _ in s)
                }
                print(
                    f"minute {minute}: {burst} operations, lag gone {waited:.1f} s after the "
                    f"burst; p95 "
                    + ", ".join(f"{n} {v:.0f} ms" for n, v in sorted(p95s.items()))
                    + "; RSS MB "
                    + ", ".join(f"{n} {v[-1]:.0f}" for n, v in rss.items())
                    + (f"; errors {dict(work.errors)}" if work.errors else ""),
                    flush=True,
                )
        lag.close()
    verdicts: list[Verdict] = []
    for name, series in rss.items():
        growth = (series[-1] - series[0]) / series[0] * 100 if len(series) > 1 else 0.0
        verdicts.append(
            Verdict(
                f"memory growth of {name} (RSS {series[0]:.0f} MB at minute 1)",
                growth,
                GROWTH_BUDGET,
                "%",
            )
        )
    verdicts.append(
        Verdict(
            "lag back to 0 after a burst (worst minute)",
            max(drained_after),
            LAG_BUDGET_SECONDS,
            "s",
        )
    )
    # The first window starts after the first minute, as memory does: that minute warms the
    # pools and caches of every process, and its slow answers would flatter the ratio.
    span = min(10, max(1, (args.minutes - 1) // 2))
    after_warm = windows[1:] or windows
    first_start, first_end = after_warm[0][0], after_warm[span - 1][1]
    last_start = windows[-span][0]
    for name, samples in sorted(work.samples.items()):
        first = [ms for at, ms in samples if first_start <= at <= first_end]
        last = [ms for at, ms in samples if at >= last_start]
        if first and last:
            ratio = percentile(last, 95) / percentile(first, 95)
            verdicts.append(
                Verdict(
                    f"p95 {name}: last {span} min / first {span} min "
                    f"({percentile(first, 95):.0f} → {percentile(last, 95):.0f} ms)",
                    ratio,
                    P95_RATIO_BUDGET,
                    "x",
                )
            )
    errors = sum(work.errors.values())
    verdicts.append(Verdict(f"failed operations ({dict(work.errors)})", errors, 0, ""))
    return report(verdicts, calibration)


if __name__ == "__main__":
    sys.exit(main())
